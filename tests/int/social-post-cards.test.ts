import sharp from 'sharp'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost, createRoom } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let reader: TestUser
let author: TestUser
let specialty: { id: number; name: string }
let image: number

type Card = Record<string, any>
const ids = (res: { body: { docs: Card[] } }) => res.body.docs.map((d) => d.id)

beforeAll(async () => {
  payload = await testPayload()
  const stamp = Date.now()
  specialty = (await payload.create({ collection: 'specialties', data: { name: `Cardology ${stamp}`, slug: `cardology-${stamp}` } as never, overrideAccess: true })) as never
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer()
  const upload = async (name: string) =>
    (await payload.create({ collection: 'media', data: { alt: name } as never, file: { data: png, mimetype: 'image/png', name, size: png.length }, overrideAccess: true })).id as number
  image = await upload('scan.png')
  const avatar = await upload('face.png')
  reader = await createUser(payload)
  author = await createUser(payload, { verificationStatus: 'verified', name: 'Ada Cardwell' })
  await payload.update({ collection: 'users', id: author.id, data: { specialty: specialty.id, avatar, honorific: 'Dr' } as never, overrideAccess: true })
  expect((await reader.client.put(`/users/${author.id}/follow`)).status).toBeLessThan(300)
})

describe('GET /api/posts/cards', () => {
  it('gives each post of the feed as a card: author, room, images, tags, the shared original and the viewer’s own state', async () => {
    const room = await createRoom(payload, { visibility: 'members', voting: true, name: 'Echo lab' })
    expect((await reader.client.post(`/rooms/${room.id}/join`)).status).toBe(200)
    const pictured = await createPost(payload, author.id, { kind: 'image', media: [image], tags: ['echo'], specialties: [specialty.id] })
    const inRoom = await createPost(payload, author.id, { room: room.id, visibility: 'members' })
    const repost = await createPost(payload, author.id, { kind: 'repost', repostOf: pictured.id, body: null })
    const own = await createPost(payload, reader.id)
    expect((await reader.client.put(`/posts/${pictured.id}/reaction`, { kind: 'like' })).status).toBe(200)
    expect((await reader.client.put(`/posts/${inRoom.id}/reaction`, { kind: 'up' })).status).toBe(200)
    expect((await reader.client.put(`/posts/${pictured.id}/bookmark`)).status).toBe(200)

    const res = await reader.client.get('/posts/cards?limit=50')
    expect(res.status).toBe(200)
    const byId = new Map(res.body.docs.map((c: Card) => [c.id, c]))
    const card = byId.get(pictured.id) as Card
    expect(card).toMatchObject({
      kind: 'image',
      status: 'published',
      tags: ['echo'],
      specialties: [specialty.name],
      reaction: 'like',
      bookmarked: true,
      mine: false,
      counts: { likeCount: 1 },
      author: { id: author.id, name: 'Ada Cardwell', honorific: 'Dr', verified: true, specialty: specialty.name },
    })
    expect(card.author.avatarUrl).toMatch(/\/api\/media\/file\/face/)
    expect(card.author.email).toBeUndefined()
    expect(card.images).toHaveLength(1)
    expect(card.images[0]).toMatchObject({ id: image, alt: 'scan.png' })
    expect((byId.get(inRoom.id) as Card).room).toEqual({ id: room.id, name: 'Echo lab', slug: room.slug, kind: 'room', voting: true })
    expect((byId.get(inRoom.id) as Card).reaction).toBe('up')
    expect((byId.get(repost.id) as Card).original).toMatchObject({ id: pictured.id, author: { id: author.id }, image: { id: image } })
    expect((byId.get(own.id) as Card).mine).toBe(true)
    // Newest first, as the feed orders.
    expect(ids(res).indexOf(own.id)).toBeLessThan(ids(res).indexOf(pictured.id))
  })

  it('keeps the feed’s rules: sign-in for home, room visibility, pages by cursor without repeats', async () => {
    expect((await new RestClient().get('/posts/cards')).status).toBe(401)
    const hidden = await createRoom(payload, { visibility: 'verified' })
    expect((await reader.client.get(`/posts/cards?kind=room&room=${hidden.id}`)).status).toBe(404)
    const open = await createRoom(payload, { visibility: 'public' })
    const made: number[] = []
    for (let i = 0; i < 5; i++) made.push((await createPost(payload, author.id, { room: open.id })).id)
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: { status: number; body: { docs: Card[]; nextCursor: string | null } } = await new RestClient().get(
        `/posts/cards?kind=room&room=${open.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(page.status).toBe(200)
      seen.push(...ids(page))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen).toEqual([...made].reverse())
    expect((await reader.client.get(`/posts/cards?kind=room&room=${open.id}&sort=top`)).status).toBe(200)
  })

  it('lists one member’s published posts newest first, and nothing across a block', async () => {
    const writer = await createUser(payload)
    const first = await createPost(payload, writer.id)
    const second = await createPost(payload, writer.id, { visibility: 'members' })
    await createPost(payload, writer.id, { _status: 'draft' })
    await createPost(payload, author.id)
    expect(ids(await reader.client.get(`/posts/cards?kind=author&author=${writer.id}`))).toEqual([second.id, first.id])
    // Visitors see the public ones only.
    expect(ids(await new RestClient().get(`/posts/cards?kind=author&author=${writer.id}`))).toEqual([first.id])
    const one = await reader.client.get(`/posts/cards?kind=author&author=${writer.id}&limit=1`)
    expect(ids(one)).toEqual([second.id])
    expect(ids(await reader.client.get(`/posts/cards?kind=author&author=${writer.id}&limit=1&cursor=${encodeURIComponent(one.body.nextCursor)}`))).toEqual([first.id])
    expect((await writer.client.put(`/users/${reader.id}/block`)).status).toBe(200)
    expect(ids(await reader.client.get(`/posts/cards?kind=author&author=${writer.id}`))).toEqual([])
  })

  it('refuses bad input with a 400 and a message', async () => {
    for (const bad of ['kind=everything', 'kind=room', 'kind=author', `kind=author&author=${author.id}&sort=top`, 'sort=hot', 'limit=0', 'limit=51', 'cursor=nope', 'room=abc&kind=room', 'kind=author&author=99999999999']) {
      const res = await reader.client.get(`/posts/cards?${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.errors[0].message, bad).toBeTruthy()
    }
  })
})

describe('GET /api/posts/bookmarked', () => {
  it('lists the member’s bookmarks, newest bookmark first, by keyset pages; unreadable posts stay as removable entries', async () => {
    const saver = await createUser(payload)
    const posts: number[] = []
    for (let i = 0; i < 3; i++) posts.push((await createPost(payload, author.id)).id)
    // Bookmarked in another order than written.
    for (const id of [posts[1], posts[0], posts[2]]) expect((await saver.client.put(`/posts/${id}/bookmark`)).status).toBe(200)
    const first = await saver.client.get('/posts/bookmarked?limit=2')
    expect(first.status).toBe(200)
    expect(first.body.docs.map((d: Card) => d.postId)).toEqual([posts[2], posts[0]])
    expect(first.body.docs[0].post).toMatchObject({ id: posts[2], bookmarked: true, author: { id: author.id } })
    const second = await saver.client.get(`/posts/bookmarked?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect(second.body.docs.map((d: Card) => d.postId)).toEqual([posts[1]])
    expect(second.body.nextCursor).toBeNull()

    // The post goes to the trash: the bookmark stays, without the post, until removed.
    await payload.update({ collection: 'posts', id: posts[0], data: { deletedAt: new Date().toISOString() } as never, overrideAccess: true })
    const after = await saver.client.get('/posts/bookmarked')
    expect(after.body.docs.find((d: Card) => d.postId === posts[0]).post).toBeNull()
    expect((await saver.client.delete(`/posts/${posts[0]}/bookmark`)).status).toBe(200)
    expect((await saver.client.get('/posts/bookmarked')).body.docs.map((d: Card) => d.postId)).toEqual([posts[2], posts[1]])

    // Bookmarks are private: others see their own (none), visitors are refused.
    expect((await reader.client.get('/posts/bookmarked')).body.docs.map((d: Card) => d.postId)).not.toContain(posts[2])
    expect((await new RestClient().get('/posts/bookmarked')).status).toBe(401)
    expect((await saver.client.get('/posts/bookmarked?cursor=bad')).status).toBe(400)
    expect((await saver.client.get('/posts/bookmarked?limit=500')).status).toBe(400)
  })
})

describe('reading cost', () => {
  it('a page of cards takes at most 4 SQL statements besides signing in', async () => {
    const room = await createRoom(payload, { visibility: 'members' })
    expect((await reader.client.post(`/rooms/${room.id}/join`)).status).toBe(200)
    const original = await createPost(payload, author.id, { kind: 'image', media: [image] })
    for (let i = 0; i < 6; i++) {
      const post = await createPost(payload, author.id, { kind: 'image', media: [image], room: room.id, visibility: 'members', specialties: [specialty.id], tags: ['cost'] })
      expect((await reader.client.put(`/posts/${post.id}/bookmark`)).status).toBe(200)
    }
    await createPost(payload, author.id, { kind: 'repost', repostOf: original.id, body: null })
    const auth = await countStatements(() => reader.client.get('/users/me'))
    for (const path of ['/posts/cards', `/posts/cards?kind=room&room=${room.id}`, `/posts/cards?kind=author&author=${author.id}`, '/posts/bookmarked']) {
      const { result, count, texts } = await countStatements(() => reader.client.get(path))
      expect(result.status, path).toBe(200)
      expect(result.body.docs.length, path).toBeGreaterThan(5)
      expect(count - auth.count, `${path}\n${texts.join('\n')}`).toBeLessThanOrEqual(4)
    }
    const visitor = await countStatements(() => new RestClient().get(`/posts/cards?kind=author&author=${author.id}`))
    expect(visitor.count, visitor.texts.join('\n')).toBeLessThanOrEqual(4)
  })
})
