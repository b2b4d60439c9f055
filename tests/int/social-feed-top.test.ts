import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createPost, createRoom } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let reader: TestUser
let author: TestUser

type Page = { status: number; body: { docs: { id: number }[]; nextCursor: string | null } }
const idsOf = (res: Page) => res.body.docs.map((d) => d.id)
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString()

/** A public post in `room`, published `hours` ago (server code may date a post). */
const postIn = (room: number, hours: number) => createPost(payload, author.id, { room, visibility: 'public', publishedAt: hoursAgo(hours) })

/** Engagement as counters record it (the reactions, comments and shares endpoints keep them). */
const engage = (id: number, c: { likes?: number; comments?: number; shares?: number }) =>
  query(payload, sql`update posts set like_count = ${c.likes ?? 0}, comment_count = ${c.comments ?? 0}, share_count = ${c.shares ?? 0} where id = ${id}`)

beforeAll(async () => {
  payload = await testPayload()
  ;[reader, author] = await Promise.all([createUser(payload), createUser(payload)])
})

describe('top feed (sort=top)', () => {
  it('ranks a post with engagement above a newer one without, within the window only', async () => {
    const room = await createRoom(payload, { visibility: 'public' })
    const engaged = await postIn(room.id, 3)
    const fresh = await postIn(room.id, 0)
    const old = await postIn(room.id, 24 * 8)
    // Real likes, through the API, from three members.
    const likers = await Promise.all([0, 1, 2].map(() => createUser(payload)))
    for (const liker of likers) expect((await liker.client.put(`/posts/${engaged.id}/reaction`, { kind: 'like' })).status).toBe(200)
    await engage(old.id, { likes: 500, comments: 100 })

    const newest = await reader.client.get(`/feed?kind=room&room=${room.id}`)
    expect(idsOf(newest)).toEqual([fresh.id, engaged.id, old.id])

    const top = await reader.client.get(`/feed?kind=room&room=${room.id}&sort=top`)
    expect(top.status).toBe(200)
    // Older than a week: out of the ranking however popular it was.
    expect(idsOf(top)).toEqual([engaged.id, fresh.id])
    expect(top.body.nextCursor).toBeNull()
  })

  it('pages by cursor without repeats or gaps, ties included, and keeps its ranking across pages', async () => {
    const room = await createRoom(payload, { visibility: 'public' })
    const created: number[] = []
    for (let i = 0; i < 8; i++) created.push((await postIn(room.id, i * 5)).id)
    for (const [i, id] of created.entries()) await engage(id, { likes: (i * 7) % 5, comments: i % 3, shares: i % 2 })
    // Two posts of the very same score: the id breaks the tie.
    const same = hoursAgo(30)
    for (const id of created.slice(-2)) {
      await payload.update({ collection: 'posts', id, data: { publishedAt: same } as never, overrideAccess: true })
      await engage(id, { likes: 2 })
    }

    const all = idsOf(await reader.client.get(`/feed?kind=room&room=${room.id}&sort=top&limit=50`))
    expect([...all].sort()).toEqual([...created].sort())
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: Page = await reader.client.get(`/feed?kind=room&room=${room.id}&sort=top&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...idsOf(res))
      cursor = res.body.nextCursor
      // A post published after the first page does not shift the pages that follow.
      if (pages === 0) await postIn(room.id, 0)
      pages++
    } while (cursor && pages < 10)
    expect(seen).toEqual(all)
  })

  it('ranks the home feed over what the member follows', async () => {
    const member = await createUser(payload)
    const followed = await createUser(payload)
    expect((await member.client.put(`/users/${followed.id}/follow`)).status).toBeLessThan(300)
    const quiet = await createPost(payload, followed.id, { publishedAt: hoursAgo(0) })
    const liked = await createPost(payload, followed.id, { publishedAt: hoursAgo(5) })
    const stranger = await createPost(payload, author.id, { publishedAt: hoursAgo(1) })
    await engage(liked.id, { likes: 40 })
    await engage(stranger.id, { likes: 1000 })
    const ids = idsOf(await member.client.get('/feed?sort=top'))
    expect(ids.slice(0, 2)).toEqual([liked.id, quiet.id])
    expect(ids).not.toContain(stranger.id)
  })

  it('refuses an unknown sort and a cursor of the other ordering', async () => {
    expect((await reader.client.get('/feed?sort=best')).status).toBe(400)
    const room = await createRoom(payload, { visibility: 'public' })
    for (let i = 0; i < 3; i++) await postIn(room.id, i)
    const top = await reader.client.get(`/feed?kind=room&room=${room.id}&sort=top&limit=1`)
    const newest = await reader.client.get(`/feed?kind=room&room=${room.id}&limit=1`)
    expect(top.body.nextCursor).toBeTruthy()
    expect((await reader.client.get(`/feed?kind=room&room=${room.id}&cursor=${top.body.nextCursor}`)).status).toBe(400)
    expect((await reader.client.get(`/feed?kind=room&room=${room.id}&sort=top&cursor=${newest.body.nextCursor}`)).status).toBe(400)
    // Anyone may rank the public feed; the home feed still needs a member.
    expect((await new RestClient().get('/feed?kind=public&sort=top')).status).toBe(200)
    expect((await new RestClient().get('/feed?sort=top')).status).toBe(401)
  })
})
