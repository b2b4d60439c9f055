import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexical } from '../helpers/social'
import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { api, registerMember, signInContext } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** The number on the header's bell, or 0 when it shows none. */
async function badge(page: Page): Promise<number> {
  const el = page.getByTestId('notification-badge')
  return (await el.count()) ? Number((await el.innerText()).replace('+', '')) : 0
}

async function badgeBecomes(page: Page, expected: number) {
  const deadline = Date.now() + 15_000
  while ((await badge(page)) !== expected) {
    if (Date.now() > deadline) throw new Error(`the bell shows ${await badge(page)}, expected ${expected}`)
    await page.waitForTimeout(200)
  }
}

describe('notifications', () => {
  it('B’s bell counts A’s follow and comment live; B reads them and the badge goes to zero', async () => {
    const [ana, ben] = await Promise.all([registerMember('Ana Follower'), registerMember('Ben Author')])
    const benId = (await api('GET', '/api/users/me', undefined, ben.token)).body.user.id as number
    const created = await api(
      'POST',
      '/api/posts',
      { kind: 'text', title: 'Handover checklists that work', body: lexical('What do you put on yours?'), visibility: 'members', _status: 'published' },
      ben.token,
    )
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const postId = created.body.doc.id as number

    // Ben is somewhere on the site, signed in.
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } })
    await signInContext(context, ben.email, ben.password)
    const page = await context.newPage()
    const errors = pageErrors(page)
    await page.goto('/doctors')
    const bell = page.getByRole('link', { name: /^Notifications/ })
    await bell.waitFor()
    expect(await badge(page)).toBe(0)
    // The live stream is open once the bell has had its first answer.
    await page.waitForTimeout(1000)

    // Ana follows Ben and comments on his post, through the API.
    expect((await api('PUT', `/api/users/${benId}/follow`, undefined, ana.token)).status).toBeLessThan(300)
    await badgeBecomes(page, 1)
    expect((await api('POST', '/api/comments', { post: postId, body: 'A one-page SBAR, always.' }, ana.token)).status).toBe(201)
    await badgeBecomes(page, 2)
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications, 2 unread')

    // Ben opens his notifications from the bell.
    await bell.click()
    await page.waitForURL(/\/notifications$/)
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor()
    await page.getByRole('link', { name: /Ana Follower commented on your post/ }).waitFor()
    await page.getByRole('link', { name: /Ana Follower started following you/ }).waitFor()
    expect(await page.locator('[data-unread]').count()).toBe(2)
    expect(await page.getByRole('link', { name: /commented on your post/ }).getAttribute('href')).toMatch(new RegExp(`^/posts/${postId}#comment-\\d+$`))
    await snap(page, 'notifications-unread')

    await page.getByRole('button', { name: 'Mark all as read' }).click()
    await badgeBecomes(page, 0)
    expect(await page.locator('[data-unread]').count()).toBe(0)
    await page.getByText('You are all caught up.').waitFor()

    // Still read after a reload: it was stored, not only shown.
    await page.reload()
    await page.getByRole('link', { name: /Ana Follower started following you/ }).waitFor()
    expect(await badge(page)).toBe(0)
    expect(await page.locator('[data-unread]').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('on a phone the header folds its links into a menu, with the bell beside it', async () => {
    const member = await registerMember('Phone Reader')
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await signInContext(context, member.email, member.password)
    const page = await context.newPage()
    await page.goto('/notifications')
    await page.getByRole('link', { name: /^Notifications/ }).waitFor()
    await page.getByRole('link', { name: 'Search' }).waitFor()
    const menu = page.getByRole('button', { name: 'Menu' })
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('link', { name: 'Bookmarks' }).isVisible()).toBe(false)
    await menu.click()
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    for (const name of ['Feed', 'Rooms', 'Bookmarks', 'Messages']) expect(await page.getByRole('link', { name, exact: true }).isVisible()).toBe(true)
    await snap(page, 'notifications-phone-menu')
    await page.keyboard.press('Escape')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await context.close()
  })
})
