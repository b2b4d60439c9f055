import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { lexical } from '../helpers/social'
import { api, registerMember, signInContext } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** A stored comment (a comment being posted has no id yet) by its text. */
const comment = (page: Page, text: string) => page.locator('[data-comment-id]').filter({ hasText: text })

describe('the post page', () => {
  it('a member comments, replies and likes; the author edits; a reader sees "Edited" and the history; a phone shows the thread', async () => {
    const [author, member] = await Promise.all([registerMember('Ada Author'), registerMember('Ben Reader')])
    const created = await api(
      'POST',
      '/api/posts',
      { kind: 'text', title: 'Night-shift sepsis bundle', body: lexical('Lactate within the first hour, cultures before antibiotics.'), visibility: 'members', _status: 'published' },
      author.token,
    )
    expect(created.status).toBe(201)
    const path = `/posts/${created.body.doc.id}`

    // Ben reads the post on a desktop and joins the discussion.
    const desk = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } })
    await signInContext(desk, member.email, member.password)
    const ben = await desk.newPage()
    const benErrors = pageErrors(ben)
    await ben.goto(path)
    await ben.getByRole('heading', { level: 1, name: 'Night-shift sepsis bundle' }).waitFor()
    await ben.getByText('Lactate within the first hour').waitFor()
    await ben.getByRole('link', { name: 'Ada Author' }).first().waitFor()

    await ben.getByRole('textbox', { name: 'Write a comment' }).fill('Do you repeat the lactate at two hours?')
    await ben.getByRole('button', { name: 'Comment', exact: true }).click()
    const first = comment(ben, 'Do you repeat the lactate at two hours?')
    // Shown at once, then stored (only stored comments carry their id).
    await first.waitFor()

    // A reply, in the thread under the comment.
    await first.getByRole('button', { name: 'Reply to Ben Reader' }).click()
    const replyBox = ben.getByRole('textbox', { name: 'Reply to Ben Reader' })
    await replyBox.fill('Adding: only when the first one is above 2.')
    await ben.getByRole('button', { name: 'Reply', exact: true }).click()
    const reply = ben.locator('ol[aria-label^="Replies to"] [data-comment-id]').filter({ hasText: 'only when the first one is above 2' })
    await reply.waitFor()
    await ben.getByText('Reply posted.').waitFor({ state: 'attached' })

    // He likes his comment; the count comes back from the server.
    const liked = ben.waitForResponse((r) => r.url().includes('/reaction') && r.request().method() === 'PUT')
    await first.getByRole('button', { name: /^Like comment by Ben Reader/ }).click()
    expect((await liked).status()).toBe(200)
    await first.getByRole('button', { name: /^Unlike comment by Ben Reader \(1 like\)/ }).waitFor()

    // All of it is stored: a reload shows the thread and the like.
    await ben.reload()
    await comment(ben, 'Do you repeat the lactate at two hours?').getByRole('button', { name: /^Unlike comment by Ben Reader \(1 like\)/ }).waitFor()
    await ben.locator('ol[aria-label^="Replies to"]').getByText('only when the first one is above 2').waitFor()
    await snap(ben, 'post-page-desktop')

    // Ada edits her post from the page.
    const adaContext = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } })
    await signInContext(adaContext, author.email, author.password)
    const ada = await adaContext.newPage()
    const adaErrors = pageErrors(ada)
    await ada.goto(path)
    const post = ada.locator('article[aria-labelledby="post-title"]')
    await post.getByRole('button', { name: 'Edit', exact: true }).click()
    const text = post.getByRole('textbox', { name: 'Text' })
    await text.fill('Lactate within the first hour, cultures before antibiotics, fluids by 30 ml/kg.')
    await post.getByRole('button', { name: 'Save changes' }).click()
    await post.getByText('fluids by 30 ml/kg').waitFor()
    await post.getByText(/^Edited /).waitFor()

    // Ben sees that the post was edited, and its earlier version.
    await ben.reload()
    await ben.getByText('fluids by 30 ml/kg').first().waitFor()
    const history = ben.locator('details').filter({ hasText: 'View history' })
    await history.getByText(/^Edited /).waitFor()
    await history.locator('summary').click()
    await history.getByText('Current version').waitFor()
    await history.getByText('Lactate within the first hour, cultures before antibiotics.', { exact: true }).waitFor()
    expect(await history.locator('li').count()).toBe(2)
    await snap(ben, 'post-page-history')

    // On a phone the post and its thread fit the screen and read in order.
    const phoneContext = await browser.newContext({ baseURL: baseURL(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await signInContext(phoneContext, member.email, member.password)
    const phone = await phoneContext.newPage()
    const phoneErrors = pageErrors(phone)
    await phone.goto(`${path}#comments`)
    const phoneReply = phone.locator('ol[aria-label^="Replies to"]').getByText('only when the first one is above 2')
    await phoneReply.waitFor()
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const top = await comment(phone, 'Do you repeat the lactate at two hours?').first().boundingBox()
    const under = await phoneReply.boundingBox()
    expect(top && under && under.y > top.y && under.x > top.x).toBe(true)
    expect(under!.x + under!.width).toBeLessThanOrEqual(390)
    await snap(phone, 'post-page-phone')

    expect(benErrors.map(String)).toEqual([])
    expect(adaErrors.map(String)).toEqual([])
    expect(phoneErrors.map(String)).toEqual([])
    await desk.close()
    await adaContext.close()
    await phoneContext.close()
  }, 180_000)

  it('a post the visitor may not read is a 404', async () => {
    const author = await registerMember('Cleo Private')
    const created = await api('POST', '/api/posts', { kind: 'text', body: lexical('For members only'), visibility: 'members', _status: 'published' }, author.token)
    const visitor = await browser.newContext({ baseURL: baseURL() })
    const page = await visitor.newPage()
    const res = await page.goto(`/posts/${created.body.doc.id}`)
    expect(res?.status()).toBe(404)
    expect(await page.content()).not.toContain('For members only')
    await visitor.close()
  }, 60_000)
})
