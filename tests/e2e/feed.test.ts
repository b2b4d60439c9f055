import sharp from 'sharp'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { adminToken, api, signInContext, verifiedDoctor } from './support'

let browser: Browser
let ada: Awaited<ReturnType<typeof verifiedDoctor>>
let ben: Awaited<ReturnType<typeof verifiedDoctor>>
let png: Buffer

beforeAll(async () => {
  browser = await launch()
  ;[ada, ben] = await Promise.all([verifiedDoctor('Ada Feedwell'), verifiedDoctor('Ben Postman')])
  // Ada follows Ben, so Ben's posts reach her home feed.
  const follow = await api('PUT', `/api/users/${ben.id}/follow`, undefined, ada.token)
  if (follow.status !== 200) throw new Error(`follow failed (${follow.status}): ${JSON.stringify(follow.body)}`)
  png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2a7f8f' } }).png().toBuffer()
}, 120_000)

afterAll(async () => {
  await browser?.close()
})

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

async function signedIn(viewport: { width: number; height: number }, phone = false): Promise<{ context: BrowserContext; page: Page; errors: Error[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) })
  await signInContext(context, ada.email, ada.password)
  const page = await context.newPage()
  return { context, page, errors: pageErrors(page) }
}

/** The card (article) of the post with this text. */
const cardWith = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text })

describe('the feed', () => {
  it('a doctor posts with an image and sees it on top; likes and saves a colleague’s post and finds it in bookmarks', async () => {
    const theirs = unique('Ben asks about troponin kinetics')
    const created = await api('POST', '/api/posts', { kind: 'text', body: lexical(theirs), visibility: 'members', _status: 'published' }, ben.token)
    expect(created.status).toBe(201)

    const { context, page, errors } = await signedIn({ width: 1280, height: 900 })
    await page.goto('/')
    const composer = page.getByRole('form', { name: 'Write a post' })
    const mine = unique('Echo shows a small pericardial effusion')
    await composer.getByRole('textbox', { name: 'Post text' }).fill(mine)
    await composer.locator('input[type="file"]').setInputFiles({ name: 'echo.png', mimeType: 'image/png', buffer: png })
    await composer.getByRole('textbox', { name: 'Description of image 1' }).fill('Parasternal long axis view')
    await composer.getByRole('button', { name: 'Post', exact: true }).click()
    await composer.getByText('Your post is live.').waitFor({ timeout: 60_000 })

    const feed = page.getByRole('list', { name: 'Posts in your feed' })
    await expect.poll(async () => feed.getByRole('article').first().innerText(), { timeout: 30_000 }).toContain(mine)
    // After a reload the server puts it on top as well, with its image.
    await page.reload()
    const top = page.getByRole('list', { name: 'Posts in your feed' }).getByRole('article').first()
    await expect.poll(() => top.innerText()).toContain(mine)
    await top.getByRole('img', { name: 'Parasternal long axis view' }).waitFor()

    // Ben's post: like and save, shown at once and kept.
    const card = cardWith(page, theirs)
    await card.getByRole('button', { name: /^Like/ }).click()
    await card.getByRole('button', { name: /^Liked\s*1/ }).waitFor()
    await card.getByRole('button', { name: 'Save' }).click()
    await card.getByRole('button', { name: 'Saved' }).waitFor()
    await card.getByText('Saved to your bookmarks.').waitFor()
    await snap(page, 'feed-desktop')

    await page.goto('/bookmarks')
    const saved = page.getByRole('list', { name: 'Your bookmarks' }).getByRole('article').first()
    await expect.poll(() => saved.innerText()).toContain(theirs)
    await saved.getByRole('button', { name: /^Liked/ }).waitFor()
    await snap(page, 'bookmarks')
    expect(errors.map(String)).toEqual([])
    await context.close()
  }, 180_000)

  it('a doctor opens a room, joins it and posts into it', async () => {
    const name = unique('Echo lab')
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    const room = await api('POST', '/api/rooms', { name, slug, kind: 'room', visibility: 'members', description: 'Images and questions from the echo lab.' }, await adminToken())
    expect(room.status).toBe(201)

    const { context, page, errors } = await signedIn({ width: 1280, height: 900 })
    await page.goto('/rooms')
    await page.getByRole('link', { name }).click()
    await page.waitForURL(`**/rooms/${slug}`)
    await page.getByRole('heading', { level: 1, name }).waitFor()
    await page.getByText('Join this room to post here.').waitFor()
    await page.getByRole('button', { name: `Join ${name}` }).click()
    await page.getByText('1 member', { exact: true }).waitFor()

    const composer = page.getByRole('form', { name: `Post in ${name}` })
    await composer.waitFor({ timeout: 30_000 })
    const text = unique('Anyone seen this strain pattern')
    await composer.getByRole('textbox', { name: 'Post text' }).fill(text)
    await composer.getByRole('button', { name: 'Post', exact: true }).click()
    const list = page.getByRole('list', { name: `Posts in ${name}` })
    await list.getByRole('article').filter({ hasText: text }).waitFor({ timeout: 60_000 })
    await page.reload()
    await page.getByRole('list', { name: `Posts in ${name}` }).getByRole('article').filter({ hasText: text }).waitFor()
    await snap(page, 'room')

    // The room is listed first among the member's rooms.
    await page.goto('/rooms')
    await page.getByRole('list', { name: 'Rooms you joined' }).getByRole('link', { name }).waitFor()
    expect(errors.map(String)).toEqual([])
    await context.close()
  }, 180_000)

  it('on a phone the composer and the feed fit the screen and work', async () => {
    const { context, page, errors } = await signedIn({ width: 390, height: 844 }, true)
    await page.goto('/')
    const composer = page.getByRole('form', { name: 'Write a post' })
    const text = unique('Night shift handover tip')
    await composer.getByRole('textbox', { name: 'Post text' }).fill(text)
    await composer.getByRole('button', { name: 'Post', exact: true }).tap()
    const first = page.getByRole('list', { name: 'Posts in your feed' }).getByRole('article').first()
    await expect.poll(() => first.innerText(), { timeout: 60_000 }).toContain(text)
    await first.getByRole('button', { name: 'Share' }).tap()
    await first.getByRole('button', { name: 'Copy link' }).waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.getByRole('link', { name: 'Everyone' }).tap()
    await page.waitForURL('**/?feed=public')
    await snap(page, 'feed-phone')
    expect(errors.map(String)).toEqual([])
    await context.close()
  }, 180_000)
})

function lexical(text: string) {
  const textNode = { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [textNode] }] } }
}
