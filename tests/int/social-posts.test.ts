import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost, createRoom, lexical } from '../helpers/social'
import { sql } from '@/db/sql'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let author: TestUser
let member: TestUser
let verified: TestUser
let premium: TestUser
let moderator: TestUser
const anonymous = new RestClient()

beforeAll(async () => {
  payload = await testPayload()
  ;[author, member, verified, premium, moderator] = await Promise.all([
    createUser(payload),
    createUser(payload),
    createUser(payload, { verificationStatus: 'verified' }),
    createUser(payload, { tier: 'premium' }),
    createUser(payload, { roles: ['moderator'] }),
  ])
})

const sees = async (client: RestClient, id: number) => {
  const one = await client.get(`/posts/${id}?depth=0`)
  const list = await client.get(`/posts?where[id][equals]=${id}&depth=0`)
  const listed = (list.body.docs ?? []).some((d: { id: number }) => d.id === id)
  expect(one.status === 200, `GET /posts/${id} and the list agree`).toBe(listed)
  return listed
}

describe('who reads which post', () => {
  it.each([
    ['public', { anonymous: true, member: true, verified: true, premium: true }],
    ['members', { anonymous: false, member: true, verified: true, premium: true }],
    ['verified', { anonymous: false, member: false, verified: true, premium: false }],
    ['premium', { anonymous: false, member: false, verified: false, premium: true }],
  ] as const)('%s posts', async (visibility, expected) => {
    const post = await createPost(payload, author.id, { visibility })
    expect(await sees(anonymous, post.id)).toBe(expected.anonymous)
    expect(await sees(member.client, post.id)).toBe(expected.member)
    expect(await sees(verified.client, post.id)).toBe(expected.verified)
    expect(await sees(premium.client, post.id)).toBe(expected.premium)
    expect(await sees(author.client, post.id)).toBe(true)
    expect(await sees(moderator.client, post.id)).toBe(true)
  })

  it('a held or removed post is seen by its author and staff only', async () => {
    for (const moderation of ['held', 'hidden', 'removed']) {
      const post = await createPost(payload, author.id, { moderation })
      expect(await sees(member.client, post.id)).toBe(false)
      expect(await sees(anonymous, post.id)).toBe(false)
      expect(await sees(author.client, post.id)).toBe(true)
      expect(await sees(moderator.client, post.id)).toBe(true)
    }
  })

  it("a room's visibility applies to its posts", async () => {
    const room = await createRoom(payload, { visibility: 'verified' })
    const post = await createPost(payload, author.id, { room: room.id, visibility: 'public' })
    expect(await sees(anonymous, post.id)).toBe(false)
    expect(await sees(member.client, post.id)).toBe(false)
    expect(await sees(verified.client, post.id)).toBe(true)
  })

  it('over GraphQL the same rule applies', async () => {
    const post = await createPost(payload, author.id, { visibility: 'verified' })
    const query = `query { Posts(where: { id: { equals: ${post.id} } }) { docs { id } } }`
    expect((await member.client.graphql(query)).body.data.Posts.docs).toEqual([])
    expect((await verified.client.graphql(query)).body.data.Posts.docs).toEqual([{ id: post.id }])
  })
})

describe('creating posts', () => {
  it('the author is the signed-in member and server fields cannot be set', async () => {
    const res = await member.client.post('/posts', {
      kind: 'text',
      body: lexical('Hello colleagues'),
      _status: 'published',
      author: author.id,
      likeCount: 1000,
      upvotes: 5,
      commentCount: 7,
      shareCount: 3,
      bookmarkCount: 9,
      moderation: 'visible',
      editedAt: '2000-01-01T00:00:00.000Z',
      text: 'forged text',
      link: { url: null, title: 'Forged', siteName: 'Forged' },
    })
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.author.id ?? doc.author).toBe(member.id)
    expect(doc).toMatchObject({ likeCount: 0, upvotes: 0, commentCount: 0, shareCount: 0, bookmarkCount: 0, text: 'Hello colleagues', editedAt: null })
    expect(doc.link?.title ?? null).toBeNull()
    // Staff-only moderation: a member cannot hold (or un-hold) their own post.
    const patch = await member.client.patch(`/posts/${doc.id}`, { moderation: 'removed', likeCount: 50, author: author.id })
    expect(patch.status).toBe(200)
    const stored = await payload.findByID({ collection: 'posts', id: doc.id, depth: 0, overrideAccess: true })
    expect(stored).toMatchObject({ moderation: 'visible', likeCount: 0, author: member.id })
  })

  it('a populated author is only the public card', async () => {
    const post = await createPost(payload, author.id)
    const res = await member.client.get(`/posts/${post.id}?depth=1`)
    expect(Object.keys(res.body.author).sort()).toEqual(['avatar', 'collection', 'handle', 'honorific', 'id', 'name', 'title', 'verificationStatus'].sort())
  })

  it('tags are normalised and text is derived from the body', async () => {
    const res = await member.client.post('/posts', { kind: 'text', body: lexical('First line', 'Second line'), tags: ['#Cardiology', 'cardiology', ' ECG '], _status: 'published' })
    expect(res.status).toBe(201)
    expect(res.body.doc.tags).toEqual(['cardiology', 'ecg'])
    expect(res.body.doc.text).toContain('First line')
    expect(res.body.doc.text).toContain('Second line')
    const tooMany = await member.client.post('/posts', { kind: 'text', body: lexical('x'), tags: Array.from({ length: 11 }, (_, i) => `t${i}`), _status: 'published' })
    expect(tooMany.status).toBe(400)
  })

  describe('what each kind needs (bad input is a 400 and nothing is stored)', () => {
    let image: number
    let image2: number
    let pdf: number
    let original: number
    beforeAll(async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toBuffer()
      const upload = async (name: string) =>
        (await payload.create({ collection: 'media', data: { alt: name } as never, file: { data: png, mimetype: 'image/png', name, size: png.length }, overrideAccess: true })).id as number
      image = await upload('a.png')
      image2 = await upload('b.png')
      // A stored PDF (as an upload of one would leave it).
      pdf = ((await payload.db.create({ collection: 'media', data: { alt: 'doc', filename: `x${Date.now()}.pdf`, mimeType: 'application/pdf', filesize: 100 } })) as { id: number }).id
      original = (await createPost(payload, author.id)).id
    })

    const cases: [string, () => Record<string, unknown>, boolean][] = [
      ['text without text', () => ({ kind: 'text' }), false],
      ['image with one image', () => ({ kind: 'image', media: [image] }), true],
      ['image with two', () => ({ kind: 'image', media: [image, image2] }), false],
      ['image with a PDF', () => ({ kind: 'image', media: [pdf] }), false],
      ['gallery with one', () => ({ kind: 'gallery', media: [image] }), false],
      ['gallery with two', () => ({ kind: 'gallery', media: [image, image2] }), true],
      ['video from YouTube', () => ({ kind: 'video', video: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }), true],
      ['video from Vimeo', () => ({ kind: 'video', video: 'https://vimeo.com/76979871' }), true],
      ['video file', () => ({ kind: 'video', video: 'https://cdn.example.com/talk.mp4' }), true],
      ['video over http', () => ({ kind: 'video', video: 'http://www.youtube.com/watch?v=dQw4w9WgXcQ' }), false],
      ['video elsewhere', () => ({ kind: 'video', video: 'https://evil.example.com/page.html' }), false],
      ['video without a link', () => ({ kind: 'video' }), false],
      ['link without url', () => ({ kind: 'link' }), false],
      ['repost', () => ({ kind: 'repost', repostOf: original }), true],
      ['repost with text', () => ({ kind: 'repost', repostOf: original, body: lexical('mine') }), false],
      ['repost of nothing', () => ({ kind: 'repost' }), false],
      ['quote', () => ({ kind: 'quote', repostOf: original, body: lexical('Worth reading') }), true],
      ['quote without text', () => ({ kind: 'quote', repostOf: original }), false],
      ['card', () => ({ kind: 'card', card: { kind: 'course', ref: 'course-123' } }), true],
      ['card without ref', () => ({ kind: 'card', card: { kind: 'course' } }), false],
      ['unknown kind', () => ({ kind: 'poll', body: lexical('x') }), false],
      ['six specialties', () => ({ kind: 'text', body: lexical('x'), specialties: [1, 2, 3, 4, 5, 6] }), false],
    ]

    it.each(cases)('%s', async (label, data, ok) => {
      const marker = `kind-${label}-${Date.now()}`
      const res = await member.client.post('/posts', { ...data(), title: marker, _status: 'published' })
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(ok ? 201 : 400)
      const stored = await payload.count({ collection: 'posts', where: { title: { equals: marker } }, overrideAccess: true })
      expect(stored.totalDocs).toBe(ok ? 1 : 0)
    })

    it('a draft may be unfinished', async () => {
      const res = await member.client.post('/posts', { kind: 'gallery', media: [image] })
      expect(res.status).toBe(201)
      expect(res.body.doc._status).toBe('draft')
    })
  })

  it('posting into a room needs membership', async () => {
    const room = await createRoom(payload, { visibility: 'members' })
    const body = { kind: 'text', body: lexical('In the room'), room: room.id, _status: 'published' }
    expect((await member.client.post('/posts', body)).status).toBe(400)
    await member.client.post(`/rooms/${room.id}/join`)
    expect((await member.client.post('/posts', body)).status).toBe(201)
  })
})

describe('drafts, history and edits', () => {
  it('drafts are invisible to others; the author and staff read them', async () => {
    const res = await author.client.post('/posts', { kind: 'text', body: lexical('Work in progress'), visibility: 'public' })
    expect(res.status).toBe(201)
    const id = res.body.doc.id
    expect(res.body.doc._status).toBe('draft')
    expect(await sees(member.client, id)).toBe(false)
    expect(await sees(anonymous, id)).toBe(false)
    expect(await sees(author.client, id)).toBe(true)
    expect(await sees(moderator.client, id)).toBe(true)
  })

  it('a published post edited later gets editedAt; its history is the author’s and staff’s', async () => {
    const res = await author.client.post('/posts', { kind: 'text', body: lexical('Version one'), visibility: 'public', _status: 'published' })
    const id = res.body.doc.id
    expect(res.body.doc.editedAt).toBeNull()
    const edit = await author.client.patch(`/posts/${id}`, { body: lexical('Version two') })
    expect(edit.status).toBe(200)
    expect(edit.body.doc.editedAt).toBeTruthy()
    expect(edit.body.doc.text).toBe('Version two')

    const mine = await author.client.get(`/posts/versions?where[parent][equals]=${id}&sort=-updatedAt`)
    expect(mine.status).toBe(200)
    expect(mine.body.docs.length).toBeGreaterThanOrEqual(2)
    expect(mine.body.docs.map((v: { version: { text: string } }) => v.version.text)).toEqual(expect.arrayContaining(['Version one', 'Version two']))
    const staff = await moderator.client.get(`/posts/versions?where[parent][equals]=${id}`)
    expect(staff.body.docs.length).toBe(mine.body.docs.length)
    const other = await member.client.get(`/posts/versions?where[parent][equals]=${id}`)
    expect(other.body.docs ?? []).toEqual([])
    const version = mine.body.docs[0].id
    expect((await member.client.get(`/posts/versions/${version}`)).status).toBeGreaterThanOrEqual(403)
    expect((await anonymous.get(`/posts/versions?where[parent][equals]=${id}`)).status).toBeGreaterThanOrEqual(401)
  })

  it('another member cannot edit the post', async () => {
    const post = await createPost(payload, author.id)
    expect((await member.client.patch(`/posts/${post.id}`, { title: 'Mine now' })).status).toBe(403)
  })

  it('saving never writes the counters (no stale count written back over concurrent increments)', async () => {
    const post = await createPost(payload, author.id)
    // A like lands between the moment the save reads the post and the moment it writes it.
    await payload.db.drizzle.execute(sql`update posts set like_count = like_count + 7 where id = ${post.id}`)
    const { texts } = await countStatements(() => author.client.patch(`/posts/${post.id}`, { body: lexical('Edited body') }))
    const writes = texts.filter((t) => /^\s*(update|insert into)\s+"posts"\s/i.test(t)).map((t) => t.split(/do update set|\bset\b/i).pop()!.split(/\breturning\b/i)[0])
    expect(writes.length).toBeGreaterThan(0)
    for (const w of writes) expect(w).not.toMatch(/like_count|upvotes|downvotes|comment_count|share_count|bookmark_count/)
    expect(((await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })) as { likeCount: number }).likeCount).toBe(7)
  })
})

describe('deleting (the trash)', () => {
  it('members move their post to the trash: gone for members, kept for staff', async () => {
    const post = await createPost(payload, author.id)
    const res = await author.client.patch(`/posts/${post.id}`, { deletedAt: '1999-01-01T00:00:00.000Z' })
    expect(res.status).toBe(200)
    expect(new Date(res.body.doc.deletedAt).getFullYear()).toBeGreaterThan(2000)
    expect(await sees(member.client, post.id)).toBe(false)
    expect(await sees(author.client, post.id)).toBe(false)
    expect((await member.client.get(`/posts?where[id][equals]=${post.id}&trash=true`)).body.docs).toEqual([])
    const staff = await moderator.client.get(`/posts?where[id][equals]=${post.id}&trash=true`)
    expect(staff.body.docs.map((d: { id: number }) => d.id)).toEqual([post.id])
    // Permanent deletion is for administrators.
    expect((await author.client.delete(`/posts/${post.id}`)).status).toBeGreaterThanOrEqual(403)
    expect(await payload.count({ collection: 'posts', where: { id: { equals: post.id } }, trash: true, overrideAccess: true })).toMatchObject({ totalDocs: 1 })
  })
})

describe('reading cost', () => {
  it('a page of posts at depth 1 takes at most 4 SQL statements', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#654321' } }).png().toBuffer()
    const media = (await payload.create({ collection: 'media', data: { alt: 'p' } as never, file: { data: png, mimetype: 'image/png', name: 'p.png', size: png.length }, overrideAccess: true })).id
    const room = await createRoom(payload, { visibility: 'public' })
    for (let i = 0; i < 10; i++) await createPost(payload, i % 2 ? author.id : member.id, { kind: 'image', media: [media], room: room.id, tags: ['cost'] })
    const user = { ...(await payload.findByID({ collection: 'users', id: member.id, overrideAccess: true })), collection: 'users' }
    for (const viewer of [null, user]) {
      const { result, count } = await countStatements(() =>
        payload.find({ collection: 'posts', where: { room: { equals: room.id } }, depth: 1, limit: 20, overrideAccess: false, user: viewer as never }),
      )
      expect(result.docs).toHaveLength(10)
      expect(typeof result.docs[0].author).toBe('object')
      expect(count).toBeLessThanOrEqual(4)
    }
  })
})
