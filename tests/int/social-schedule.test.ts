import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { lexical } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let author: TestUser
let other: TestUser

beforeAll(async () => {
  payload = await testPayload()
  ;[author, other] = await Promise.all([createUser(payload), createUser(payload)])
})

const status = async (id: number) => ((await payload.findByID({ collection: 'posts', id, depth: 0, overrideAccess: true })) as { _status: string })._status

describe('scheduled publishing (Payload jobs queue)', () => {
  it('the server process publishes a draft at its time, by itself', async () => {
    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Published later'), visibility: 'public' })
    const id = draft.body.doc.id
    expect(await status(id)).toBe('draft')
    const publishAt = new Date(Date.now() + 3000).toISOString()
    const res = await author.client.post(`/posts/${id}/schedule`, { publishAt })
    expect(res.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await status(id)).toBe('draft')
    // The autoRun cron of this process (every 5 s) picks the job up once it is due; nothing is run by hand.
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline && (await status(id)) !== 'published') await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await status(id)).toBe('published')
    expect((await other.client.get(`/posts/${id}`)).status).toBe(200)
  }, 30_000)

  it('a scheduled post enters the feeds at its publishing time, above posts published while it waited', async () => {
    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Scheduled, feed position'), visibility: 'public' })
    const id = draft.body.doc.id as number
    const publishAt = new Date(Date.now() + 2500)
    expect((await author.client.post(`/posts/${id}/schedule`, { publishAt: publishAt.toISOString() })).status).toBe(200)
    const meanwhile = await author.client.post('/posts', { kind: 'text', body: lexical('Published while the other waited'), visibility: 'public', _status: 'published' })
    expect(meanwhile.status).toBe(201)
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline && (await status(id)) !== 'published') await new Promise((resolve) => setTimeout(resolve, 500))
    const post = (await payload.findByID({ collection: 'posts', id, depth: 0, overrideAccess: true })) as { publishedAt?: string; createdAt: string }
    expect(Date.parse(post.publishedAt!)).toBeGreaterThanOrEqual(publishAt.getTime())
    expect(Date.parse(post.publishedAt!)).toBeGreaterThan(Date.parse(post.createdAt))

    const feed = await other.client.get('/feed?kind=public&limit=50')
    const ids: number[] = feed.body.docs.map((d: { id: number }) => d.id)
    expect(ids).toContain(id)
    expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(meanwhile.body.doc.id))
  }, 30_000)

  it('a schedule can be cancelled', async () => {
    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Cancelled'), visibility: 'public' })
    const id = draft.body.doc.id
    expect((await author.client.post(`/posts/${id}/schedule`, { publishAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(200)
    expect((await author.client.delete(`/posts/${id}/schedule`)).status).toBe(200)
    const queued = await payload.count({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: String(id) } }, overrideAccess: true })
    expect(queued.totalDocs).toBe(0)
  })

  it('only the author (or staff) schedules, for a time from now to a year ahead', async () => {
    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Mine') })
    const id = draft.body.doc.id
    expect((await other.client.post(`/posts/${id}/schedule`, { publishAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(404)
    expect((await author.client.post(`/posts/${id}/schedule`, { publishAt: '2001-01-01T00:00:00Z' })).status).toBe(400)
    expect((await author.client.post(`/posts/${id}/schedule`, { publishAt: 'tomorrow' })).status).toBe(400)
  })

  it('members cannot run the jobs queue over HTTP', async () => {
    const res = await author.client.get('/payload-jobs/run')
    expect(res.status).toBe(401)
  })
})
