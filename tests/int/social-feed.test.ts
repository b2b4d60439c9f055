import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost, createRoom } from '../helpers/social'
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
    // Two posts with the very same timestamp: the id breaks the tie.
    const same = new Date().toISOString()
    for (const id of created.slice(-2)) await payload.update({ collection: 'posts', id, data: { createdAt: same } as never, overrideAccess: true })

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
  })

  it('costs a bounded number of SQL statements', async () => {
    const { count, texts } = await countStatements(() => reader.client.get('/feed'))
    // Authentication (the member and their specialty) 2 + the follow/room/block graph 1 + the page
    // (ids, then rows, because the specialty filter joins) 2 + populated authors 1 + media 1.
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
