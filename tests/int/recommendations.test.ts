/**
 * Recommendations: the refresh job's people (friends of friends, specialty) and posts (co-engagement,
 * specialty, only readable ones), the member's endpoints (list, dismiss), and profile suggestions with
 * the optional model tip against a local server that speaks the chat completions protocol.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { REFRESH_TASK } from '@/domain/recommendations/refresh'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let cardiology: number
let nephrology: number
const stamp = Date.now().toString(36)

beforeAll(async () => {
  payload = await testPayload()
  const make = async (name: string) =>
    ((await payload.create({ collection: 'specialties', data: { name: `${name} ${stamp}`, slug: `${name.toLowerCase()}-${stamp}` } as never, overrideAccess: true })) as { id: number }).id
  cardiology = await make('Cardiology')
  nephrology = await make('Nephrology')
})

async function members(n: number, opts: Parameters<typeof createUser>[1] = {}) {
  const made: TestUser[] = []
  while (made.length < n) made.push(...(await Promise.all(Array.from({ length: Math.min(5, n - made.length) }, () => createUser(payload, opts)))))
  return made
}
const setProfile = (id: number, data: Record<string, unknown>) => payload.update({ collection: 'users', id, data: data as never, overrideAccess: true })
const follow = (a: TestUser, b: TestUser) => a.client.put(`/users/${b.id}/follow`)

/** Runs the refresh task through the Jobs Queue (whichever runner picks it up) and waits for it to finish. */
async function runRefresh(member?: number) {
  const job = (await payload.jobs.queue({ task: REFRESH_TASK as never, input: (member ? { member } : {}) as never })) as unknown as { id: number }
  await payload.jobs.runByID({ id: job.id, silent: true })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const [row] = await query<{ done: boolean; failed: boolean }>(
      payload,
      sql`select (completed_at is not null) as done, coalesce(has_error, false) as failed from payload_jobs where id = ${job.id}`,
    )
    if (!row || (row.done && !row.failed)) return
    if (row.done) throw new Error('The refresh job failed')
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('The refresh job did not finish')
}

type Suggestion = { id: number; score: number; reasons: string[]; target: { id: number; name?: string; author?: { id: number } | null } }
async function suggested(member: TestUser, kind: 'person' | 'post', limit = 50): Promise<Suggestion[]> {
  const res = await member.client.get(`/recommendations?kind=${kind}&limit=${limit}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.docs
}
const byTarget = (docs: Suggestion[]) => new Map(docs.map((d) => [d.target.id, d]))

describe('people you may know', () => {
  let me: TestUser
  let people: Record<string, TestUser>

  beforeAll(async () => {
    const [m, a, b, c, d, e, f, blocked, blocker, unrelated] = await members(10)
    me = m
    people = { a, b, c, d, e, f, blocked, blocker, unrelated }
    await setProfile(me.id, { specialty: cardiology, contact: { location: 'Leeds, United Kingdom', locationVisibility: 'public' } })
    await setProfile(e.id, { specialty: cardiology })
    await setProfile(f.id, { specialty: cardiology, contact: { location: 'York, United Kingdom', locationVisibility: 'members' } })
    await setProfile(unrelated.id, { specialty: nephrology })
    // I follow a and b; both follow c; a follows d and f; b follows a; blocked and blocker are followed by a and b.
    for (const [x, y] of [[me, a], [me, b], [a, c], [b, c], [a, d], [a, f], [b, a], [a, blocked], [b, blocked], [a, blocker]] as const) {
      expect((await follow(x, y)).status).toBe(200)
    }
    await me.client.put(`/users/${blocked.id}/block`)
    await blocker.client.put(`/users/${me.id}/block`)
    await runRefresh(me.id)
  }, 120_000)

  it('come from friends of friends and shared specialty, best first, with reasons and a 0..1 confidence', async () => {
    const docs = await suggested(me, 'person')
    const got = byTarget(docs)
    const { c, d, e, f } = people
    for (const p of [c, d, e, f]) expect(got.has(p.id), `member ${p.id}`).toBe(true)
    for (const doc of docs) {
      expect(doc.score).toBeGreaterThan(0)
      expect(doc.score).toBeLessThanOrEqual(1)
    }
    expect(got.get(c.id)!.reasons).toContain('Followed by 2 people you follow')
    expect(got.get(d.id)!.reasons).toEqual(['Followed by someone you follow'])
    expect(got.get(e.id)!.reasons).toEqual([`Same specialty: Cardiology ${stamp}`])
    expect(got.get(f.id)!.reasons).toEqual(['Followed by someone you follow', `Same specialty: Cardiology ${stamp}`, 'Also in United Kingdom'])
    // Two mutual follows beat one; a mutual follow beats a shared specialty alone; both beat either.
    expect(got.get(c.id)!.score).toBeGreaterThan(got.get(d.id)!.score)
    expect(got.get(d.id)!.score).toBeGreaterThan(got.get(e.id)!.score)
    expect(got.get(f.id)!.score).toBeGreaterThan(got.get(c.id)!.score)
    expect(docs.map((x) => x.score)).toEqual([...docs.map((x) => x.score)].sort((x, y) => y - x))
    expect(got.get(c.id)!.target).toMatchObject({ id: c.id, name: expect.any(String) })
  })

  it('never suggest yourself, people you follow, or anyone in a block with you either way', async () => {
    const got = byTarget(await suggested(me, 'person'))
    for (const id of [me.id, people.a.id, people.b.id, people.blocked.id, people.blocker.id, people.unrelated.id]) expect(got.has(id), `member ${id}`).toBe(false)
    const [row] = await query<{ n: string }>(
      payload,
      sql`select count(*) as n from recommendations where member_id = ${me.id} and kind = 'person'
          and target_id in (${me.id}, ${people.a.id}, ${people.b.id}, ${people.blocked.id}, ${people.blocker.id})`,
    )
    expect(Number(row.n)).toBe(0)
  })

  it('someone followed since the refresh drops out at once; a dismissed one never comes back', async () => {
    const { c, d } = people
    await follow(me, c)
    expect(byTarget(await suggested(me, 'person')).has(c.id)).toBe(false)
    await me.client.delete(`/users/${c.id}/follow`)

    const target = byTarget(await suggested(me, 'person')).get(d.id)!
    const res = await me.client.post(`/recommendations/${target.id}/dismiss`)
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ id: target.id, kind: 'person', targetId: d.id })
    expect((await me.client.post(`/recommendations/${target.id}/dismiss`)).status).toBe(200)
    expect(byTarget(await suggested(me, 'person')).has(d.id)).toBe(false)
    await runRefresh(me.id)
    expect(byTarget(await suggested(me, 'person')).has(d.id)).toBe(false)
  }, 60_000)

  it('a new follow refreshes the follower\'s suggestions by itself (a queued job)', async () => {
    const [g, h] = await members(2)
    await follow(g, h)
    await follow(me, g)
    // The follow queued a refresh of my suggestions (due a few seconds later); run what is due rather than wait for a tick.
    const deadline = Date.now() + 25_000
    while (Date.now() < deadline && !byTarget(await suggested(me, 'person')).has(h.id)) {
      await payload.jobs.run({ queue: 'default', where: { taskSlug: { equals: REFRESH_TASK } }, silent: true })
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(byTarget(await suggested(me, 'person')).get(h.id)?.reasons).toContain('Followed by someone you follow')
  }, 40_000)

  it('the list with its cards costs at most 4 SQL statements', async () => {
    const { count, texts } = await countStatements(() => me.client.get('/recommendations?kind=person&limit=20'))
    expect(count, texts.join('\n')).toBeLessThanOrEqual(4)
  })
})

describe('suggested posts', () => {
  it('come from co-engagement and specialty, only posts the member may read, not their own or already reacted to', async () => {
    const [me, peer2, authorX, authorY, blocker] = await members(5)
    // peer1 may read (and like) the post for verified doctors only; the member may not, until verified.
    const [peer1] = await members(1, { verificationStatus: 'verified' })
    await setProfile(me.id, { specialty: nephrology })
    const p1 = await createPost(payload, authorX.id)
    const p2 = await createPost(payload, authorX.id)
    const p3 = await createPost(payload, authorY.id)
    const p4 = await createPost(payload, authorY.id)
    const verifiedOnly = await createPost(payload, authorY.id, { visibility: 'verified' })
    const byBlocker = await createPost(payload, blocker.id)
    const mine = await createPost(payload, me.id)
    const inSpecialty = await createPost(payload, authorX.id, { specialties: [nephrology] })
    const like = (m: TestUser, p: { id: number }) => m.client.put(`/posts/${p.id}/reaction`, { kind: 'like' })
    for (const p of [p1, p2]) await like(me, p)
    for (const p of [p1, p2, p3, verifiedOnly, byBlocker, mine]) await like(peer1, p)
    for (const p of [p1, p4]) await like(peer2, p)
    await blocker.client.put(`/users/${me.id}/block`)
    await runRefresh(me.id)

    const docs = await suggested(me, 'post')
    const got = byTarget(docs)
    expect(got.get(p3.id)?.reasons).toContain('Liked by a member who likes what you like')
    expect(got.has(p4.id)).toBe(true)
    // peer1 shares two liked posts with me, peer2 one: what peer1 likes ranks higher.
    expect(got.get(p3.id)!.score).toBeGreaterThan(got.get(p4.id)!.score)
    expect(got.get(inSpecialty.id)?.reasons).toContain(`In your specialty: Nephrology ${stamp}`)
    expect(got.get(p3.id)!.target.author?.id).toBe(authorY.id)
    for (const p of [p1, p2, verifiedOnly, byBlocker, mine]) expect(got.has(p.id), `post ${p.id}`).toBe(false)
    for (const doc of docs) expect(doc.score).toBeGreaterThan(0)

    // A post hidden by staff since the refresh is not shown; a verified doctor would be offered the verified-only post.
    await payload.update({ collection: 'posts', id: p4.id, data: { moderation: 'hidden' } as never, overrideAccess: true })
    expect(byTarget(await suggested(me, 'post')).has(p4.id)).toBe(false)
    await setProfile(me.id, { verificationStatus: 'verified' })
    await runRefresh(me.id)
    const client = new RestClient()
    await client.login(me.email, me.password)
    expect(byTarget(await suggested({ ...me, client }, 'post')).has(verifiedOnly.id)).toBe(true)
  }, 60_000)
})

describe('the endpoints', () => {
  it('answer bad input with a clear 4xx', async () => {
    const [me, other] = await members(2)
    expect((await me.client.get('/recommendations?kind=banana')).status).toBe(400)
    // (limit=0 or a non-number is refused for every request by the API limits before this endpoint.)
    expect((await me.client.get('/recommendations?kind=person&limit=51')).status).toBe(400)
    expect((await new RestClient().get('/recommendations?kind=person')).status).toBe(401)
    const courses = await me.client.get('/recommendations?kind=course')
    expect(courses.status).toBe(200)
    expect(courses.body.docs).toEqual([])
    expect((await me.client.post('/recommendations/abc/dismiss')).status).toBe(400)
    expect((await me.client.post('/recommendations/99999999999/dismiss')).status).toBe(400)
    expect((await me.client.post('/recommendations/99999999/dismiss')).status).toBe(404)
    expect((await new RestClient().post('/recommendations/1/dismiss')).status).toBe(401)
    // Someone else's suggestion cannot be dismissed, or seen.
    const row = (await payload.create({
      collection: 'recommendations' as never,
      data: { member: other.id, kind: 'person', targetId: me.id, score: 0.4, reasons: [] } as never,
      overrideAccess: true,
    })) as unknown as { id: number }
    expect((await me.client.post(`/recommendations/${row.id}/dismiss`)).status).toBe(404)
    expect((await me.client.get(`/recommendations/${row.id}`)).status).toBe(404)
    // Without `kind`, the collection's usual list: the member's own rows only.
    const list = await other.client.get('/recommendations?depth=0')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { id: number }) => d.id)).toContain(row.id)
    expect((await me.client.get('/recommendations?depth=0')).body.docs.map((d: { id: number }) => d.id)).not.toContain(row.id)
  })

  it('the scheduled task refreshes everyone in batches; its bookkeeping is not open to members', async () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === REFRESH_TASK)
    expect(task?.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+ \S+$/)
    const [a, b] = await members(2)
    await setProfile(a.id, { specialty: nephrology })
    await setProfile(b.id, { specialty: nephrology })
    await runRefresh()
    expect(byTarget(await suggested(a, 'person')).has(b.id)).toBe(true)
    expect(byTarget(await suggested(b, 'person')).has(a.id)).toBe(true)
    expect((await a.client.get('/globals/payload-jobs-stats')).status).toBe(403)
    expect((await a.client.post('/globals/payload-jobs-stats', { stats: {} })).status).toBe(403)
  }, 120_000)
})

describe('profile suggestions', () => {
  it('measure completeness and list what to add next, most useful first, with links to /profile', async () => {
    const me = await createUser(payload)
    const fresh = await me.client.get('/users/me/suggestions')
    expect(fresh.status).toBe(200)
    expect(fresh.body.percent).toBe(0)
    expect(fresh.body.tip).toBeNull()
    expect(fresh.body.suggestions[0]).toMatchObject({ key: 'photo', href: '/profile#avatar-file' })
    expect(fresh.body.suggestions.every((s: { href: string }) => s.href.startsWith('/profile'))).toBe(true)
    await me.client.patch(`/users/${me.id}`, { bio: 'Consultant nephrologist running a home dialysis programme; interested in teaching and in quality improvement.', specialty: nephrology })
    const after = await me.client.get('/users/me/suggestions')
    expect(after.body.percent).toBe(30)
    expect(after.body.suggestions.map((s: { key: string }) => s.key)).not.toContain('bio')
    expect(after.body.suggestions.map((s: { key: string }) => s.key)).not.toContain('specialty')
    expect((await new RestClient().get('/users/me/suggestions')).status).toBe(401)
  })

  describe('with an OpenAI-compatible model configured', () => {
    type Served = { url: string; requests: { auth?: string; body: any }[]; close: () => Promise<void> }
    const envKeys = ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL', 'OPENAI_TIMEOUT_MS']
    const saved: Record<string, string | undefined> = {}

    /** A loopback server speaking the chat completions protocol (answer 'ok', 'error' or 'slow'). */
    async function modelServer(mode: 'ok' | 'error' | 'slow'): Promise<Served> {
      const requests: Served['requests'] = []
      const server = http.createServer((req, res) => {
        let raw = ''
        req.on('data', (c) => (raw += c))
        req.on('end', () => {
          requests.push({ auth: req.headers.authorization, body: JSON.parse(raw || '{}') })
          if (req.url !== '/v1/chat/completions' || req.method !== 'POST') return res.writeHead(404).end()
          if (mode === 'error') return res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":{"message":"overloaded"}}')
          const answer = () =>
            res.writeHead(200, { 'Content-Type': 'application/json' }).end(
              JSON.stringify({
                id: 'chatcmpl-1',
                object: 'chat.completion',
                model: 'test-model',
                choices: [{ index: 0, message: { role: 'assistant', content: '  Add a photo and mention your dialysis work\nin your title.  ' }, finish_reason: 'stop' }],
              }),
            )
          if (mode === 'slow') setTimeout(answer, 2000)
          else answer()
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      return { url: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise((r) => server.close(() => r())) }
    }

    beforeAll(() => {
      for (const k of envKeys) saved[k] = process.env[k]
    })
    afterAll(() => {
      for (const k of envKeys) {
        if (saved[k] === undefined) delete process.env[k]
        else process.env[k] = saved[k]
      }
    })

    it('adds the model\'s tip, sending public profile content only', async () => {
      const served = await modelServer('ok')
      Object.assign(process.env, { OPENAI_BASE_URL: served.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test-model', OPENAI_TIMEOUT_MS: '3000' })
      try {
        const me = await createUser(payload)
        const secrets = { phone: '+44 7700 900123', publicEmail: `private-${stamp}@example.test`, location: 'Sheffield, United Kingdom' }
        await me.client.patch(`/users/${me.id}`, {
          bio: 'Nephrologist with an interest in home dialysis.',
          licence: { number: `GMC${stamp}`, jurisdiction: 'GMC (UK)' },
          contact: { ...secrets, phoneVisibility: 'private', publicEmailVisibility: 'private', locationVisibility: 'private' },
        })
        const res = await me.client.get('/users/me/suggestions')
        expect(res.status).toBe(200)
        expect(res.body.tip).toEqual({ text: 'Add a photo and mention your dialysis work in your title.', source: 'model' })
        expect(served.requests).toHaveLength(1)
        const { auth, body } = served.requests[0]
        expect(auth).toBe('Bearer test-key')
        expect(body.model).toBe('test-model')
        expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user'])
        const sent = JSON.stringify(body)
        expect(sent).toContain('home dialysis')
        for (const value of [me.email, secrets.phone, secrets.publicEmail, secrets.location, `GMC${stamp}`]) expect(sent).not.toContain(value)
        // Remembered: the next view does not ask again.
        await me.client.get('/users/me/suggestions')
        expect(served.requests).toHaveLength(1)
      } finally {
        await served.close()
      }
    })

    it('falls back to the local suggestions when the model fails or is too slow', async () => {
      for (const mode of ['error', 'slow'] as const) {
        const served = await modelServer(mode)
        Object.assign(process.env, { OPENAI_BASE_URL: served.url, OPENAI_TIMEOUT_MS: '300' })
        try {
          const me = await createUser(payload)
          const started = Date.now()
          const res = await me.client.get('/users/me/suggestions')
          expect(res.status).toBe(200)
          expect(res.body.tip).toBeNull()
          expect(res.body.suggestions.length).toBeGreaterThan(0)
          expect(Date.now() - started).toBeLessThan(1500)
          expect(served.requests).toHaveLength(1)
        } finally {
          await served.close()
        }
      }
      process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1' // nothing listens there
      const me = await createUser(payload)
      expect((await me.client.get('/users/me/suggestions')).body.tip).toBeNull()
    })
  })
})
