import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, newPage, pageErrors, snap } from '../helpers/browser'
import { lastEmailTo, login, registerMember, uniqueEmail } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const NEW_PASSWORD = 'a brand new passphrase 2026'

/** The confirmation, with the address it names taken out, so two answers can be compared. */
async function confirmation(email: string) {
  const { context, page } = await newPage(browser)
  await page.goto('/forgot-password')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  const status = page.getByRole('status').filter({ hasText: 'we have sent it a link' })
  await status.waitFor()
  const text = (await status.innerText()).replace(email, '<email>')
  await snap(page, 'forgot-sent')
  await context.close()
  return text
}

describe('a member who forgot their password', () => {
  it('gets a link by email, sets a new password, is signed in, and the old password stops working', async () => {
    const member = await registerMember('Tomasz Reset')

    // The answer is the same whether or not the address has an account.
    const started = new Date(Date.now() - 1000)
    const known = await confirmation(member.email)
    const unknown = await confirmation(uniqueEmail('nobody'))
    expect(known).toBe(unknown)

    const email = await lastEmailTo(member.email, { after: started })
    expect(email.subject).toBe('Reset your Rounds password')
    const href = email.html?.match(/href="([^"]+\/reset-password\?token=[^"]+)"/)?.[1]?.replace(/&amp;/g, '&')
    expect(href).toBeTruthy()
    const link = new URL(href!)
    expect(link.origin).toBe(baseURL())

    const { context, page } = await newPage(browser)
    const errors = pageErrors(page)
    await page.goto(`${link.pathname}${link.search}`)
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await page.getByLabel('New password, again').fill(NEW_PASSWORD.toUpperCase())
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText('The two passwords are not the same.').waitFor()
    await page.getByLabel('New password, again').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.waitForURL((url) => url.pathname === '/profile')
    await page.locator('header.site-header').getByText(member.name).waitFor()
    expect(errors.map(String)).toEqual([])
    await context.close()

    // The link works once.
    const again = await newPage(browser)
    await again.page.goto(`${link.pathname}${link.search}`)
    await again.page.getByLabel('New password', { exact: true }).fill('yet another passphrase 2026')
    await again.page.getByLabel('New password, again').fill('yet another passphrase 2026')
    await again.page.getByRole('button', { name: 'Set new password' }).click()
    await again.page.getByRole('alert').filter({ hasText: 'This reset link is not valid any more' }).waitFor()
    await snap(again.page, 'reset-used-link')

    // The old password is refused on the login page; the new one is accepted.
    await again.page.goto('/login')
    await again.page.getByLabel('Email').fill(member.email)
    await again.page.getByLabel('Password', { exact: true }).fill(member.password)
    await again.page.getByRole('button', { name: 'Log in' }).click()
    await again.page.getByRole('alert').filter({ hasText: 'The email or password is not right.' }).waitFor()
    expect(new URL(again.page.url()).pathname).toBe('/login')
    await again.context.close()

    expect((await login(member.email, NEW_PASSWORD)).status).toBe(200)
  })

  it('explains an incomplete link instead of showing a form that cannot work', async () => {
    const { context, page } = await newPage(browser)
    await page.goto('/reset-password')
    await page.getByText('This reset link is incomplete.').waitFor()
    expect(await page.getByRole('button', { name: 'Set new password' }).count()).toBe(0)
    await context.close()
  })
})
