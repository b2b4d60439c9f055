import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launch, newPage, pageErrors, snap } from '../helpers/browser'

/**
 * "Continue with Google" in real Chromium, against the production server configured (by the e2e
 * setup) with a local OpenID provider on 127.0.0.1 that signs one person in without asking anything.
 */
const google = inject('e2eGoogle')

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

// A server given through E2E_BASE_URL was started without the local provider: nothing to click.
describe.skipIf(!google)('continuing with Google', () => {
  it('signs a visitor up from the log-in page and lands them signed in where they were going', async () => {
    const { context, page } = await newPage(browser)
    const errors = pageErrors(page)
    await page.goto(`/login?next=${encodeURIComponent('/settings/accounts')}`)
    // Only the configured provider is offered.
    const buttons = page.getByRole('list', { name: 'Sign in with an account you already have' }).getByRole('link')
    expect(await buttons.allInnerTexts()).toEqual(['Continue with Google'])
    await snap(page, 'login-social')

    await page.getByRole('link', { name: 'Continue with Google' }).click()
    await page.waitForURL((url) => url.pathname === '/settings/accounts')
    const header = page.locator('header.site-header')
    await header.getByText(google!.name).waitFor()
    expect(await header.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true)

    // The new account is connected to Google, and Google is its only way in, so it stays.
    const row = page.getByRole('listitem').filter({ hasText: 'Google' })
    await row.getByText(`Connected as ${google!.email}`).waitFor()
    await snap(page, 'connected-accounts')
    await row.getByRole('button', { name: 'Disconnect Google' }).click()
    await page.getByRole('alert').filter({ hasText: 'Google is the only way you can sign in' }).waitFor()
    expect(await row.getByText(`Connected as ${google!.email}`).isVisible()).toBe(true)

    // The session is a real one: the API knows the member from the browser's HttpOnly cookie.
    const cookie = (await context.cookies()).find((c) => c.name === 'payload-token')
    expect(cookie?.httpOnly).toBe(true)
    const me = await page.evaluate(() => fetch('/api/users/me', { credentials: 'same-origin' }).then((r) => r.json()))
    expect(me.user).toMatchObject({ email: google!.email, name: google!.name })
    // The flow cookie was spent.
    expect((await context.cookies()).some((c) => c.name.startsWith('rounds-oauth-'))).toBe(false)

    expect(errors.map(String)).toEqual([])
    await context.close()
  })

  it('signs the same member in again from the sign-up page, to their profile', async () => {
    const { context, page } = await newPage(browser)
    await page.goto('/signup')
    await page.getByRole('link', { name: 'Continue with Google' }).click()
    await page.waitForURL((url) => url.pathname === '/profile')
    await page.getByText(`Signed in as ${google!.email}`).waitFor()
    await context.close()
  })
})
