/**
 * Engagement: points for contributions (through the same REST calls members make), paid once per
 * contribution even under concurrency, capped per day, taken back on unlike and moderation; levels;
 * the daily login streak whatever the way of signing in (password, email code, social provider).
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { levelFor, POINT_RULES } from '@/domain/engagement/scoring'
import { startApiProvider, type ApiProvider } from '../helpers/oauthProvider'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createPost, createRoom, lexical } from '../helpers/social'
import { createUser, lastEmailTo, type TestUser } from '../helpers/users'

let payload: Payload
let github: ApiProvider
const saved: Record<string, string | undefined> = {}

beforeAll(async () => {
  payload = await testPayload()
  github = await startApiProvider('github')
  for (const [k, v] of Object.entries({ GITHUB_CLIENT_ID: github.clientId, GITHUB_CLIENT_SECRET: github.clientSecret, GITHUB_BASE_URL: github.base, GITHUB_API_URL: github.base })) {
    saved[k] = process.env[k]
    process.env[k] = v
  }
}, 60_000)

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  await github?.stop()
})

async function standing(id: number) {
  const [row] = await query<{ points: string; level: string; login_streak: string }>(payload, sql`select points, level, login_streak from users where id = ${id}`)
  return { points: Number(row.points), level: Number(row.level), streak: Number(row.login_streak) }
}
const pointsOf = async (id: number) => (await standing(id)).points

/** The change of a member's points over `work`. */
async function gained(id: number, work: () => Promise<unknown>) {
  const before = await pointsOf(id)
  await work()
  return (await pointsOf(id)) - before
}

const publish = async (member: TestUser, data: Record<string, unknown> = {}) => {
  const res = await member.client.post('/posts', { kind: 'text', body: lexical(`Case ${Math.random()}`), visibility: 'public', _status: 'published', ...data })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number }
}
const comment = async (member: TestUser, post: number, text = 'Useful, thank you') => {
  const res = await member.client.post('/comments', { post, body: text })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number }
}
const like = (member: TestUser, post: number, kind = 'like') => member.client.put(`/posts/${post}/reaction`, { kind })
const unlike = (member: TestUser, post: number) => member.client.delete(`/posts/${post}/reaction`)
/** `n` fresh members, a few at a time (each sign-up holds a pooled connection while it hashes). */
async function members(n: number) {
  const made: TestUser[] = []
  while (made.length < n) made.push(...(await Promise.all(Array.from({ length: Math.min(5, n - made.length) }, () => createUser(payload)))))
  return made
}

describe('points for contributions', () => {
  it('pays posts, reposts, comments, likes received and new followers once each, and nothing for acting on your own content', async () => {
    const [author, fan] = await members(2)
    let post = 0
    expect(await gained(author.id, async () => (post = (await publish(author)).id))).toBe(5)
    // Unpublished and published again: the event comes twice, the points once.
    expect(
      await gained(author.id, async () => {
        expect((await author.client.patch(`/posts/${post}`, { _status: 'draft' })).status).toBe(200)
        expect((await author.client.patch(`/posts/${post}`, { _status: 'published' })).status).toBe(200)
      }),
    ).toBe(0)

    expect(await gained(fan.id, () => comment(fan, post))).toBe(2)
    expect(await gained(author.id, () => comment(author, post, 'My own thread'))).toBe(0)

    expect(await gained(author.id, () => like(fan, post))).toBe(1)
    expect(await gained(author.id, () => like(fan, post))).toBe(0)
    const own = await publish(fan)
    expect(await gained(fan.id, () => like(fan, own.id))).toBe(0)

    const fanComment = await comment(fan, post, 'A second thought')
    expect(await gained(fan.id, () => author.client.put(`/comments/${fanComment.id}/reaction`, { kind: 'like' }))).toBe(1)

    expect(await gained(author.id, () => fan.client.put(`/users/${author.id}/follow`))).toBe(2)
    expect(
      await gained(author.id, async () => {
        await fan.client.delete(`/users/${author.id}/follow`)
        await fan.client.put(`/users/${author.id}/follow`)
      }),
    ).toBe(0)

    expect(await gained(fan.id, () => publish(fan, { kind: 'repost', repostOf: post, body: undefined }))).toBe(1)
    expect(await gained(author.id, () => publish(author, { kind: 'repost', repostOf: post, body: undefined }))).toBe(0)
  })

  it('a member reads their own ledger, which adds up to their points; nobody writes it through the API', async () => {
    const [author, fan] = await members(2)
    const post = await publish(author)
    await like(fan, post.id)
    const mine = await author.client.get('/point-events?limit=50&depth=0')
    expect(mine.status).toBe(200)
    const reasons = mine.body.docs.map((d: { reason: string }) => d.reason).sort()
    expect(reasons).toEqual(['login', 'post', 'reaction'])
    const counted = mine.body.docs.filter((d: { active: boolean; withheld: boolean }) => d.active && !d.withheld)
    expect(counted.reduce((sum: number, d: { points: number }) => sum + d.points, 0)).toBe(await pointsOf(author.id))
    const theirs = await fan.client.get(`/point-events?where[member][equals]=${author.id}`)
    expect(theirs.body.docs).toEqual([])
    expect((await fan.client.get(`/point-events/${mine.body.docs[0].id}`)).status).toBe(404)
    expect((await author.client.post('/point-events', { member: author.id, reason: 'post', source: 'x', points: 500 })).status).toBe(403)
    expect((await author.client.patch(`/point-events/${mine.body.docs[0].id}`, { points: 500 })).status).toBe(403)
    expect((await author.client.patch(`/users/${author.id}`, { points: 9999, level: 9 })).status).toBe(200)
    expect((await standing(author.id)).points).toBeLessThan(100)
  })
})

describe('reversals', () => {
  it('an unlike takes back the point once; liking again gives it back once', async () => {
    const [author, fan] = await members(2)
    const post = await publish(author)
    expect(await gained(author.id, () => like(fan, post.id))).toBe(1)
    expect(await gained(author.id, () => unlike(fan, post.id))).toBe(-1)
    expect(await gained(author.id, () => unlike(fan, post.id))).toBe(0)
    expect(await gained(author.id, () => like(fan, post.id))).toBe(1)
    // Many at once: whatever the interleaving, the points follow the reaction that stands.
    await Promise.all([unlike(fan, post.id), like(fan, post.id), unlike(fan, post.id), like(fan, post.id), unlike(fan, post.id)])
    const stands = (await query(payload, sql`select 1 from reactions where user_id = ${fan.id} and post_id = ${post.id}`)).length
    const [row] = await query<{ n: string }>(payload, sql`select count(*) as n from point_events where member_id = ${author.id} and reason = 'reaction' and active`)
    expect(Number(row.n)).toBe(stands)
  })

  it('a downvote takes back a paid upvote; a downvote pays nothing', async () => {
    const [author, voter] = await members(2)
    const room = await createRoom(payload, { voting: true, visibility: 'public' })
    const post = await createPost(payload, author.id, { room: room.id })
    expect(await gained(author.id, () => like(voter, post.id, 'up'))).toBe(1)
    expect(await gained(author.id, () => like(voter, post.id, 'down'))).toBe(-1)
    expect(await gained(author.id, () => like(voter, post.id, 'up'))).toBe(1)
  })

  it('a post hidden or removed by staff takes back what it earned its author, and restoring gives it back, once each', async () => {
    const [author, moderator, ...fans] = await Promise.all([createUser(payload), createUser(payload, { roles: ['moderator'] }), ...Array.from({ length: 3 }, () => createUser(payload))])
    const post = await publish(author)
    await Promise.all(fans.map((f) => like(f, post.id)))
    const moderate = (moderation: string) => moderator.client.patch(`/posts/${post.id}`, { moderation })
    expect(await gained(author.id, () => moderate('hidden'))).toBe(-8)
    expect(await gained(author.id, () => moderate('removed'))).toBe(0)
    expect(await gained(author.id, () => moderate('visible'))).toBe(8)
    expect(await gained(author.id, () => moderate('visible'))).toBe(0)
    // A like already taken back is not taken back (or given back) a second time with the post.
    expect(await gained(author.id, () => unlike(fans[0], post.id))).toBe(-1)
    expect(await gained(author.id, () => moderate('hidden'))).toBe(-7)
    expect(await gained(author.id, () => moderate('visible'))).toBe(7)
  })
})

describe('concurrency and caps', () => {
  it('never pays twice when the same contribution arrives many times at once', async () => {
    const [author, fan] = await members(2)
    const post = await publish(author)
    expect(await gained(author.id, () => Promise.all(Array.from({ length: 8 }, () => like(fan, post.id))))).toBe(1)
    expect(await gained(author.id, () => Promise.all(Array.from({ length: 6 }, () => fan.client.put(`/users/${author.id}/follow`))))).toBe(2)
    const fans = await members(10)
    expect(await gained(author.id, () => Promise.all(fans.flatMap((f) => [like(f, post.id), like(f, post.id)])))).toBe(10)
  })

  it('reactions received pay at most the daily cap, even when they all arrive at once', async () => {
    const cap = POINT_RULES.reaction.dailyCap
    const author = await createUser(payload)
    const post = await publish(author)
    const fans = await members(cap + 5)
    expect(await gained(author.id, () => Promise.all(fans.map((f) => like(f, post.id))))).toBe(cap)
    // The capped ones are recorded with 0 points, so taking them back takes nothing back.
    const [row] = await query<{ n: string }>(payload, sql`select count(*) as n from point_events where member_id = ${author.id} and reason = 'reaction' and points = 0`)
    expect(Number(row.n)).toBe(5)
  }, 60_000)

  it('comments pay at most their daily cap', async () => {
    const { points, dailyCap } = POINT_RULES.comment
    const [author, talker] = await members(2)
    const post = await publish(author)
    const paid = await gained(talker.id, async () => {
      for (let i = 0; i < dailyCap / points + 2; i++) await comment(talker, post.id, `Point ${i}`)
    })
    expect(paid).toBe(dailyCap)
  })
})

describe('levels', () => {
  it('follow a curve with names for doctors', () => {
    expect(levelFor(0)).toMatchObject({ level: 1, name: 'Student', progress: 0, next: { level: 2, name: 'Intern', min: 50 } })
    expect(levelFor(49).level).toBe(1)
    expect(levelFor(50)).toMatchObject({ level: 2, name: 'Intern' })
    expect(levelFor(100)).toMatchObject({ level: 2, progress: 50 })
    expect(levelFor(150).name).toBe('Resident')
    expect(levelFor(10_000)).toMatchObject({ level: 9, name: 'Emeritus', next: null, progress: 100 })
  })

  it('the stored level moves with the points, and GET /api/users/:id/engagement shows it', async () => {
    const [author, fan] = await members(2)
    await query(payload, sql`update users set points = 48, level = 1 where id = ${author.id}`)
    await fan.client.put(`/users/${author.id}/follow`)
    expect(await standing(author.id)).toMatchObject({ points: 50, level: 2 })
    const res = await new RestClient().get(`/users/${author.id}/engagement`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ userId: author.id, points: 50, level: 2, name: 'Intern', progress: 0, next: { level: 3, name: 'Resident', min: 150 }, loginStreak: 1 })
    expect((await new RestClient().get('/users/abc/engagement')).status).toBe(400)
    expect((await new RestClient().get('/users/99999999/engagement')).status).toBe(404)
  })
})

describe('the daily login streak, whatever the way of signing in', () => {
  const DAY = 24 * 60 * 60 * 1000
  const lastSignIn = (id: number, daysAgo: number, streak: number) =>
    query(payload, sql`update users set last_login_at = ${new Date(Date.now() - daysAgo * DAY).toISOString()}, login_streak = ${streak} where id = ${id}`)

  it('password: the next day adds one, and the 7th day pays the bonus; a second sign-in the same day changes nothing', async () => {
    const member = await createUser(payload, { login: false })
    await lastSignIn(member.id, 1, 6)
    const client = new RestClient()
    const paid = await gained(member.id, async () => expect((await client.login(member.email, member.password)).status).toBe(200))
    expect(paid).toBe(POINT_RULES.login.points + POINT_RULES.streak7.points)
    expect((await standing(member.id)).streak).toBe(7)
    expect(await gained(member.id, () => new RestClient().login(member.email, member.password))).toBe(0)
    expect((await standing(member.id)).streak).toBe(7)
  })

  it('password: a missed day starts again at 1', async () => {
    const member = await createUser(payload, { login: false })
    await lastSignIn(member.id, 3, 12)
    await new RestClient().login(member.email, member.password)
    expect((await standing(member.id)).streak).toBe(1)
  })

  it('email code: confirming the address signs in and counts for the streak', async () => {
    const client = new RestClient()
    const email = `streak-${Date.now()}-${crypto.randomBytes(3).toString('hex')}@example.test`
    expect((await client.post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Streak Code' })).status).toBe(202)
    const user = (await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })) as { id: number }
    await lastSignIn(user.id, 1, 29)
    const code = (await lastEmailTo(payload, email))!.subject.match(/\b(\d{6})\b/)![1]
    const paid = await gained(user.id, async () => expect((await client.post('/users/verify-code', { email, code })).status).toBe(200))
    expect((await standing(user.id)).streak).toBe(30)
    expect(paid).toBe(POINT_RULES.login.points + POINT_RULES.streak30.points)
  })

  it('social provider: signing in with GitHub counts for the streak', async () => {
    const identity = { id: Math.floor(Math.random() * 1e9), login: `streak-${Date.now()}`, name: 'Dr Streak Social', email: `gh-${Date.now()}@example.test` }
    const first = await githubSignIn(identity)
    expect(first).toBe(200)
    const user = (await payload.db.findOne({ collection: 'users', where: { email: { equals: identity.email } } })) as { id: number }
    expect((await standing(user.id)).streak).toBe(1)
    await lastSignIn(user.id, 1, 3)
    const paid = await gained(user.id, async () => expect(await githubSignIn(identity)).toBe(200))
    expect((await standing(user.id)).streak).toBe(4)
    // Today's sign-in point was paid by the first sign-in: one per day.
    expect(paid).toBe(0)
  })
})

/** The browser's part of a GitHub sign-in: start, GitHub's page, the callback with the flow cookie. */
async function githubSignIn(identity: { id: number; login: string; name: string; email: string }) {
  const client = new RestClient()
  const started = await client.raw('GET', '/users/oauth/github')
  expect(started.status).toBe(302)
  const flowCookie = started.headers.getSetCookie().find((c) => c.startsWith('rounds-oauth-github='))!.split(';')[0]!
  const back = await github.authorize(new URL(started.headers.get('location')!), identity)
  const res = await client.raw('GET', `/users/oauth/github/callback?${back.callback.searchParams}`, undefined, {
    headers: { Cookie: flowCookie, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
  })
  await res.text()
  return res.status
}
