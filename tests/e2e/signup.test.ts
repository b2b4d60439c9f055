import sharp from 'sharp'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, newMobilePage, newPage, pageErrors, snap } from '../helpers/browser'
import { api, uniqueEmail, verificationCode } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const member = {
  name: `Amara Nwosu ${Date.now().toString(36)}`,
  email: uniqueEmail('signup'),
  password: 'harbour lantern quietly 2026',
  title: 'Consultant cardiologist',
  bio: 'Interventional cardiologist at a teaching hospital.\nInterested in structural heart disease.',
  publicEmail: 'amara.clinic@e2e.rounds.test',
  phone: '+44 20 7946 0123',
}
let handle = ''
let specialtyName = ''

describe('a visitor joins Rounds in the browser', () => {
  it('signs up, confirms the emailed code, fills the profile, and shows it to the public', async () => {
    const { context, page } = await newPage(browser)
    const errors = pageErrors(page)

    // Members-only pages send visitors to log in first.
    await page.goto('/profile')
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/profile')

    await page.goto('/signup')
    await expect(page.getByText('At least 12 characters', { exact: false }).isVisible()).resolves.toBe(true)
    await page.getByLabel('Full name').fill(member.name)
    await page.getByLabel('Email').fill(member.email)
    // Too short: refused before anything is sent, with the message tied to the field.
    await page.getByLabel('Password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    const password = page.getByLabel('Password', { exact: true })
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true')
    expect(await page.locator('.field__error').first().textContent()).toContain('at least 12 characters')

    const started = new Date(Date.now() - 1000)
    await password.fill(member.password)
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL((url) => url.pathname === '/verify' && url.searchParams.get('email') === member.email)
    await snap(page, 'verify')

    const code = await verificationCode(member.email, started)
    const codeInput = page.getByLabel('Verification code')
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric')
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code')

    // A wrong code: the server's message is announced in the alert region, and nothing else happens.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    await codeInput.fill(wrong)
    await page.getByRole('button', { name: 'Confirm email' }).click()
    await page.getByRole('alert').filter({ hasText: 'That code is not right.' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/verify')

    await codeInput.fill(code)
    await page.getByRole('button', { name: 'Confirm email' }).click()
    await page.waitForURL((url) => url.pathname === '/profile')
    // Signed in: the header shows the member instead of "Log in".
    const header = page.locator('header.site-header')
    await header.getByText(member.name).waitFor()
    expect(await header.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true)
    expect(await header.getByRole('link', { name: 'Log in' }).count()).toBe(0)

    // The public address of the profile is shown on the page.
    const profileLink = page.locator('a[href^="/doctors/"]').first()
    handle = (await profileLink.getAttribute('href'))!.replace('/doctors/', '')
    expect(handle).toMatch(/^amara-nwosu/)

    await page.getByRole('textbox', { name: /^Job title/ }).fill(member.title)
    await page.getByRole('textbox', { name: /^Bio/ }).fill(member.bio)
    const specialty = page.getByRole('combobox', { name: /^Main specialty/ })
    const firstOption = specialty.locator('option:not([value=""])').first()
    specialtyName = (await firstOption.textContent())!.trim()
    expect(specialtyName.length).toBeGreaterThan(2)
    await specialty.selectOption({ label: specialtyName })
    await page.getByRole('textbox', { name: /^Contact email/ }).fill(member.publicEmail)
    await page.getByRole('combobox', { name: 'Contact email: Visible to' }).selectOption('public')
    await page.getByRole('textbox', { name: /^Phone/ }).fill(member.phone)
    expect(await page.getByRole('combobox', { name: 'Phone: Visible to' }).inputValue()).toBe('private')

    const portrait = await sharp({
      create: { width: 480, height: 480, channels: 3, background: { r: 15, g: 111, b: 104 } },
    })
      .png()
      .toBuffer()
    await page.locator('input[type="file"]').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: portrait })
    await page.getByRole('status').filter({ hasText: 'Photo updated.' }).waitFor()
    const preview = page.locator('.avatar-editor img.avatar')
    expect(await preview.getAttribute('src')).toMatch(/^(https?:\/\/[^/]+)?\/api\/media\/file\//)

    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor()
    await snap(page, 'profile-saved')

    // Reloaded from the server, the form shows what was saved.
    await page.reload()
    expect(await page.getByRole('textbox', { name: /^Job title/ }).inputValue()).toBe(member.title)
    expect(await page.getByRole('combobox', { name: 'Contact email: Visible to' }).inputValue()).toBe('public')

    // Log out: the session cookie is gone from the browser and the session is revoked on the server.
    const cookie = (await context.cookies()).find((c) => c.name === 'payload-token')
    expect(cookie?.value).toBeTruthy()
    await header.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await header.getByRole('link', { name: 'Log in' }).waitFor()
    expect((await context.cookies()).find((c) => c.name === 'payload-token')).toBeUndefined()
    const me = await fetch(`${baseURL()}/api/users/me`, { headers: { Cookie: `payload-token=${cookie!.value}` } })
    expect((await me.json()).user).toBeNull()

    expect(errors.map(String)).toEqual([])
    await context.close()
  })

  it('shows the public profile to a signed-out visitor, with only the public contact details', async () => {
    expect(handle).not.toBe('')
    const { context, page } = await newPage(browser)
    await page.goto(`/doctors/${handle}`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(member.name)
    const body = await page.locator('main').innerText()
    expect(body).toContain(member.title)
    expect(body).toContain('Interventional cardiologist at a teaching hospital.')
    expect(body).toContain('Interested in structural heart disease.')
    expect(body).toContain(specialtyName)
    expect(body).toContain(member.publicEmail)
    expect(body).not.toContain(member.phone)
    expect(await page.content()).not.toContain(member.phone)
    expect(await page.locator(`a[href="mailto:${member.publicEmail}"]`).count()).toBe(1)

    const avatar = page.locator('.doctor__head img.avatar')
    expect(await avatar.getAttribute('src')).toMatch(/^(https?:\/\/[^/]+)?\/api\/media\/file\/.+/)
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    await snap(page, 'doctor-public')

    // The directory lists the new member, 24 to a page; follow "Next" until the card turns up.
    await page.goto('/doctors')
    await snap(page, 'directory')
    let card = page.locator(`a.doctor-card[href="/doctors/${handle}"]`)
    for (let pages = 0; pages < 50 && (await card.count()) === 0; pages++) {
      const next = page.getByRole('link', { name: /Next/ })
      if ((await next.count()) === 0) break
      await next.click()
      await page.waitForURL(new RegExp(`page=${pages + 2}$`))
      card = page.locator(`a.doctor-card[href="/doctors/${handle}"]`)
    }
    expect(await card.innerText()).toContain(member.title)
    expect(await page.locator('a.doctor-card').count()).toBeLessThanOrEqual(24)

    // Unknown handles are a 404 page.
    const missing = await page.goto('/doctors/no-such-doctor-here')
    expect(missing?.status()).toBe(404)
    await page.getByRole('heading', { name: 'This page is not on the rounds' }).waitFor()
    // So are addresses no route knows, with the site's header and a way back.
    const unknown = await page.goto('/no/such/page')
    expect(unknown?.status()).toBe(404)
    await page.getByRole('heading', { name: 'This page is not on the rounds' }).waitFor()
    expect(await page.locator('header.site-header').getByRole('link', { name: 'Doctors' }).count()).toBe(1)
    await context.close()
  })

  it('logs in with the new password and only follows a same-site ?next=', async () => {
    const { context, page } = await newPage(browser)
    await page.goto('/login?next=' + encodeURIComponent('//evil.example/steal'))
    await page.getByLabel('Email').fill(member.email)
    await page.getByLabel('Password', { exact: true }).fill(member.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL((url) => url.pathname === '/profile')
    expect(new URL(page.url()).host).toBe(new URL(baseURL()).host)
    await page.locator('header.site-header').getByText(member.name).waitFor()
    await page.goto('/')
    // Home is now their feed, with the composer on top.
    await page.getByRole('heading', { name: 'Your feed' }).waitFor()
    await page.getByRole('form', { name: 'Write a post' }).waitFor()
    await snap(page, 'member-home')

    // Signed in, the public profile shows the private phone number to its owner only.
    await page.goto(`/doctors/${handle}`)
    expect(await page.locator('main').innerText()).toContain(member.phone)
    await context.close()
  })

  it('sends someone who has not confirmed their email from the login page to the code page', async () => {
    const email = uniqueEmail('unconfirmed')
    const reg = await api('POST', '/api/users/register', { name: 'Not Yet Confirmed', email, password: member.password })
    expect(reg.status).toBe(202)
    const { context, page } = await newPage(browser)
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(member.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Confirm your email address before logging in.' })
    await alert.waitFor()
    await alert.getByRole('link').click()
    await page.waitForURL((url) => url.pathname === '/verify' && url.searchParams.get('email') === email)
    await page.getByRole('button', { name: 'Send a new code' }).click()
    await page.getByRole('status').filter({ hasText: 'a new code is on its way' }).waitFor()
    await context.close()
  })

  it('lays the profile out for a phone-sized screen', async () => {
    const { context, page } = await newMobilePage(browser)
    await page.goto(`/doctors/${handle}`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await snap(page, 'doctor-public-mobile')
    await page.goto('/signup')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
    await context.close()
  })
})
