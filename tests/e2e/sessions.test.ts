import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { api, registerMember, signInContext } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const WINDOWS_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

describe('a member signed in on two devices', () => {
  it('sees both on the sessions page, signs the other one out from here, then this one', async () => {
    const member = await registerMember('Ines Sessions')
    // The confirmation signed the member in from this test process: end that session first.
    expect((await api('POST', '/api/users/logout', undefined, member.token)).status).toBe(200)

    const laptop = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 }, userAgent: WINDOWS_CHROME })
    const phone = await browser.newContext({
      baseURL: baseURL(),
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      userAgent: IPHONE_SAFARI,
    })
    await signInContext(laptop, member.email, member.password)
    await signInContext(phone, member.email, member.password)

    // On the phone: both sessions, this one marked, laid out for a narrow screen.
    const onPhone = await phone.newPage()
    const phoneErrors = pageErrors(onPhone)
    await onPhone.goto('/settings/sessions')
    const phoneList = onPhone.getByRole('list', { name: 'Signed-in sessions' })
    await phoneList.getByRole('listitem').nth(1).waitFor()
    expect(await phoneList.getByRole('listitem').count()).toBe(2)
    const phoneCard = phoneList.getByRole('listitem').filter({ hasText: 'This device' })
    expect(await phoneCard.getByRole('heading').innerText()).toContain('Safari on iPhone')
    expect(await phoneCard.getByText('Active now').isVisible()).toBe(true)
    const overflow = await onPhone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await snap(onPhone, 'sessions-phone')
    expect(phoneErrors.map(String)).toEqual([])

    // On the laptop: the phone's session is listed with its device, and signed out from here.
    const onLaptop = await laptop.newPage()
    const laptopErrors = pageErrors(onLaptop)
    await onLaptop.goto('/settings/sessions')
    const list = onLaptop.getByRole('list', { name: 'Signed-in sessions' })
    await list.getByRole('listitem').nth(1).waitFor()
    expect(await list.getByRole('listitem').count()).toBe(2)
    const here = list.getByRole('listitem').filter({ hasText: 'This device' })
    expect(await here.getByRole('heading').innerText()).toContain('Chrome on Windows')
    const other = list.getByRole('listitem').filter({ hasText: 'Safari on iPhone' })
    expect(await other.getByText('This device').count()).toBe(0)
    // Dates turn to local time once the page is running: from then on its buttons work.
    await other.getByText(/^Signed in \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/).waitFor()
    expect(await other.getByText(/^IP /).count()).toBe(1)
    await snap(onLaptop, 'sessions-laptop')

    await other.getByRole('button', { name: 'Sign out Safari on iPhone' }).click()
    await onLaptop.getByRole('status').filter({ hasText: 'Safari on iPhone is signed out.' }).waitFor()
    expect(await list.getByRole('listitem').count()).toBe(1)
    expect(await onLaptop.getByRole('button', { name: 'Sign out of all other sessions' }).count()).toBe(0)

    // The phone's next page load finds it signed out.
    await onPhone.goto('/settings/sessions')
    await onPhone.waitForURL((url) => url.pathname === '/login')
    await onPhone.locator('header.site-header').getByRole('link', { name: 'Log in' }).waitFor()

    // The laptop is still signed in; a reload lists one session.
    await onLaptop.reload()
    await list.getByRole('listitem').first().waitFor()
    expect(await list.getByRole('listitem').count()).toBe(1)

    // Signing out this device ends here too and goes to the login page.
    await list.getByRole('button', { name: 'Sign out of this device' }).click()
    await onLaptop.waitForURL((url) => url.pathname === '/login')
    await onLaptop.goto('/settings/sessions')
    await onLaptop.waitForURL((url) => url.pathname === '/login')
    expect(laptopErrors.map(String)).toEqual([])

    await laptop.close()
    await phone.close()
  })

  it('signs out of every other session at once', async () => {
    const member = await registerMember('Jonas Sessions')
    const laptop = await browser.newContext({ baseURL: baseURL(), userAgent: WINDOWS_CHROME })
    await signInContext(laptop, member.email, member.password)
    const page = await laptop.newPage()
    await page.goto('/settings/sessions')
    const list = page.getByRole('list', { name: 'Signed-in sessions' })
    // This browser, and the session the email confirmation started.
    await list.getByRole('listitem').nth(1).waitFor()
    await list.getByText(/^Signed in .*\d{2}:\d{2}$/).first().waitFor()
    await page.getByRole('button', { name: 'Sign out of all other sessions' }).click()
    await page.getByRole('status').filter({ hasText: 'Signed out of 1 other session.' }).waitFor()
    expect(await list.getByRole('listitem').count()).toBe(1)
    expect((await api('GET', '/api/users/me', undefined, member.token)).body.user).toBeNull()
    await page.reload()
    await list.getByRole('listitem').first().waitFor()
    expect(await list.getByRole('listitem').count()).toBe(1)
    await laptop.close()
  })
})
