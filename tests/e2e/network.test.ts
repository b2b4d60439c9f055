import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { signInContext, verifiedDoctor } from './support'

/**
 * The network as two doctors use it, each in a browser of their own: A follows B, B posts a figure,
 * A finds it in the feed, comments and likes it, B hears of it live, and they talk in messages that
 * appear on the other screen without a reload.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

async function badge(page: Page): Promise<number> {
  const el = page.getByTestId('notification-badge')
  return (await el.count()) ? Number((await el.innerText()).replace('+', '')) : 0
}

describe('two doctors on the network', () => {
  it('follow, post with an image, feed, comment, like, live notification, direct messages', async () => {
    const stamp = Date.now().toString(36)
    const [ada, ben] = await Promise.all([verifiedDoctor(`Ada Network ${stamp}`), verifiedDoctor(`Ben Network ${stamp}`)])
    const open = async (who: { email: string; password: string }) => {
      const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } })
      await signInContext(context, who.email, who.password)
      const page = await context.newPage()
      return { context, page, errors: pageErrors(page) }
    }
    const a = await open(ada)
    const b = await open(ben)

    // A follows B from B's profile.
    await a.page.goto(`/doctors/${ben.handle}`)
    await a.page.getByRole('button', { name: 'Follow' }).click()
    await a.page.getByRole('button', { name: 'Unfollow' }).waitFor()

    // B writes a post with an image from the feed's composer.
    await b.page.goto('/')
    const composer = b.page.getByRole('form', { name: 'Write a post' })
    const text = `Strain imaging before chemo: our first 40 patients ${stamp}`
    const figure = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#1d4ed8' } }).png().toBuffer()
    await composer.getByRole('textbox', { name: 'Post text' }).fill(text)
    await composer.locator('input[type="file"]').setInputFiles({ name: 'strain.png', mimeType: 'image/png', buffer: figure })
    await composer.getByRole('textbox', { name: 'Description of image 1' }).fill('Global longitudinal strain before and after')
    await composer.getByRole('button', { name: 'Post', exact: true }).click()
    await composer.getByText('Your post is live.').waitFor({ timeout: 60_000 })
    // A's follow is already on B's bell.
    expect(await badge(b.page)).toBe(1)

    // A sees it on top of the home feed, with its image, and opens it.
    await a.page.goto('/')
    const top = a.page.getByRole('list', { name: 'Posts in your feed' }).getByRole('article').first()
    await expect.poll(() => top.innerText(), { timeout: 30_000 }).toContain(text)
    await top.getByRole('img', { name: 'Global longitudinal strain before and after' }).waitFor()
    await top.getByRole('button', { name: /^Like/ }).click()
    await top.getByRole('button', { name: /^Liked\s*1/ }).waitFor()
    await snap(a.page, 'network-feed')
    await top.locator('a[href$="#comments"]').click()
    await a.page.waitForURL(/\/posts\/\d+/)
    await a.page.getByRole('textbox', { name: 'Write a comment' }).fill('Which vendor software do you use for strain?')
    await a.page.getByRole('button', { name: 'Comment', exact: true }).click()
    await a.page.locator('[data-comment-id]').filter({ hasText: 'Which vendor software' }).waitFor()

    // B, still on the feed, is told without reloading: the follow, the like and the comment.
    await expect.poll(() => badge(b.page), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
    await b.page.getByRole('link', { name: /^Notifications/ }).click()
    await b.page.getByRole('link', { name: /commented on your post/ }).waitFor()
    await b.page.getByRole('link', { name: /liked your post/ }).waitFor()
    await snap(b.page, 'network-notifications')

    // They exchange messages; each appears on the other's screen live.
    await a.page.goto(`/doctors/${ben.handle}`)
    await a.page.getByRole('button', { name: 'Message' }).click()
    await a.page.waitForURL(/\/messages\/\d+/)
    const conversation = new URL(a.page.url()).pathname
    await b.page.goto(conversation)
    await b.page.getByRole('textbox', { name: 'Message' }).waitFor()
    await a.page.getByRole('textbox', { name: 'Message' }).fill('Loved the strain data. Coffee after grand round?')
    await a.page.getByRole('button', { name: 'Send' }).click()
    await b.page.getByText('Loved the strain data. Coffee after grand round?').waitFor({ timeout: 10_000 })
    await b.page.getByRole('textbox', { name: 'Message' }).fill('Yes, see you at the cafeteria.')
    await b.page.getByRole('button', { name: 'Send' }).click()
    await a.page.getByText('Yes, see you at the cafeteria.').waitFor({ timeout: 10_000 })
    await snap(a.page, 'network-messages')

    expect(a.errors.map(String)).toEqual([])
    expect(b.errors.map(String)).toEqual([])
    await a.context.close()
    await b.context.close()
  }, 240_000)
})
