import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { sql } from '@/db/sql'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createPost, createRoom } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let author: TestUser
let member: TestUser
let other: TestUser
let moderator: TestUser

beforeAll(async () => {
  payload = await testPayload()
  ;[author, member, other, moderator] = await Promise.all([createUser(payload), createUser(payload), createUser(payload), createUser(payload, { roles: ['moderator'] })])
})

const stored = async (collection: 'posts' | 'comments', id: number) =>
  (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, trash: true })) as unknown as Record<string, any>
const count = async (collection: 'reactions' | 'bookmarks' | 'shares' | 'comments', where: Record<string, unknown>) =>
  (await payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs

describe('comments', () => {
  it('needs a post the commenter can read; commentCount follows', async () => {
    const post = await createPost(payload, author.id, { visibility: 'public' })
    const res = await member.client.post('/comments', { post: post.id, body: 'Great case', author: other.id, likeCount: 9 })
    expect(res.status).toBe(201)
    expect(res.body.doc.author.id ?? res.body.doc.author).toBe(member.id)
    expect(res.body.doc.likeCount).toBe(0)
    expect((await stored('posts', post.id)).commentCount).toBe(1)
    const hidden = await createPost(payload, author.id, { visibility: 'verified' })
    expect((await member.client.post('/comments', { post: hidden.id, body: 'Can I?' })).status).toBe(400)
    expect(await count('comments', { post: { equals: hidden.id } })).toBe(0)
    expect((await new RestClient().post('/comments', { post: post.id, body: 'Anonymous' })).status).toBe(403)
  })

  it('threads two levels deep: a reply to a reply attaches to the top-level comment', async () => {
    const post = await createPost(payload, author.id)
    const top = (await member.client.post('/comments', { post: post.id, body: 'Top' })).body.doc
    const reply = (await other.client.post('/comments', { post: post.id, body: 'Reply', parent: top.id })).body.doc
    const deeper = await member.client.post('/comments', { post: post.id, body: 'Reply to reply', parent: reply.id })
    expect(deeper.status).toBe(201)
    expect(deeper.body.doc.parent.id ?? deeper.body.doc.parent).toBe(top.id)
    expect((await stored('comments', top.id)).replyCount).toBe(2)
    expect((await stored('posts', post.id)).commentCount).toBe(3)
    const elsewhere = await createPost(payload, author.id)
    expect((await member.client.post('/comments', { post: elsewhere.id, body: 'Wrong thread', parent: top.id })).status).toBe(400)
  })

  it('stores @mentions of members who exist, never ones the client sends', async () => {
    const handleOf = async (id: number) => ((await payload.findByID({ collection: 'users', id, overrideAccess: true })) as { handle: string }).handle
    const post = await createPost(payload, author.id)
    const res = await member.client.post('/comments', { post: post.id, body: `Thoughts @${await handleOf(author.id)} and @${await handleOf(other.id)}? cc @nobody-here-xyz`, mentions: [moderator.id] })
    expect(res.status).toBe(201)
    expect((await stored('comments', res.body.doc.id)).mentions.sort()).toEqual([author.id, other.id].sort())
  })

  it('the text can be edited for 15 minutes by its author; staff always', async () => {
    const post = await createPost(payload, author.id)
    const mine = (await member.client.post('/comments', { post: post.id, body: 'First take' })).body.doc
    const edit = await member.client.patch(`/comments/${mine.id}`, { body: 'Second take' })
    expect(edit.status).toBe(200)
    expect(edit.body.doc.editedAt).toBeTruthy()
    expect((await other.client.patch(`/comments/${mine.id}`, { body: 'Not yours' })).status).toBe(403)
    await payload.db.drizzle.execute(sql`update comments set created_at = now() - interval '16 minutes' where id = ${mine.id}`)
    expect((await member.client.patch(`/comments/${mine.id}`, { body: 'Too late' })).status).toBe(403)
    expect((await stored('comments', mine.id)).body).toBe('Second take')
    expect((await moderator.client.patch(`/comments/${mine.id}`, { body: 'Edited by staff' })).status).toBe(200)
    // Deleting (the trash) stays possible, and takes the comment out of the count.
    expect((await stored('posts', post.id)).commentCount).toBe(1)
    expect((await member.client.patch(`/comments/${mine.id}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    expect((await stored('posts', post.id)).commentCount).toBe(0)
    expect((await other.client.get(`/comments/${mine.id}`)).status).toBe(404)
    expect((await moderator.client.get(`/comments?where[id][equals]=${mine.id}&trash=true`)).body.docs).toHaveLength(1)
  })
})

describe('reactions', () => {
  it('one per member and post, counters exact under concurrency', async () => {
    const post = await createPost(payload, author.id)
    const people: TestUser[] = []
    for (let i = 0; i < 4; i++) people.push(...(await Promise.all(Array.from({ length: 5 }, () => createUser(payload)))))
    // Twenty members like at the same moment (two of them twice).
    const likes = await Promise.all([...people, ...people.slice(18)].map((p) => p.client.put(`/posts/${post.id}/reaction`, { kind: 'like' })))
    expect(likes.every((r) => r.status === 200)).toBe(true)
    expect(await count('reactions', { post: { equals: post.id } })).toBe(20)
    expect((await stored('posts', post.id)).likeCount).toBe(20)
    // Seven unlike at once (one of them twice) while five others like again.
    await Promise.all([
      ...[...people.slice(0, 7), people[0]].map((p) => p.client.delete(`/posts/${post.id}/reaction`)),
      ...people.slice(10, 15).map((p) => p.client.put(`/posts/${post.id}/reaction`, { kind: 'like' })),
    ])
    const rows = await count('reactions', { post: { equals: post.id } })
    expect(rows).toBe(13)
    expect((await stored('posts', post.id)).likeCount).toBe(rows)
  })

  it('up and down only in voting rooms; switching moves the vote', async () => {
    const room = await createRoom(payload, { voting: true, visibility: 'public' })
    const post = await createPost(payload, author.id, { room: room.id })
    expect((await member.client.put(`/posts/${post.id}/reaction`, { kind: 'like' })).status).toBe(400)
    expect((await member.client.put(`/posts/${post.id}/reaction`, { kind: 'up' })).body).toMatchObject({ upvotes: 1, downvotes: 0 })
    expect((await member.client.put(`/posts/${post.id}/reaction`, { kind: 'down' })).body).toMatchObject({ upvotes: 0, downvotes: 1, changed: true })
    expect(await count('reactions', { and: [{ post: { equals: post.id } }, { user: { equals: member.id } }] })).toBe(1)
    expect((await member.client.delete(`/posts/${post.id}/reaction`)).body).toMatchObject({ removed: 'down', downvotes: 0 })
    const plain = await createPost(payload, author.id)
    expect((await member.client.put(`/posts/${plain.id}/reaction`, { kind: 'up' })).status).toBe(400)
    expect((await member.client.put(`/posts/${plain.id}/reaction`, { kind: 'love' })).status).toBe(400)
  })

  it('the database refuses a second reaction row of the same member and post', async () => {
    const post = await createPost(payload, author.id)
    await member.client.put(`/posts/${post.id}/reaction`, { kind: 'like' })
    await expect(
      payload.db.drizzle.execute(sql`insert into reactions (user_id, post_id, kind, updated_at, created_at) values (${member.id}, ${post.id}, 'like', now(), now())`),
    ).rejects.toThrow()
  })

  it('comments take likes; unreadable posts take nothing; members see only their own reactions', async () => {
    const post = await createPost(payload, author.id)
    const comment = (await other.client.post('/comments', { post: post.id, body: 'Like me' })).body.doc
    expect((await member.client.put(`/comments/${comment.id}/reaction`, { kind: 'like' })).body).toMatchObject({ likeCount: 1 })
    expect((await member.client.put(`/comments/${comment.id}/reaction`, { kind: 'like' })).body).toMatchObject({ likeCount: 1, changed: false })
    const secret = await createPost(payload, author.id, { visibility: 'premium' })
    expect((await member.client.put(`/posts/${secret.id}/reaction`, { kind: 'like' })).status).toBe(404)
    expect((await new RestClient().put(`/posts/${post.id}/reaction`, { kind: 'like' })).status).toBe(401)
    const seen = await other.client.get(`/reactions?where[comment][equals]=${comment.id}`)
    expect(seen.body.docs).toEqual([])
    expect((await member.client.post('/reactions', { post: post.id, kind: 'like' })).status).toBe(403)
  })
})

describe('bookmarks and shares', () => {
  it('bookmarks are idempotent, counted and private', async () => {
    const post = await createPost(payload, author.id)
    await Promise.all([member.client.put(`/posts/${post.id}/bookmark`), member.client.put(`/posts/${post.id}/bookmark`), other.client.put(`/posts/${post.id}/bookmark`)])
    expect((await stored('posts', post.id)).bookmarkCount).toBe(2)
    const mine = await member.client.get(`/bookmarks?where[post][equals]=${post.id}`)
    expect(mine.body.docs.map((b: { user: number }) => b.user)).toEqual([member.id])
    await member.client.delete(`/posts/${post.id}/bookmark`)
    await member.client.delete(`/posts/${post.id}/bookmark`)
    expect((await stored('posts', post.id)).bookmarkCount).toBe(1)
    expect(await count('bookmarks', { post: { equals: post.id } })).toBe(1)
  })

  it('sharing in the app is a repost; every share counts; members see their own shares only', async () => {
    const post = await createPost(payload, author.id)
    const inApp = await member.client.post(`/posts/${post.id}/share`, { channel: 'in_app' })
    expect(inApp.status).toBe(200)
    const repost = await stored('posts', inApp.body.repost)
    expect(repost).toMatchObject({ kind: 'repost', repostOf: post.id, author: member.id, _status: 'published' })
    expect((await other.client.post(`/posts/${post.id}/share`, { channel: 'copy_link' })).body.shareCount).toBe(2)
    // A quote made through the normal create is an in-app share too.
    expect((await other.client.post('/posts', { kind: 'quote', repostOf: post.id, body: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Read this', version: 1 }], version: 1 }], version: 1, direction: null, format: '', indent: 0 } }, _status: 'published' })).status).toBe(201)
    expect((await stored('posts', post.id)).shareCount).toBe(3)
    expect(await count('shares', { post: { equals: post.id } })).toBe(3)
    const mine = await member.client.get(`/shares?where[post][equals]=${post.id}`)
    expect(mine.body.docs.map((s: { channel: string }) => s.channel)).toEqual(['in_app'])
    expect((await member.client.post(`/posts/${post.id}/share`, { channel: 'carrier-pigeon' })).status).toBe(400)
  })
})
