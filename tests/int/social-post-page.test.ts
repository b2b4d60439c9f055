import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { sql } from '@/db/sql'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost, lexical } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let author: TestUser
let reader: TestUser
let other: TestUser
let moderator: TestUser
const anonymous = new RestClient()

beforeAll(async () => {
  payload = await testPayload()
  ;[author, reader, other, moderator] = await Promise.all([createUser(payload), createUser(payload), createUser(payload), createUser(payload, { roles: ['moderator'] })])
})

const handleOf = async (id: number) => ((await payload.findByID({ collection: 'users', id, overrideAccess: true })) as { handle: string }).handle

/** A published post written by `author` through the API, then edited once per extra text. */
async function postWithEdits(texts: string[], data: Record<string, unknown> = {}) {
  const created = await author.client.post('/posts', { kind: 'text', body: lexical(texts[0]), visibility: 'public', _status: 'published', ...data })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  for (const text of texts.slice(1)) {
    const edit = await author.client.patch(`/posts/${id}`, { body: lexical(text), _status: 'published' })
    expect(edit.status).toBe(200)
  }
  return id
}

describe('GET /api/posts/:id/history', () => {
  it('shows every reader the published versions, newest first, never drafts', async () => {
    const id = await postWithEdits(['First take on the case', 'Second take after the labs'])
    // A draft saved on top of the published post: the author's work in progress.
    const draft = await author.client.patch(`/posts/${id}?draft=true`, { body: lexical('Unpublished third take'), _status: 'draft' })
    expect(draft.status).toBe(200)

    for (const client of [reader.client, anonymous, author.client]) {
      const res = await client.get(`/posts/${id}/history`)
      expect(res.status).toBe(200)
      expect(res.body.docs.map((v: { text: string }) => v.text)).toEqual(['Second take after the labs', 'First take on the case'])
      expect(res.body.docs.map((v: { current: boolean }) => v.current)).toEqual([true, false])
      expect(res.body.nextCursor).toBeNull()
      expect(JSON.stringify(res.body)).not.toContain('Unpublished third take')
    }
    const [newest, oldest] = (await reader.client.get(`/posts/${id}/history`)).body.docs
    expect(Date.parse(newest.publishedAt)).toBeGreaterThanOrEqual(Date.parse(oldest.publishedAt))
    // Payload's own versions API still keeps the draft from other members.
    expect((await reader.client.get(`/posts/versions?where[parent][equals]=${id}`)).body.docs ?? []).toEqual([])
  })

  it('lists a change of content only, not saves that changed nothing readers saw', async () => {
    const id = await postWithEdits(['Steady text'])
    expect((await moderator.client.patch(`/posts/${id}`, { moderation: 'held', _status: 'published' })).status).toBe(200)
    expect((await moderator.client.patch(`/posts/${id}`, { moderation: 'visible', _status: 'published' })).status).toBe(200)
    expect((await author.client.patch(`/posts/${id}`, { tags: ['cardiology'], _status: 'published' })).status).toBe(200)
    const res = await reader.client.get(`/posts/${id}/history`)
    expect(res.body.docs).toHaveLength(1)
    expect(res.body.docs[0]).toMatchObject({ text: 'Steady text', current: true })
  })

  it('answers 404 to anyone who may not read the post', async () => {
    const membersOnly = await postWithEdits(['For members'], { visibility: 'members' })
    expect((await anonymous.get(`/posts/${membersOnly}/history`)).status).toBe(404)
    expect((await reader.client.get(`/posts/${membersOnly}/history`)).status).toBe(200)

    const forVerified = await postWithEdits(['For verified doctors'], { visibility: 'verified' })
    expect((await reader.client.get(`/posts/${forVerified}/history`)).status).toBe(404)

    const draft = await author.client.post('/posts', { kind: 'text', body: lexical('Still a draft'), visibility: 'public', _status: 'draft' })
    expect((await reader.client.get(`/posts/${draft.body.doc.id}/history`)).status).toBe(404)
    const own = await author.client.get(`/posts/${draft.body.doc.id}/history`)
    expect(own.status).toBe(200)
    expect(own.body.docs).toEqual([])

    const hidden = await postWithEdits(['Hidden soon'])
    await payload.update({ collection: 'posts', id: hidden, data: { moderation: 'hidden' } as never, overrideAccess: true })
    expect((await reader.client.get(`/posts/${hidden}/history`)).status).toBe(404)

    const deleted = await postWithEdits(['Deleted soon'])
    expect((await author.client.patch(`/posts/${deleted}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    expect((await reader.client.get(`/posts/${deleted}/history`)).status).toBe(404)
    expect((await author.client.get(`/posts/${deleted}/history`)).status).toBe(404)

    expect((await reader.client.get('/posts/2147483647/history')).status).toBe(404)
    expect((await reader.client.get('/posts/99999999999/history')).status).toBe(404)
  })

  it('pages by keyset within its limits, and rejects bad paging', async () => {
    const id = await postWithEdits(['v1', 'v2', 'v3', 'v4'])
    const first = await reader.client.get(`/posts/${id}/history?limit=3`)
    expect(first.body.docs.map((v: { text: string }) => v.text)).toEqual(['v4', 'v3', 'v2'])
    expect(first.body.nextCursor).toBeTruthy()
    const second = await reader.client.get(`/posts/${id}/history?limit=3&before=${first.body.nextCursor}`)
    expect(second.body.docs.map((v: { text: string }) => v.text)).toEqual(['v1'])
    expect(second.body.nextCursor).toBeNull()
    for (const bad of ['limit=0', 'limit=26', 'limit=two', 'before=abc', 'before=-4', 'before=99999999999']) {
      const res = await reader.client.get(`/posts/${id}/history?${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.errors[0].message).toBeTruthy()
    }
  })

  it('costs at most 4 SQL statements', async () => {
    const id = await postWithEdits(['Counted', 'Counted again'])
    const visitor = await countStatements(() => anonymous.get(`/posts/${id}/history`))
    expect(visitor.result.status).toBe(200)
    expect(visitor.count, visitor.texts.join('\n')).toBeLessThanOrEqual(4)
    // A member's request also authenticates them first (as any other request does).
    const auth = await countStatements(() => reader.client.get('/users/me'))
    const member = await countStatements(() => reader.client.get(`/posts/${id}/history`))
    expect(member.count - auth.count, member.texts.join('\n')).toBeLessThanOrEqual(4)
  })
})

type Comment = { id: number; parentId: number | null; body: string | null; deleted: boolean; author: { id: number; handle: string } | null; mentions: string[]; liked: boolean; likeCount: number }
type Thread = Comment & { replies: Comment[]; repliesCursor: string | null }

async function comment(user: TestUser, post: number, body: string, parent?: number) {
  const res = await user.client.post('/comments', { post, body, ...(parent ? { parent } : {}) })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}

describe('GET /api/posts/:id/comments', () => {
  it('answers threads two levels deep: replies oldest first, a reply to a reply in its thread', async () => {
    const post = (await createPost(payload, author.id)).id
    const top = await comment(reader, post, 'Which dose did you start with?')
    const r1 = await comment(author, post, 'Half the usual dose.', top)
    const r2 = await comment(other, post, `Same here @${await handleOf(author.id)}`, r1)
    const second = await comment(other, post, 'Great case')

    const res = await reader.client.get(`/posts/${post}/comments`)
    expect(res.status).toBe(200)
    const docs = res.body.docs as Thread[]
    expect(docs.map((t) => t.id)).toEqual([second, top])
    expect(docs[1].replies.map((r) => r.id)).toEqual([r1, r2])
    expect(docs[1].replies.every((r) => r.parentId === top)).toBe(true)
    expect(docs[1].replies[1].mentions).toEqual([await handleOf(author.id)])
    expect(docs[1].author?.id).toBe(reader.id)
    expect(docs[0].replies).toEqual([])
    expect(res.body.nextCursor).toBeNull()

    const oldest = await anonymous.get(`/posts/${post}/comments?order=oldest`)
    expect((oldest.body.docs as Thread[]).map((t) => t.id)).toEqual([top, second])
  })

  it('shows three replies per thread, then pages the rest of the thread by cursor', async () => {
    const post = (await createPost(payload, author.id)).id
    const top = await comment(reader, post, 'Thread head')
    const replies: number[] = []
    for (let i = 1; i <= 5; i++) replies.push(await comment(i % 2 ? author : other, post, `Reply ${i}`, top))
    const page = await reader.client.get(`/posts/${post}/comments`)
    const thread = page.body.docs[0] as Thread
    expect(thread.replies.map((r) => r.id)).toEqual(replies.slice(0, 3))
    expect(thread.repliesCursor).toBeTruthy()
    const rest = await reader.client.get(`/posts/${post}/comments?parent=${top}&cursor=${encodeURIComponent(thread.repliesCursor!)}&limit=1`)
    expect(rest.status).toBe(200)
    expect(rest.body.docs.map((r: Comment) => r.id)).toEqual([replies[3]])
    const last = await reader.client.get(`/posts/${post}/comments?parent=${top}&cursor=${encodeURIComponent(rest.body.nextCursor)}`)
    expect(last.body.docs.map((r: Comment) => r.id)).toEqual([replies[4]])
    expect(last.body.nextCursor).toBeNull()
    // A thread without replies answers an empty page; a comment that heads no thread here, 404.
    const quiet = await comment(other, post, 'No replies here')
    const empty = await reader.client.get(`/posts/${post}/comments?parent=${quiet}`)
    expect(empty.status).toBe(200)
    expect(empty.body).toEqual({ docs: [], nextCursor: null })
    expect((await reader.client.get(`/posts/${post}/comments?parent=${replies[0]}`)).status).toBe(404)
    const elsewhere = (await createPost(payload, author.id)).id
    expect((await reader.client.get(`/posts/${elsewhere}/comments?parent=${top}`)).status).toBe(404)
  })

  it('pages top-level comments by keyset, without gaps or repeats, in both orders', async () => {
    const post = (await createPost(payload, author.id)).id
    const ids: number[] = []
    for (let i = 0; i < 7; i++) ids.push(await comment(i % 2 ? reader : other, post, `Comment ${i}`))
    for (const order of ['newest', 'oldest'] as const) {
      const seen: number[] = []
      let cursor: string | null = null
      do {
        const res: { status: number; body: { docs: Thread[]; nextCursor: string | null } } = await reader.client.get(
          `/posts/${post}/comments?order=${order}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
        expect(res.status).toBe(200)
        expect(res.body.docs.length).toBeLessThanOrEqual(3)
        seen.push(...res.body.docs.map((t) => t.id))
        cursor = res.body.nextCursor
      } while (cursor)
      expect(seen).toEqual(order === 'newest' ? [...ids].reverse() : ids)
    }
  })

  it('never shows comments of members blocked either way', async () => {
    const [blocker, blocked] = await Promise.all([createUser(payload), createUser(payload)])
    const post = (await createPost(payload, author.id)).id
    const byBlocked = await comment(blocked, post, 'Thread by the blocked member')
    const answer = await comment(reader, post, 'An answer in that thread', byBlocked)
    const top = await comment(reader, post, 'Open thread')
    const blockedReply = await comment(blocked, post, 'A reply by the blocked member', top)
    const byBlocker = await comment(blocker, post, 'Said by the blocker')
    expect((await blocker.client.put(`/users/${blocked.id}/block`)).status).toBe(200)

    const ids = (body: { docs: Thread[] }) => body.docs.flatMap((t) => [t.id, ...t.replies.map((r) => r.id)])
    const seenByBlocker = ids((await blocker.client.get(`/posts/${post}/comments`)).body)
    expect(seenByBlocker).not.toContain(byBlocked)
    expect(seenByBlocker).not.toContain(answer) // the whole thread goes with its head
    expect(seenByBlocker).not.toContain(blockedReply)
    expect(seenByBlocker).toEqual(expect.arrayContaining([top, byBlocker]))
    const seenByBlocked = ids((await blocked.client.get(`/posts/${post}/comments`)).body)
    expect(seenByBlocked).not.toContain(byBlocker)
    expect(seenByBlocked).toEqual(expect.arrayContaining([byBlocked, answer, top, blockedReply]))
    const since = (await blocker.client.get(`/posts/${post}/comments?after=0`)).body.docs.map((c: Comment) => c.id)
    expect(since).not.toContain(byBlocked)
    expect(since).not.toContain(blockedReply)
    const replies = (await blocker.client.get(`/posts/${post}/comments?parent=${top}`)).body.docs.map((c: Comment) => c.id)
    expect(replies).not.toContain(blockedReply)
    expect((await blocker.client.get(`/posts/${post}/comments?parent=${byBlocked}`)).status).toBe(404)
    // Others still see everything.
    expect(ids((await other.client.get(`/posts/${post}/comments`)).body)).toEqual(expect.arrayContaining([byBlocked, answer, blockedReply, byBlocker]))
  })

  it('keeps a deleted comment with replies as a placeholder, drops one without; held comments only for their author', async () => {
    const post = (await createPost(payload, author.id)).id
    const head = await comment(other, post, 'Soon deleted, with a reply')
    const reply = await comment(reader, post, 'A reply that stays', head)
    const lone = await comment(other, post, 'Soon deleted, alone')
    for (const id of [head, lone]) expect((await other.client.patch(`/comments/${id}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    const held = await comment(other, post, 'Waiting for a moderator')
    await payload.update({ collection: 'comments', id: held, data: { moderation: 'held' } as never, overrideAccess: true })

    const docs = (await reader.client.get(`/posts/${post}/comments`)).body.docs as Thread[]
    expect(docs.map((t) => t.id)).toEqual([head])
    expect(docs[0]).toMatchObject({ deleted: true, body: null, author: null })
    expect(docs[0].replies.map((r) => r.id)).toEqual([reply])
    expect(JSON.stringify(docs)).not.toContain('Soon deleted')
    const own = (await other.client.get(`/posts/${post}/comments`)).body.docs as Thread[]
    expect(own.map((t) => t.id)).toEqual([held, head])
  })

  it('tells the viewer which comments they liked, and lists comments written since one', async () => {
    const post = (await createPost(payload, author.id)).id
    const first = await comment(other, post, 'First')
    expect((await reader.client.put(`/comments/${first}/reaction`, { kind: 'like' })).status).toBe(200)
    const mine = (await reader.client.get(`/posts/${post}/comments`)).body.docs[0] as Thread
    expect(mine).toMatchObject({ liked: true, likeCount: 1 })
    expect((await other.client.get(`/posts/${post}/comments`)).body.docs[0]).toMatchObject({ liked: false, likeCount: 1 })

    const later = await comment(author, post, 'Later')
    const reply = await comment(reader, post, 'A reply', first)
    const since = await reader.client.get(`/posts/${post}/comments?after=${first}`)
    expect(since.status).toBe(200)
    expect(since.body.docs.map((c: Comment) => [c.id, c.parentId])).toEqual([
      [later, null],
      [reply, first],
    ])
    expect(since.body.more).toBe(false)
    const one = await reader.client.get(`/posts/${post}/comments?after=${first}&limit=1`)
    expect(one.body.docs.map((c: Comment) => c.id)).toEqual([later])
    expect(one.body.more).toBe(true)
  })

  it('answers 404 for posts the viewer may not read and 400 for bad input', async () => {
    const membersOnly = (await createPost(payload, author.id, { visibility: 'members' })).id
    await comment(reader, membersOnly, 'Members talk')
    expect((await anonymous.get(`/posts/${membersOnly}/comments`)).status).toBe(404)
    expect((await reader.client.get(`/posts/${membersOnly}/comments`)).status).toBe(200)
    const draft = (await createPost(payload, author.id, { _status: 'draft' })).id
    expect((await author.client.get(`/posts/${draft}/comments`)).status).toBe(404)
    expect((await reader.client.get('/posts/0/comments')).status).toBe(404)

    const post = (await createPost(payload, author.id)).id
    for (const bad of ['order=hot', 'limit=0', 'limit=51', 'cursor=not-a-cursor', 'parent=abc', 'parent=0', 'after=-1', 'after=3&parent=4', 'after=3&cursor=abc']) {
      const res = await reader.client.get(`/posts/${post}/comments?${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.errors[0].message).toBeTruthy()
    }
  })

  it('costs at most 4 SQL statements for a page of threads', async () => {
    const post = (await createPost(payload, author.id)).id
    for (let i = 0; i < 4; i++) {
      const top = await comment(i % 2 ? reader : other, post, `Top ${i} @${await handleOf(author.id)}`)
      await comment(author, post, `Reply ${i}`, top)
      await comment(other, post, `Reply ${i}b`, top)
    }
    const visitor = await countStatements(() => anonymous.get(`/posts/${post}/comments`))
    expect(visitor.result.body.docs).toHaveLength(4)
    expect(visitor.count, visitor.texts.join('\n')).toBeLessThanOrEqual(4)
    const auth = await countStatements(() => reader.client.get('/users/me'))
    for (const query of ['', '?order=oldest', `?after=0`]) {
      const member = await countStatements(() => reader.client.get(`/posts/${post}/comments${query}`))
      expect(member.result.status).toBe(200)
      expect(member.count - auth.count, member.texts.join('\n')).toBeLessThanOrEqual(4)
    }
  })
})

describe('the comment edit window, as the post page shows it', () => {
  it('refuses an edit after 15 minutes with a message the page can show', async () => {
    const post = (await createPost(payload, author.id)).id
    const id = await comment(reader, post, 'Typo hree')
    const ok = await reader.client.patch(`/comments/${id}`, { body: 'Typo here' })
    expect(ok.status).toBe(200)
    await payload.db.drizzle.execute(sql`update comments set created_at = now() - interval '16 minutes' where id = ${id}`)
    const late = await reader.client.patch(`/comments/${id}`, { body: 'Too late' })
    expect(late.status).toBe(403)
    expect(late.body.errors[0].message).toMatch(/15 minutes/)
    const shown = (await other.client.get(`/posts/${post}/comments`)).body.docs[0]
    expect(shown.body).toBe('Typo here')
    expect(shown.editedAt).toBeTruthy()
  })
})
