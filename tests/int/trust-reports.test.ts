/**
 * Reports and automatic moderation: members report what they can see (not their own, once while open);
 * reports weigh by the reporter's trust level, and a post or comment is hidden once enough trusted
 * members reported it, in the report's own transaction, with the author told; staff tune the rules.
 */
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { DEFAULT_TRUST_RULES, trustLevel, type TrustFacts } from '@/domain/trust/trustLevel'
import { createPost } from '../helpers/social'
import { testPayload } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
}, 60_000)

afterEach(async () => {
  await payload.updateGlobal({ slug: 'moderation-settings', data: { reports: { hideScore: 3, minReporters: 2 } } as never, overrideAccess: true })
})

const doctor = () => createUser(payload, { verificationStatus: 'verified' })
const report = (who: TestUser, targetType: string, targetId: number, reason = 'misinformation', note?: string) =>
  who.client.post('/reports', { targetType, targetId, reason, ...(note ? { note } : {}) })
const moderationOf = async (table: 'posts' | 'comments', id: number) =>
  (await query<{ moderation: string }>(payload, sql`select moderation from ${sql.identifier(table)} where id = ${id}`))[0].moderation
const reportCount = async (targetId: number) =>
  (await query<{ n: number }>(payload, sql`select count(*)::int as n from reports where target_id = ${targetId}`))[0].n

describe('trust levels', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000)
  const facts = (f: Partial<TrustFacts>): TrustFacts => ({ createdAt: days(0), emailConfirmed: true, verifiedDoctor: false, points: 0, upheldReports: 0, staff: false, ...f })

  it('grow with age, contributions and a verified licence, and fall with upheld reports', () => {
    expect(trustLevel(facts({}), DEFAULT_TRUST_RULES, now)).toBe(0)
    expect(trustLevel(facts({ createdAt: days(2) }), DEFAULT_TRUST_RULES, now)).toBe(1)
    expect(trustLevel(facts({ createdAt: days(20), points: 99 }), DEFAULT_TRUST_RULES, now)).toBe(1)
    expect(trustLevel(facts({ createdAt: days(20), points: 100 }), DEFAULT_TRUST_RULES, now)).toBe(2)
    expect(trustLevel(facts({ verifiedDoctor: true }), DEFAULT_TRUST_RULES, now)).toBe(2)
    expect(trustLevel(facts({ verifiedDoctor: true, createdAt: days(61), points: 500 }), DEFAULT_TRUST_RULES, now)).toBe(3)
    expect(trustLevel(facts({ verifiedDoctor: true, createdAt: days(61), points: 500, upheldReports: 1 }), DEFAULT_TRUST_RULES, now)).toBe(2)
    expect(trustLevel(facts({ verifiedDoctor: true, createdAt: days(400), points: 5000, upheldReports: 2 }), DEFAULT_TRUST_RULES, now)).toBe(0)
    expect(trustLevel(facts({ createdAt: days(400), emailConfirmed: false }), DEFAULT_TRUST_RULES, now)).toBe(0)
    expect(trustLevel(facts({ staff: true, upheldReports: 9 }), DEFAULT_TRUST_RULES, now)).toBe(4)
  })
})

describe('reports', () => {
  it('three verified doctors hide a post: not before the third, and its author is told', async () => {
    const author = await doctor()
    const post = await createPost(payload, author.id, { title: 'Miracle cure' })
    const [a, b, c] = await Promise.all([doctor(), doctor(), doctor()])
    expect((await report(a, 'posts', post.id, 'misinformation', 'No evidence for this')).status).toBe(201)
    expect((await report(b, 'posts', post.id)).status).toBe(201)
    expect(await moderationOf('posts', post.id)).toBe('visible')
    expect((await report(c, 'posts', post.id)).status).toBe(201)
    expect(await moderationOf('posts', post.id)).toBe('hidden')

    const reader = await doctor()
    const feed = await reader.client.get('/feed?kind=public&limit=50')
    expect(feed.body.docs.map((d: { id: number }) => d.id)).not.toContain(post.id)
    expect((await reader.client.get(`/posts/${post.id}`)).status).toBe(404)

    const { docs } = await payload.find({ collection: 'notifications', where: { recipient: { equals: author.id }, type: { equals: 'moderation' } }, overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ detail: 'hidden' })
    const actors = await query(payload, sql`select 1 from notification_actors where notification_id = ${docs[0].id}`)
    expect(actors).toHaveLength(0)
  })

  it('new accounts weigh half: three of them do not hide a post', async () => {
    const author = await doctor()
    const post = await createPost(payload, author.id)
    const fresh = await Promise.all([createUser(payload), createUser(payload), createUser(payload)])
    for (const f of fresh) expect((await report(f, 'posts', post.id, 'spam')).status).toBe(201)
    expect(await moderationOf('posts', post.id)).toBe('visible')
    const weights = await query<{ weight: string; reporter_trust: string }>(payload, sql`select weight, reporter_trust from reports where target_id = ${post.id} and target_type = 'posts'`)
    expect(weights.map((w) => [Number(w.weight), Number(w.reporter_trust)])).toEqual([[0.5, 0], [0.5, 0], [0.5, 0]])
  })

  it('hides comments too, and follows the thresholds staff set', async () => {
    const author = await doctor()
    const post = await createPost(payload, author.id)
    const commenter = await doctor()
    const created = await commenter.client.post('/comments', { post: post.id, body: 'Buy my supplements' })
    expect(created.status).toBe(201)
    const commentId = created.body.doc.id as number
    const moderator = await createUser(payload, { roles: ['moderator'] })
    const settings = await moderator.client.post('/globals/moderation-settings', { reports: { hideScore: 1, minReporters: 1 } })
    expect(settings.status).toBe(200)
    expect((await report(await doctor(), 'comments', commentId, 'undisclosed-promotion')).status).toBe(201)
    expect(await moderationOf('comments', commentId)).toBe('hidden')
    const member = await createUser(payload)
    expect((await member.client.post('/globals/moderation-settings', { reports: { hideScore: 100 } })).status).toBe(403)
  }, 60_000)

  it('one open report per member and target, even at once; reporting again after a decision', async () => {
    const author = await doctor()
    const post = await createPost(payload, author.id)
    const reporter = await doctor()
    const results = await Promise.all([1, 2, 3, 4].map(() => report(reporter, 'posts', post.id)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    for (const r of results.filter((r) => r.status !== 201)) expect([400, 409]).toContain(r.status)
    expect(await reportCount(post.id)).toBe(1)
    const again = await report(reporter, 'posts', post.id)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/already reported/)

    const moderator = await createUser(payload, { roles: ['moderator'] })
    const [open] = await query<{ id: number }>(payload, sql`select id from reports where target_id = ${post.id} and target_type = 'posts'`)
    expect((await moderator.client.patch(`/reports/${open.id}`, { status: 'dismissed', resolution: 'Accurate' })).status).toBe(200)
    const decided = await payload.findByID({ collection: 'reports', id: open.id, overrideAccess: true, depth: 0 })
    expect(decided).toMatchObject({ status: 'dismissed', resolvedBy: moderator.id })
    expect(decided.resolvedAt).toBeTruthy()
    expect((await report(reporter, 'posts', post.id)).status).toBe(201)
  })

  it('refuses bad reports with a clear 4xx and stores nothing', async () => {
    const me = await doctor()
    const mine = await createPost(payload, me.id)
    const own = await report(me, 'posts', mine.id)
    expect(own.status).toBe(400)
    expect(own.body.errors[0].message).toMatch(/your own/)
    expect((await report(me, 'users', me.id)).status).toBe(400)
    expect((await report(me, 'posts', 2147483000)).status).toBe(404)
    const other = await doctor()
    const draft = await createPost(payload, other.id, { _status: 'draft', visibility: 'members' })
    expect((await report(me, 'posts', draft.id)).status).toBe(404)
    expect((await report(me, 'posts', (await createPost(payload, other.id)).id, 'not-a-reason')).status).toBe(400)
    expect((await me.client.post('/reports', { targetType: 'rooms', targetId: 1, reason: 'spam' })).status).toBe(400)
    expect((await me.client.post('/reports', { targetType: 'posts', targetId: 'x', reason: 'spam' })).status).toBe(400)
    const anonymous = await fetchAsAnonymous({ targetType: 'posts', targetId: mine.id, reason: 'spam' })
    expect([401, 403]).toContain(anonymous)
    expect(await reportCount(mine.id)).toBe(0)
    expect(await reportCount(draft.id)).toBe(0)
  })

  it('a reporter reads their own reports, without the weights; another member reads none of them', async () => {
    const author = await doctor()
    const post = await createPost(payload, author.id)
    const [reporter, other] = await Promise.all([doctor(), doctor()])
    const created = await report(reporter, 'posts', post.id, 'harassment', 'Rude to a patient')
    const id = created.body.doc.id as number
    const mine = await reporter.client.get(`/reports/${id}`)
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({ reason: 'harassment', status: 'open', reporter: reporter.id })
    expect(mine.body.weight).toBeUndefined()
    expect(mine.body.targetAuthor).toBeUndefined()
    expect((await other.client.get(`/reports/${id}`)).status).toBe(404)
    expect((await author.client.get(`/reports?where[targetId][equals]=${post.id}`)).body.docs).toEqual([])
  })
})

async function fetchAsAnonymous(body: unknown) {
  const { RestClient } = await import('../helpers/rest')
  return (await new RestClient().post('/reports', body)).status
}
