import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, newPage } from '../helpers/browser'

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
