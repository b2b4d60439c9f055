import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost, createRoom, lexical } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let reader: TestUser
let followed: TestUser
let stranger: TestUser
let specialtyId: number

const idsOf = (res: { body: { docs: { id: number }[] } }) => res.body.docs.map((d) => d.id)

beforeAll(async () => {
  payload = await testPayload()
  const specialty = await payload.create({ collection: 'specialties', data: { name: `Feedology ${Date.now()}`, slug: `feedology-${Date.now()}` } as never, overrideAccess: true })
  specialtyId = specialty.id as number
  reader = await createUser(payload)
  await payload.update({ collection: 'users', id: reader.id, data: { specialty: specialtyId } as never, overrideAccess: true })
  await reader.client.login(reader.email, reader.password)
  followed = await createUser(payload)
  stranger = await createUser(payload)
  expect((await reader.client.put(`/users/${followed.id}/follow`)).status).toBeLessThan(300)
})

describe('home feed', () => {
  it('shows followed members, joined rooms, the member’s specialty and their own posts, newest first', async () => {
    const room = await createRoom(payload)
    expect((await reader.client.post(`/rooms/${room.id}/join`)).status).toBeLessThan(300)
    const fromFollowed = await createPost(payload, followed.id)
    const inRoom = await createPost(payload, stranger.id, { room: room.id, visibility: 'members' })
    const inSpecialty = await createPost(payload, stranger.id, { specialties: [specialtyId] })
    const own = await createPost(payload, reader.id)
    const unrelated = await createPost(payload, stranger.id)
    const draft = await createPost(payload, followed.id, { _status: 'draft' })

    const res = await reader.client.get('/feed?limit=50')
    expect(res.status).toBe(200)
    const ids = idsOf(res)
    for (const post of [fromFollowed, inRoom, inSpecialty, own]) expect(ids).toContain(post.id)
    expect(ids).not.toContain(unrelated.id)
    expect(ids).not.toContain(draft.id)
    expect(ids.indexOf(own.id)).toBeLessThan(ids.indexOf(fromFollowed.id))
    // Authors come as their public card.
    const doc = res.body.docs.find((d: { id: number }) => d.id === fromFollowed.id)
    expect(doc.author).toMatchObject({ id: followed.id, name: expect.any(String) })
    expect(doc.author.email).toBeUndefined()
    expect(res.body.totalDocs).toBeUndefined()
  })

  it('never shows posts of members blocked either way, nor hidden or unauthorised ones', async () => {
    const blocker = await createUser(payload)
    // In the reader's specialty, so it would reach their feed without any follow.
    const theirs = await createPost(payload, blocker.id, { specialties: [specialtyId] })
    expect(idsOf(await reader.client.get('/feed?limit=50'))).toContain(theirs.id)
    expect((await blocker.client.put(`/users/${reader.id}/block`)).status).toBeLessThan(300)
    expect(idsOf(await reader.client.get('/feed?limit=50'))).not.toContain(theirs.id)

    const hidden = await createPost(payload, followed.id, { moderation: 'hidden' })
    const premium = await createPost(payload, followed.id, { visibility: 'premium' })
    const verifiedOnly = await createPost(payload, followed.id, { visibility: 'verified' })
    const ids = idsOf(await reader.client.get('/feed?limit=50'))
    expect(ids).not.toContain(hidden.id)
    expect(ids).not.toContain(premium.id)
    expect(ids).not.toContain(verifiedOnly.id)
  })

  it('pages by cursor without gaps or repeats, also for posts created in the same instant', async () => {
    const author = await createUser(payload)
    const member = await createUser(payload)
    await member.client.put(`/users/${author.id}/follow`)
    const created: number[] = []
    for (let i = 0; i < 7; i++) created.push((await createPost(payload, author.id)).id)
    // Two posts published in the very same instant: the id breaks the tie.
    const same = new Date().toISOString()
    for (const id of created.slice(-2)) await payload.update({ collection: 'posts', id, data: { createdAt: same, publishedAt: same } as never, overrideAccess: true })
    const stored = await Promise.all(created.slice(-2).map((id) => payload.findByID({ collection: 'posts', id, depth: 0, overrideAccess: true })))
    expect(stored.map((p) => (p as { publishedAt?: string }).publishedAt)).toEqual([same, same])

    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: { status: number; body: { docs: { id: number }[]; nextCursor: string | null } } = await member.client.get(
        `/feed?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(res.status).toBe(200)
      seen.push(...res.body.docs.map((d) => d.id))
      cursor = res.body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(seen.filter((id) => created.includes(id)).sort()).toEqual([...created].sort())
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('needs a signed-in member and refuses bad parameters', async () => {
    expect((await new RestClient().get('/feed')).status).toBe(401)
    expect((await reader.client.get('/feed?kind=everything')).status).toBe(400)
    expect((await reader.client.get('/feed?limit=500')).status).toBe(400)
    expect((await reader.client.get('/feed?cursor=not-a-cursor')).status).toBe(400)
    expect((await reader.client.get('/feed?sort=hot')).status).toBe(400)
  })

  it('costs a bounded number of SQL statements', async () => {
    const { count, texts } = await countStatements(() => reader.client.get('/feed'))
    // Authentication (the member and their specialty) 2 + the page's ids (the follow, room and block
    // graph inline) 1 + the posts 1 + populated authors 1 + media 1.
    expect(count, texts.join('\n')).toBeLessThanOrEqual(7)
    // Without a member, a page of posts with their authors stays within the read budget.
    const anonymous = await countStatements(() => new RestClient().get('/feed?kind=public'))
    expect(anonymous.count, anonymous.texts.join('\n')).toBeLessThanOrEqual(4)
  })
})

describe('public and room feeds', () => {
  it('the public feed shows only public posts, to anyone', async () => {
    const open = await createPost(payload, stranger.id, { visibility: 'public' })
    const membersOnly = await createPost(payload, stranger.id, { visibility: 'members' })
    const res = await new RestClient().get('/feed?kind=public&limit=50')
    expect(res.status).toBe(200)
    expect(idsOf(res)).toContain(open.id)
    expect(idsOf(res)).not.toContain(membersOnly.id)
  })

  it('a room feed shows the room’s posts to those who may see the room', async () => {
    const room = await createRoom(payload, { visibility: 'verified' })
    const post = await createPost(payload, stranger.id, { room: room.id, visibility: 'members' })
    const elsewhere = await createPost(payload, stranger.id)
    expect((await reader.client.get(`/feed?kind=room&room=${room.id}`)).status).toBe(404)
    const doctor = await createUser(payload, { verificationStatus: 'verified' })
    const res = await doctor.client.get(`/feed?kind=room&room=${room.id}`)
    expect(res.status).toBe(200)
    expect(idsOf(res)).toEqual([post.id])
    expect(idsOf(res)).not.toContain(elsewhere.id)
    expect((await doctor.client.get('/feed?kind=room')).status).toBe(400)
  })
})

describe('publishing time', () => {
  const publishedAtOf = async (id: number) =>
    ((await payload.findByID({ collection: 'posts', id, depth: 0, overrideAccess: true })) as { publishedAt?: string | null }).publishedAt ?? null

  it('a draft published later takes its place in the feed at its publishing time, not when it was written', async () => {
    const author = await createUser(payload)
    const member = await createUser(payload)
    await member.client.put(`/users/${author.id}/follow`)
    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Written first, published last'), visibility: 'members' })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id as number
    expect(await publishedAtOf(id)).toBeNull()
    const meanwhile: number[] = []
    for (let i = 0; i < 2; i++) {
      const res = await author.client.post('/posts', { kind: 'text', body: lexical(`Published meanwhile ${i}`), visibility: 'members', _status: 'published' })
      meanwhile.push(res.body.doc.id)
    }
    let ids = idsOf(await member.client.get('/feed'))
    expect(ids).not.toContain(id)

    const before = Date.now()
    expect((await author.client.patch(`/posts/${id}`, { _status: 'published' })).status).toBe(200)
    const at = await publishedAtOf(id)
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(before - 5)
    ids = idsOf(await member.client.get('/feed'))
    expect(ids.slice(0, 3)).toEqual([id, ...[...meanwhile].reverse()])

    // Later edits, unpublishing and publishing again keep the first publishing time.
    expect((await author.client.patch(`/posts/${id}`, { body: lexical('Edited after publishing') })).status).toBe(200)
    expect((await author.client.patch(`/posts/${id}`, { _status: 'draft' })).status).toBe(200)
    expect((await author.client.patch(`/posts/${id}`, { _status: 'published' })).status).toBe(200)
    expect(await publishedAtOf(id)).toBe(at)
  })

  it('members cannot set the publishing time, neither on create nor on update', async () => {
    const author = await createUser(payload)
    const before = Date.now()
    const created = await author.client.post('/posts', { kind: 'text', body: lexical('Back-dated?'), _status: 'published', publishedAt: '2001-01-01T00:00:00.000Z' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const at = await publishedAtOf(id)
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(before - 5)
    const res = await author.client.patch(`/posts/${id}`, { publishedAt: '2099-01-01T00:00:00.000Z' })
    expect(res.status).toBeLessThan(500)
    expect(await publishedAtOf(id)).toBe(at)
    // A draft created with a date gets none until it is published.
    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Draft'), publishedAt: '2001-01-01T00:00:00.000Z' })
    expect(await publishedAtOf(draft.body.doc.id)).toBeNull()
  })
})
