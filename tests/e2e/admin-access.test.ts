import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { E2E_ADMIN } from '../setup/server'
import { baseURL, launch, newPage, snap } from '../helpers/browser'
import { adminBrowserLogin, adminTwoFactor, registerMember } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

describe('the production server', () => {
  it('reports liveness and database readiness', async () => {
    const res = await fetch(`${baseURL()}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ live: true, ready: true, database: 'up' })
  })

  it('serves the admin login page in Chromium', async () => {
    const { context, page } = await newPage(browser)
    await page.goto('/admin')
    await page.waitForSelector('input[name="email"]')
    expect(await page.title()).toContain('Rounds')
    await context.close()
  })
})

describe('who gets into the admin panel', () => {
  it('lets staff log in with their password and authenticator code, and shows them the dashboard', async () => {
    const { context, page } = await newPage(browser)
    await adminBrowserLogin(page, E2E_ADMIN.email, E2E_ADMIN.password, adminTwoFactor().secret)
    const dashboard = page.locator('.dashboard')
    await dashboard.waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/admin')
    // The collections of Rounds are there to manage.
    expect(await dashboard.innerText()).toContain('Members')
    expect(await page.getByRole('heading', { name: /does not have access/ }).count()).toBe(0)
    await snap(page, 'admin-dashboard')
    await context.close()
  })

  it('refuses a member: the panel shows the unauthorized view and none of the collections', async () => {
    const member = await registerMember('Ordinary Member')
    const { context, page } = await newPage(browser)
    await adminBrowserLogin(page, member.email, member.password)
    await page.getByRole('heading', { name: /this user does not have access to the admin panel/ }).waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/admin/unauthorized')
    expect(await page.locator('.dashboard').count()).toBe(0)

    // Going straight to a collection does not help.
    await page.goto('/admin/collections/users')
    await page.getByRole('heading', { name: /this user does not have access to the admin panel/ }).waitFor()
    expect(await page.locator('.collection-list').count()).toBe(0)
    await snap(page, 'admin-refused')

    // The member is still signed in on the member site, which is where they belong.
    await page.goto('/')
    await page.locator('header.site-header').getByText(member.name).waitFor()
    await context.close()
  })
})
