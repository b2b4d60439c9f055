import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launch, newMobilePage, pageErrors, snap } from '../helpers/browser'
import { api, registerMember, signInContext } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** Random letters: a surname nobody else on the server has. */
const surname = () => Array.from({ length: 8 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('')

describe('search page', () => {
  it('a member searches on a phone, switches tabs and finds a doctor despite a typo', async () => {
    const family = surname()
    const doctor = await registerMember(`Marguerite ${family[0]!.toUpperCase()}${family.slice(1)}`)
    const me = await api('GET', '/api/users/me', undefined, doctor.token)
    const handle = me.body.user.handle as string
    const member = await registerMember('Search Tester')

    const { context, page } = await newMobilePage(browser)
    const errors = pageErrors(page)
    await signInContext(context, member.email, member.password)
    await page.goto('/search')
    // Two letters swapped in the first name.
    const query = `Margeurite ${family}`
    await page.getByRole('searchbox', { name: 'Search Rounds' }).fill(query)
    await page.getByRole('searchbox', { name: 'Search Rounds' }).press('Enter')
    await page.waitForURL(/\/search\?q=/)

    // "All": the person is in the People section.
    const people = page.getByRole('region', { name: 'People' })
    await people.getByRole('link', { name: new RegExp(`Marguerite ${family}`, 'i') }).waitFor()
    await snap(page, 'search-all')

    // The People tab: the same doctor, linking to their profile.
    const tabs = page.getByRole('navigation', { name: 'Search sections' })
    await tabs.getByRole('link', { name: 'People' }).click()
    await page.waitForURL(/type=people/)
    await expect.poll(() => tabs.getByRole('link', { name: 'People' }).getAttribute('aria-current')).toBe('page')
    const card = page.getByRole('link', { name: new RegExp(`Marguerite ${family}`, 'i') })
    expect(await card.getAttribute('href')).toBe(`/doctors/${handle}`)
    await snap(page, 'search-people')

    // The Posts tab has nothing for a name, and says so.
    await tabs.getByRole('link', { name: 'Posts' }).click()
    await page.waitForURL(/type=posts/)
    await page.getByText(/Nothing matches/).waitFor()
    expect(await page.getByRole('searchbox', { name: 'Search Rounds' }).inputValue()).toBe(query)

    // The page fits the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(errors).toEqual([])
    await context.close()
    // Four page loads and two sign-ups: more than the default minute on a busy machine.
  }, 120_000)

  it('explains a query that is too short instead of failing', async () => {
    const { context, page } = await newMobilePage(browser)
    await page.goto('/search?q=a')
    await page.getByRole('alert').filter({ hasText: /at least 2 characters/ }).waitFor()
    await context.close()
  })
})
