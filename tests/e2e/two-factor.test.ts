import fs from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launch, newMobilePage, newPage, pageErrors, snap } from '../helpers/browser'
import { adminBrowserLogin, adminToken, api, registerMember, uniqueEmail } from './support'
import { nextTotpCode, wrongTotpCode } from './totp'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const outcome = <T>(p: Promise<unknown>, value: T) =>
  p.then(
    () => value,
    () => null,
  )

/** Logs in on the member site's form; a refusal for too many logins from this address is waited out. */
async function siteLogin(page: Page, email: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`)
  for (let attempt = 0; ; attempt++) {
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Log in' }).click()
    const limited = page.getByRole('alert').filter({ hasText: /Too many attempts/ })
    const result = await Promise.race([
      outcome(limited.waitFor({ timeout: 30_000 }), 'limited' as const),
      outcome(page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 }), 'left' as const),
    ])
    if (result !== 'limited' || attempt >= 2) return
    const seconds = Number((await limited.innerText()).match(/(\d+) seconds?/)?.[1] ?? 30)
    await new Promise((r) => setTimeout(r, (Math.min(seconds, 60) + 1) * 1000))
  }
}

const atSecurity = (url: URL) => url.pathname === '/settings/security'
const atCodeStep = (url: URL) => url.pathname === '/login/two-factor' && url.searchParams.get('next') === '/settings/security'

let member: Awaited<ReturnType<typeof registerMember>>
let secret = ''
let recoveryCodes: string[] = []

describe('two-factor authentication for a member', () => {
  it('is turned on in the security settings: QR code and key, a code to confirm, ten recovery codes shown once', async () => {
    member = await registerMember('Priya Twofactor')
    const { context, page } = await newPage(browser)
    const errors = pageErrors(page)
    await siteLogin(page, member.email, member.password, '/settings/security')
    await page.waitForURL(atSecurity)

    const status = page.locator('.tf-status')
    await status.getByText('Off', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Turn on two-factor' }).click()

    const qr = page.getByRole('img', { name: /QR code/ })
    await qr.waitFor()
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(await page.locator('a[href^="otpauth://totp/"]').count()).toBe(1)
    // The key as text, in groups of four for reading; the app takes it without the spaces.
    const shown = await page.locator('.totp-secret code').innerText()
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/)
    secret = shown.replace(/\s+/g, '')
    await snap(page, 'two-factor-setup')

    const code = page.getByLabel('Code from the app')
    expect(await code.getAttribute('inputmode')).toBe('numeric')
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
    await code.fill(await nextTotpCode(secret))
    await page.getByRole('button', { name: 'Turn on two-factor' }).click()

    const list = page.getByRole('list', { name: 'Recovery codes' })
    await list.waitFor()
    recoveryCodes = await list.locator('code').allInnerTexts()
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/)
    await snap(page, 'two-factor-recovery-codes')

    // The download holds every code.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .txt' }).click()])
    expect(download.suggestedFilename()).toBe('rounds-recovery-codes.txt')
    const text = fs.readFileSync(await download.path(), 'utf8')
    for (const c of recoveryCodes) expect(text).toContain(c)

    await page.getByRole('button', { name: 'I have saved them' }).click()
    await status.getByText('On', { exact: true }).waitFor()
    expect(await status.innerText()).toMatch(/Recovery codes left\s*10/i)

    // Shown once: after a reload the page has the status, not the codes.
    await page.reload()
    await status.getByText('On', { exact: true }).waitFor()
    expect(await page.getByRole('list', { name: 'Recovery codes' }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('then asks for the code at login (on a phone): a wrong code is refused, the right one signs in and can remember the device', async () => {
    expect(secret).not.toBe('')
    const { context, page } = await newMobilePage(browser)
    const errors = pageErrors(page)
    await siteLogin(page, member.email, member.password, '/settings/security')
    await page.waitForURL(atCodeStep)

    const code = page.getByLabel('Authentication code')
    await code.waitFor()
    expect(await code.getAttribute('inputmode')).toBe('numeric')
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
    // Fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await snap(page, 'two-factor-code-step')

    // The password alone opens nothing: members-only pages still send the visitor to log in.
    await page.goto('/profile')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.goto('/login/two-factor?next=%2Fsettings%2Fsecurity')
    await code.waitFor()

    await code.fill(await wrongTotpCode(secret))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('That code is not right').waitFor()
    expect(await code.getAttribute('aria-invalid')).toBe('true')
    expect(atCodeStep(new URL(page.url()))).toBe(true)

    await code.fill(await nextTotpCode(secret))
    await page.getByLabel('Remember this device for 30 days').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(atSecurity)
    // Signed in: the header shows the member's notifications (the name and Log out fold away on a phone).
    await page.locator('header.site-header').getByRole('link', { name: /^Notifications/ }).waitFor()

    // This browser is now a remembered device: the next login skips the code.
    const devices = page.getByRole('region', { name: 'Remembered devices' })
    await devices.getByText('This device').waitFor()
    // On a phone, Log out is in the menu.
    await page.locator('header.site-header').getByRole('button', { name: 'Menu' }).click()
    await page.locator('header.site-header').getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await siteLogin(page, member.email, member.password, '/settings/security')
    await page.waitForURL(atSecurity)

    // Forgetting it is one button.
    await devices.getByRole('button', { name: /^Forget .*\(this device\)$/ }).click()
    await devices.getByText('No device is remembered.').waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('accepts a recovery code in place of the code, once', async () => {
    expect(recoveryCodes).toHaveLength(10)
    const { context, page } = await newPage(browser)
    await siteLogin(page, member.email, member.password, '/settings/security')
    await page.waitForURL(atCodeStep)
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click()
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(atSecurity)
    expect(await page.locator('.tf-status').innerText()).toMatch(/Recovery codes left\s*9/i)
    await context.close()

    const second = await newPage(browser)
    await siteLogin(second.page, member.email, member.password, '/settings/security')
    await second.page.waitForURL(atCodeStep)
    await second.page.getByRole('button', { name: 'Use a recovery code instead' }).click()
    await second.page.getByLabel('Recovery code').fill(recoveryCodes[0]!)
    await second.page.getByRole('button', { name: 'Continue' }).click()
    await second.page.getByText('That recovery code is not right, or it was already used').waitFor()
    expect(atCodeStep(new URL(second.page.url()))).toBe(true)
    await second.context.close()
  })

  it('makes new recovery codes for a current code, and turns off with the password and a code', async () => {
    const { context, page } = await newPage(browser)
    await siteLogin(page, member.email, member.password, '/settings/security')
    await page.waitForURL(atCodeStep)
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click()
    await page.getByLabel('Recovery code').fill(recoveryCodes[1]!)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(atSecurity)

    const codesSection = page.getByRole('region', { name: 'Recovery codes' })
    await codesSection.getByLabel('Code from your authenticator app').fill(await nextTotpCode(secret))
    await codesSection.getByRole('button', { name: 'Make new recovery codes' }).click()
    const list = page.getByRole('list', { name: 'Recovery codes' })
    await list.waitFor()
    const fresh = await list.locator('code').allInnerTexts()
    expect(fresh).toHaveLength(10)
    expect(fresh.filter((c) => recoveryCodes.includes(c))).toEqual([])
    await page.getByRole('button', { name: 'I have saved them' }).click()
    const status = page.locator('.tf-status')
    await status.getByText('10', { exact: true }).waitFor()
    expect(await status.innerText()).toMatch(/Recovery codes left\s*10/i)

    // Turning off needs the password: a wrong one is refused and two-factor stays on.
    const off = page.getByRole('region', { name: 'Turn off two-factor' })
    const code = await nextTotpCode(secret)
    await off.getByLabel('Password', { exact: true }).fill('not my password at all')
    await off.getByLabel('Code from your authenticator app').fill(code)
    await off.getByRole('button', { name: 'Turn off two-factor' }).click()
    await off.getByText('That password is not right.').waitFor()
    expect(await status.innerText()).toMatch(/On/)

    await off.getByLabel('Password', { exact: true }).fill(member.password)
    await off.getByLabel('Code from your authenticator app').fill(code)
    await off.getByRole('button', { name: 'Turn off two-factor' }).click()
    await status.getByText('Off', { exact: true }).waitFor()
    await page.getByText('Two-factor is off.').waitFor()
    await context.close()

    // The next login needs only the password.
    const again = await newPage(browser)
    await siteLogin(again.page, member.email, member.password, '/settings/security')
    await again.page.waitForURL(atSecurity)
    await again.context.close()
    // Two codes from the app in one test: the second may have to wait for the next 30-second step.
  }, 120_000)
})

describe('two-factor is required of administrators', () => {
  it('takes a moderator logging in on the site through setup before anything else', async () => {
    const email = uniqueEmail('moderator')
    const password = 'fresh moderator passphrase 2026'
    const created = await api('POST', '/api/users', { email, password, name: 'Fresh Moderator', roles: ['moderator'], _verified: true }, await adminToken())
    expect(created.status).toBe(201)

    const { context, page } = await newMobilePage(browser)
    const errors = pageErrors(page)
    await siteLogin(page, email, password, '/profile')
    await page.waitForURL((url) => url.pathname === '/login/two-factor' && url.searchParams.get('next') === '/profile')
    await page.getByRole('heading', { name: 'Protect your account' }).waitFor()
    expect(await page.getByText('Your role on Rounds requires two-factor authentication').isVisible()).toBe(true)
    await page.getByRole('img', { name: /QR code/ }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await snap(page, 'two-factor-enroll-step')

    const moderatorSecret = (await page.locator('.totp-secret code').innerText()).replace(/\s+/g, '')
    await page.getByLabel('Code from the app').fill(await nextTotpCode(moderatorSecret))
    await page.getByRole('button', { name: 'Confirm and turn on' }).click()
    const codes = page.getByRole('list', { name: 'Recovery codes' }).locator('code')
    await codes.first().waitFor()
    expect(await codes.count()).toBe(10)
    await page.getByRole('button', { name: 'I have saved them, continue' }).click()
    await page.waitForURL((url) => url.pathname === '/profile')
    await page.locator('header.site-header').getByRole('link', { name: /^Notifications/ }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('takes an admin without it through setup at /admin/login, then into the dashboard', async () => {
    const email = uniqueEmail('admin')
    const password = 'fresh admin passphrase 2026'
    const created = await api('POST', '/api/users', { email, password, name: 'Fresh Admin', roles: ['admin'], _verified: true }, await adminToken())
    expect(created.status).toBe(201)

    const { context, page } = await newPage(browser)
    // The two-factor page of the panel is for signed-in staff: a visitor is sent to log in, and back.
    await page.goto('/admin/two-factor')
    await page.waitForURL((url) => url.pathname === '/admin/login' && url.searchParams.get('redirect') === '/admin/two-factor')
    await adminBrowserLogin(page, email, password)

    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor()
    expect(await page.getByText('Your role requires two-factor authentication').isVisible()).toBe(true)
    const qr = page.getByRole('img', { name: /QR code/ })
    await qr.waitFor()
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)

    // Until the setup is finished the panel stays closed, even in another tab.
    const other = await context.newPage()
    await other.goto('/admin/collections/users')
    await other.waitForURL((url) => url.pathname === '/admin/login')
    await other.close()

    const adminSecret = (await page.locator('.tf-secret code').innerText()).replace(/\s+/g, '')
    expect(adminSecret).toMatch(/^[A-Z2-7]{16,}$/)
    await snap(page, 'admin-two-factor-setup')
    await page.getByLabel('Code from the app').fill(await nextTotpCode(adminSecret))
    await page.getByRole('button', { name: 'Confirm and turn on' }).click()

    const codes = page.getByRole('list', { name: 'Recovery codes' }).locator('code')
    await codes.first().waitFor()
    expect(await codes.count()).toBe(10)
    await snap(page, 'admin-two-factor-codes')
    await page.getByRole('button', { name: 'I have saved them, continue' }).click()

    await page.locator('.dashboard').waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/admin')

    // The nav leads to the admin's own two-factor page.
    expect(await page.locator('a#nav-two-factor').getAttribute('href')).toBe('/admin/two-factor')
    await page.goto('/admin/two-factor')
    const status = page.locator('.tf-status')
    await status.waitFor()
    expect(await status.innerText()).toMatch(/Two-factor\s*On/i)
    expect(await status.innerText()).toMatch(/Recovery codes left\s*10 of 10/i)
    await snap(page, 'admin-two-factor-manage')
    await context.close()
  })
})
