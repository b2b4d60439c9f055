import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { countSql } from '@/db/sqlCounter'
import { sendDigests } from '@/domain/notifications/digest'
import { DIGEST_TASK } from '@/domain/notifications/digest'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createPost } from '../helpers/social'
import { createUser, emailsTo, type TestUser } from '../helpers/users'

let payload: Payload
const member = () => createUser(payload)
const doctor = () => createUser(payload, { verificationStatus: 'verified' })

type Item = {
  id: number
  type: string
  text: string
  link: string
  excerpt: string | null
  actor: { id: number; name: string; handle: string | null } | null
  actorCount: number
  eventCount: number
  detail: string | null
  subject: { key: string; post: number | null; comment: number | null; conversation: number | null }
  read: boolean
}

async function feed(user: TestUser, query = ''): Promise<Item[]> {
  const res = await user.client.get(`/notifications/feed${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.docs
}
const unread = async (user: TestUser) => (await user.client.get('/notifications/unread-count')).body.unread as number
const handleOf = async (user: TestUser) => ((await payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })) as { handle: string }).handle

async function comment(user: TestUser, post: number, body: string, parent?: number) {
  const res = await user.client.post('/comments', { post, body, ...(parent ? { parent } : {}) })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}
async function like(user: TestUser, post: number) {
  const res = await user.client.put(`/posts/${post}/reaction`, { kind: 'like' })
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
}
async function follow(user: TestUser, other: TestUser) {
  const res = await user.client.put(`/users/${other.id}/follow`)
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
}

beforeAll(async () => {
  payload = await testPayload()
})

describe('each kind is made by the real action', () => {
  it('a comment on your post, and a reply to your comment (aggregated per subject)', async () => {
    const [author, ben, cleo] = await Promise.all([member(), member(), member()])
    const post = await createPost(payload, author.id, { title: 'Troponin after long runs' })
    const first = await comment(ben, post.id, 'Seen it in marathoners too')
    const reply = await comment(cleo, post.id, 'Same in my clinic', first)

    const [toBen] = await feed(ben)
    expect(toBen).toMatchObject({ type: 'reply', actorCount: 1, read: false, excerpt: 'Same in my clinic' })
    expect(toBen.actor?.id).toBe(cleo.id)
    expect(toBen.text).toMatch(/replied to your comment$/)
    expect(toBen.link).toBe(`/posts/${post.id}#comment-${reply}`)

    const toAuthor = await feed(author)
    expect(toAuthor).toHaveLength(1)
    expect(toAuthor[0]).toMatchObject({ type: 'comment', actorCount: 2, eventCount: 2, subject: { key: `post:${post.id}`, post: post.id, comment: reply } })
    expect(toAuthor[0].actor?.id).toBe(cleo.id)
    expect(toAuthor[0].text).toMatch(/ and 1 other commented on your post$/)
    expect(toAuthor[0].link).toBe(`/posts/${post.id}#comment-${reply}`)
  })

  it('a reply to the post author’s own comment is one reply, not also a comment', async () => {
    const [author, ben] = await Promise.all([member(), member()])
    const post = await createPost(payload, author.id)
    const own = await comment(author, post.id, 'Opening the discussion')
    await comment(ben, post.id, 'Good point', own)
    expect((await feed(author)).map((n) => n.type)).toEqual(['reply'])
  })

  it('a mention in a comment; the post author mentioned on their own post hears once', async () => {
    const [author, ben, dana] = await Promise.all([member(), member(), member()])
    const post = await createPost(payload, author.id)
    const id = await comment(ben, post.id, `Thoughts @${await handleOf(dana)} and @${await handleOf(author)}?`)
    const [toDana] = await feed(dana)
    expect(toDana).toMatchObject({ type: 'mention', subject: { comment: id, post: post.id } })
    expect(toDana.link).toBe(`/posts/${post.id}#comment-${id}`)
    expect(toDana.text).toMatch(/mentioned you in a comment$/)
    expect((await feed(author)).map((n) => n.type)).toEqual(['comment'])
  })

  it('a like on your post and on your comment', async () => {
    const [author, ben] = await Promise.all([member(), member()])
    const post = await createPost(payload, author.id)
    await like(ben, post.id)
    const own = await comment(author, post.id, 'Adding data')
    expect((await ben.client.put(`/comments/${own}/reaction`, { kind: 'like' })).status).toBeLessThan(300)
    const items = await feed(author)
    expect(items.map((n) => [n.type, n.subject.key])).toEqual([
      ['reaction', `comment:${own}`],
      ['reaction', `post:${post.id}`],
    ])
    expect(items[0].text).toMatch(/liked your comment$/)
    expect(items[0].link).toBe(`/posts/${post.id}#comment-${own}`)
    expect(items[1].text).toMatch(/liked your post$/)
  })

  it('a follow, linking to the follower’s profile', async () => {
    const [ana, ben] = await Promise.all([member(), member()])
    await follow(ben, ana)
    const [n] = await feed(ana)
    expect(n).toMatchObject({ type: 'follow', subject: { key: 'member' } })
    expect(n.link).toBe(`/doctors/${await handleOf(ben)}`)
    expect(n.text).toMatch(/started following you$/)
  })

  it('messages: one notification per conversation, brought back unread by the next message', async () => {
    const [ana, ben] = await Promise.all([doctor(), doctor()])
    const started = await ben.client.post('/conversations/start', { participantIds: [ana.id] })
    const conversation = started.body.id as number
    for (const body of ['Are you on call?', 'Need a second opinion']) {
      expect((await ben.client.post(`/conversations/${conversation}/messages`, { body })).status).toBe(201)
    }
    const [n] = await feed(ana)
    expect(n).toMatchObject({ type: 'message', eventCount: 2, actorCount: 1, read: false, subject: { conversation } })
    expect(n.link).toBe(`/messages/${conversation}`)
    expect(n.text).toMatch(/sent you 2 messages$/)
    expect((await feed(ben)).filter((x) => x.type === 'message')).toEqual([])

    await ana.client.post('/notifications/read', { ids: [n.id] })
    expect(await unread(ana)).toBe(0)
    await ben.client.post(`/conversations/${conversation}/messages`, { body: 'Still there?' })
    const after = await feed(ana)
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ id: n.id, read: false, eventCount: 3 })
  })

  it('a moderation decision by a moderator, told once per decision', async () => {
    const [author, moderator] = await Promise.all([member(), createUser(payload, { roles: ['moderator'] })])
    const post = await createPost(payload, author.id, { title: 'Case report' })
    expect((await moderator.client.patch(`/posts/${post.id}`, { moderation: 'hidden' })).status).toBe(200)
    const [n] = await feed(author)
    expect(n).toMatchObject({ type: 'moderation', detail: 'hidden', actor: null, excerpt: 'Case report' })
    expect(n.text).toBe('Moderators hid your post')
    expect(n.link).toBe(`/posts/${post.id}`)
    await author.client.post('/notifications/read', { all: true })
    expect((await moderator.client.patch(`/posts/${post.id}`, { moderation: 'visible' })).status).toBe(200)
    const [again] = await feed(author)
    expect(again).toMatchObject({ id: n.id, detail: 'visible', read: false, eventCount: 2 })
  })
})

describe('aggregation under concurrency', () => {
  it('ten members liking at once make one notification counting ten', async () => {
    const author = await member()
    const likers = await Promise.all(Array.from({ length: 10 }, () => member()))
    const post = await createPost(payload, author.id)
    await Promise.all(likers.map((l) => like(l, post.id)))
    const items = await feed(author)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ type: 'reaction', actorCount: 10, eventCount: 10 })
    expect(items[0].text).toMatch(/ and 9 others liked your post$/)
    expect(await unread(author)).toBe(1)
  })

  it('a like taken back and given again, or a repeated event, counts once and does not bring the row back', async () => {
    const [author, ben] = await Promise.all([member(), member()])
    const post = await createPost(payload, author.id)
    await like(ben, post.id)
    await author.client.post('/notifications/read', { all: true })
    expect((await ben.client.delete(`/posts/${post.id}/reaction`)).status).toBeLessThan(300)
    await like(ben, post.id)
    const [n] = await feed(author)
    expect(n).toMatchObject({ actorCount: 1, eventCount: 1, read: true })
    expect(await unread(author)).toBe(0)
  })
})

describe('who is never told', () => {
  it('members are not told of their own actions', async () => {
    const author = await member()
    const post = await createPost(payload, author.id)
    await like(author, post.id)
    const own = await comment(author, post.id, 'My own note')
    await comment(author, post.id, 'Replying to myself', own)
    expect(await feed(author)).toEqual([])
  })

  it('nothing passes a block, in either direction', async () => {
    const [ana, ben, host] = await Promise.all([member(), member(), member()])
    const post = await createPost(payload, host.id)
    const anasComment = await comment(ana, post.id, 'A view from the ward')
    expect((await ana.client.put(`/users/${ben.id}/block`)).status).toBeLessThan(300)
    // Ben still acts where he may (a third member's post): Ana hears nothing of it.
    await comment(ben, post.id, `I disagree @${await handleOf(ana)}`, anasComment)
    await ben.client.put(`/comments/${anasComment}/reaction`, { kind: 'like' })
    expect((await ben.client.put(`/users/${ana.id}/follow`)).status).toBe(403)
    expect(await feed(ana)).toEqual([])
    // The block works the other way too: what Ana does never reaches Ben.
    const bensComment = await comment(ben, post.id, 'Another thought')
    await comment(ana, post.id, `Noted @${await handleOf(ben)}`, bensComment)
    expect(await feed(ben)).toEqual([])
  })
})

describe('preferences', () => {
  it('are read and changed by the member, and bad input is refused', async () => {
    const ana = await member()
    const initial = await ana.client.get('/notifications/preferences')
    expect(initial.status).toBe(200)
    expect(initial.body.inApp.reaction).toBe(true)
    expect(initial.body.email.follow).toBe(true)
    const changed = await ana.client.patch('/notifications/preferences', { inApp: { reaction: false }, email: { follow: false } })
    expect(changed.status).toBe(200)
    expect(changed.body.inApp).toMatchObject({ reaction: false, reply: true })
    expect(changed.body.email).toMatchObject({ follow: false, message: true })
    for (const bad of [{ inApp: { likes: false } }, { inApp: { reaction: 'no' } }, { push: {} }, [1]]) {
      expect((await ana.client.patch('/notifications/preferences', bad)).status).toBe(400)
    }
    expect((await new RestClient().get('/notifications/preferences')).status).toBe(401)
    expect((await ana.client.get('/notifications/preferences')).body.inApp.reaction).toBe(false)
  })

  it('a type turned off in the app makes no notification; the others still come', async () => {
    const [ana, ben] = await Promise.all([member(), member()])
    await ana.client.patch('/notifications/preferences', { inApp: { reaction: false } })
    const post = await createPost(payload, ana.id)
    await like(ben, post.id)
    await follow(ben, ana)
    expect((await feed(ana)).map((n) => n.type)).toEqual(['follow'])
  })
})

describe('reading and marking', () => {
  it('marks only your own notifications read; the badge follows', async () => {
    const [ana, ben, cleo] = await Promise.all([member(), member(), member()])
    await follow(cleo, ana)
    await follow(cleo, ben)
    const [anas] = await feed(ana)
    const [bens] = await feed(ben)
    expect(await unread(ana)).toBe(1)

    const foreign = await ana.client.post('/notifications/read', { ids: [bens.id, anas.id] })
    expect(foreign.status).toBe(200)
    expect(foreign.body).toEqual({ marked: [anas.id], unread: 0 })
    expect((await feed(ben))[0].read).toBe(false)
    expect(await unread(ben)).toBe(1)

    // Not through the collection's own API either.
    expect((await ana.client.patch(`/notifications/${bens.id}`, { readAt: new Date().toISOString() })).status).toBe(403)
    expect((await ana.client.get(`/notifications/${bens.id}`)).status).toBe(404)
    expect((await ana.client.post('/notifications', { recipient: ana.id, type: 'follow', subjectKey: 'x', activityAt: new Date().toISOString() })).status).toBe(403)

    const all = await ben.client.post('/notifications/read', { all: true })
    expect(all.body.unread).toBe(0)
    expect(await unread(ben)).toBe(0)
  })

  it('refuses bad input with a 4xx', async () => {
    const ana = await member()
    for (const body of [{}, { ids: [] }, { ids: ['x'] }, { ids: [-1] }, { all: false }, { ids: Array.from({ length: 101 }, (_, i) => i + 1) }]) {
      expect((await ana.client.post('/notifications/read', body)).status, JSON.stringify(body)).toBe(400)
    }
    expect((await ana.client.get('/notifications/feed?limit=51')).status).toBe(400)
    expect((await ana.client.get('/notifications/feed?cursor=not-a-cursor')).status).toBe(400)
    const anonymous = new RestClient()
    expect((await anonymous.get('/notifications/feed')).status).toBe(401)
    expect((await anonymous.get('/notifications/unread-count')).status).toBe(401)
    expect((await anonymous.post('/notifications/read', { all: true })).status).toBe(401)
  })

  it('pages by cursor, newest activity first, without repeats', async () => {
    const ana = await member()
    const fans = await Promise.all(Array.from({ length: 5 }, () => member()))
    for (const fan of fans) {
      const post = await createPost(payload, ana.id)
      await like(fan, post.id)
    }
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const res: { body: { docs: Item[]; nextCursor: string | null } } = await ana.client.get(`/notifications/feed?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...res.body.docs.map((d) => d.id))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)
  })

  it('the list costs at most 4 SQL statements beyond authentication', async () => {
    const ana = await member()
    const fans = await Promise.all(Array.from({ length: 3 }, () => member()))
    await Promise.all(fans.map((f) => follow(f, ana)))
    const post = await createPost(payload, ana.id)
    await like(fans[0], post.id)
    // The unread count is authentication plus one statement: that gives the authentication's share.
    const badge = await countSql(() => ana.client.get('/notifications/unread-count'))
    const list = await countSql(() => ana.client.get('/notifications/feed'))
    expect(list.result.body.docs).toHaveLength(2)
    expect(list.count - (badge.count - 1), list.texts.join('\n')).toBeLessThanOrEqual(4)
  })

  it('the recipient’s live stream hears of a new notification', async () => {
    const [ana, ben] = await Promise.all([member(), member()])
    const res = await ana.client.raw('GET', '/realtime/stream')
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const read = (async () => {
      const deadline = Date.now() + 8000
      while (!text.includes('event: notification') && Date.now() < deadline) {
        const { value, done } = await reader.read()
        if (done) break
        text += decoder.decode(value, { stream: true })
        if (text.includes('event: ready') && !text.includes('followed')) {
          text += 'followed'
          await follow(ben, ana)
        }
      }
    })()
    await read
    await reader.cancel().catch(() => {})
    expect(text).toContain('event: notification')
  })
})

describe('the daily email digest (Jobs Queue)', () => {
  const runDigestJob = async () => {
    // A queue of its own, so the app's own runner (the default queue) does not take the job first.
    await payload.jobs.queue({ task: DIGEST_TASK as never, input: {} as never, queue: 'notification-digest-test' })
    await payload.jobs.run({ queue: 'notification-digest-test', limit: 10 })
  }

  it('sends one summary per member and day, listing the unread items, even when run twice', async () => {
    const [ana, ben, quiet, done] = await Promise.all([member(), member(), member(), member()])
    const post = await createPost(payload, ana.id, { title: 'Night shift handover checklist' })
    await like(ben, post.id)
    await follow(ben, ana)
    await quiet.client.patch('/notifications/preferences', { email: { follow: false } })
    await follow(ben, quiet)
    await follow(ben, done)
    await done.client.post('/notifications/read', { all: true })

    await runDigestJob()
    await runDigestJob()

    const toAna = await emailsTo(payload, ana.email)
    expect(toAna).toHaveLength(1)
    expect(toAna[0].subject).toBe('2 new notifications on Rounds')
    expect(toAna[0].text).toContain('liked your post: "Night shift handover checklist"')
    expect(toAna[0].text).toContain('started following you')
    expect(toAna[0].text).toContain(`/posts/${post.id}`)
    expect(toAna[0].html).toContain('started following you')
    // Digest off for that type, or nothing unread: no email.
    expect(await emailsTo(payload, quiet.email)).toHaveLength(0)
    expect(await emailsTo(payload, done.email)).toHaveLength(0)
    const digests = await payload.find({ collection: 'notification-digests' as never, where: { member: { equals: ana.id } }, overrideAccess: true })
    expect(digests.docs).toHaveLength(1)
  })

  it('the next day lists only what came since the last digest', async () => {
    const [ana, ben, cleo] = await Promise.all([member(), member(), member()])
    await follow(ben, ana)
    await runDigestJob()
    expect(await emailsTo(payload, ana.email)).toHaveLength(1)
    const post = await createPost(payload, ana.id)
    await like(cleo, post.id)
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
    await Promise.all([sendDigests(payload, tomorrow), sendDigests(payload, tomorrow)])
    const emails = await emailsTo(payload, ana.email)
    expect(emails).toHaveLength(2)
    expect(emails[0].subject).toBe('1 new notification on Rounds')
    expect(emails[0].text).toContain('liked your post')
    expect(emails[0].text).not.toContain('started following you')
  })
})
