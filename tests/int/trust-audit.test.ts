/**
 * The audit trail: append-only in the database itself, every security and administration event
 * recorded through the real REST/GraphQL flows, filterable by the admin, exported as CSV (streamed in
 * keyset batches, quoted, neutralised against formula injection, audited itself).
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { AUDIT_TYPES } from '@/domain/trust/auditTypes'
import { csvField, EXPORT_BATCH_SIZE } from '@/domain/trust/auditExport'
import { googleEnv, startOidcProvider, type OidcProvider } from '../helpers/oauthProvider'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, lastEmailTo, PASSWORD, type TestUser } from '../helpers/users'

let payload: Payload
let admin: TestUser

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, { roles: ['admin'] })
})

type Event = { id: number; type: string; user: number | null; actor: number | null; ip: string | null; userAgent: string | null; detail: any; createdAt: string }

/** The events about (or by) a member, oldest first, ids only for relationships. */
async function eventsOf(userId: number, type?: string): Promise<Event[]> {
  const rows = await query<Record<string, any>>(
    payload,
    sql`select id, type, user_id, actor_id, ip, user_agent, detail, created_at from audit_events
        where (user_id = ${userId} or actor_id = ${userId}) ${type ? sql`and type = ${type}` : sql``} order by id`,
  )
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    user: r.user_id === null ? null : Number(r.user_id),
    actor: r.actor_id === null ? null : Number(r.actor_id),
    ip: r.ip,
    userAgent: r.user_agent,
    detail: r.detail,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

const typesOf = async (userId: number) => (await eventsOf(userId)).map((e) => e.type)
const unique = () => `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`
const testType = () => `test.audit-${unique()}`

/** Appends raw rows (inserting is allowed: the trail only grows). */
async function insertEvents(type: string, count: number, extra: { user?: number; actor?: number; createdAt?: string } = {}) {
  await query(
    payload,
    sql`insert into audit_events (type, user_id, actor_id, ip, detail, created_at, updated_at)
        select ${type}, ${extra.user ?? null}::int, ${extra.actor ?? null}::int, '10.0.0.' || (g % 250), jsonb_build_object('n', g),
               coalesce(${extra.createdAt ?? null}::timestamptz, now()), now()
        from generate_series(1, ${count}) g`,
  )
}

/** RFC 4180 parser for the tests: quoted fields, doubled quotes, CRLF and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++
    } else field += c
  }
  if (field !== '' || row.length) row.push(field), rows.push(row)
  return rows
}

async function exportCsv(client: RestClient, params: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
  return client.raw('GET', `/audit-events/export.csv${qs ? `?${qs}` : ''}`)
}

/** The CSV as rows of objects keyed by the header. */
async function exportRows(params: Record<string, string | number>) {
  const res = await exportCsv(admin.client, params)
  expect(res.status).toBe(200)
  const [header, ...rows] = parseCsv(await res.text())
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])))
}

// ---------------------------------------------------------------------------------------------------

describe('the audit trail is append-only, in the database', () => {
  it("refuses UPDATE, DELETE and TRUNCATE on the app's own connection, and nothing changes", async () => {
    const type = testType()
    await insertEvents(type, 3)
    const before = await query(payload, sql`select * from audit_events where type = ${type} order by id`)
    expect(before).toHaveLength(3)
    const id = Number(before[0]!.id)

    await expect(query(payload, sql`update audit_events set type = 'auth.login', ip = '1.2.3.4' where id = ${id}`)).rejects.toThrow()
    await expect(query(payload, sql`update audit_events set user_id = null where type = ${type}`)).rejects.toThrow()
    await expect(query(payload, sql`delete from audit_events where id = ${id}`)).rejects.toThrow()
    await expect(query(payload, sql`delete from audit_events where type = ${type}`)).rejects.toThrow()
    await expect(query(payload, sql`truncate audit_events`)).rejects.toThrow()
    await expect(query(payload, sql`truncate audit_events cascade`)).rejects.toThrow()

    const error = await query(payload, sql`delete from audit_events where id = ${id}`).catch((e) => e as Error & { cause?: Error })
    expect(String((error as { cause?: Error }).cause?.message ?? (error as Error).message)).toMatch(/append-only: DELETE is not allowed/)

    expect(await query(payload, sql`select * from audit_events where type = ${type} order by id`)).toEqual(before)
    expect(Number((await query<{ n: number }>(payload, sql`select count(*)::int as n from audit_events`))[0]!.n)).toBeGreaterThan(0)
  })

  it('refuses REST and GraphQL create, update and delete, even to an admin', async () => {
    const type = testType()
    await insertEvents(type, 1)
    const [row] = await query<{ id: number }>(payload, sql`select id from audit_events where type = ${type}`)
    const id = Number(row!.id)

    expect((await admin.client.get(`/audit-events/${id}`)).status).toBe(200)
    expect((await admin.client.patch(`/audit-events/${id}`, { type: 'auth.login', ip: '6.6.6.6' })).status).toBe(403)
    expect((await admin.client.delete(`/audit-events/${id}`)).status).toBe(403)
    expect((await admin.client.delete(`/audit-events?where[id][equals]=${id}`)).status).not.toBe(200)
    expect((await admin.client.post('/audit-events', { type: 'auth.login' })).status).toBe(403)

    const update = await admin.client.graphql(`mutation { updateAuditEvent(id: ${id}, data: { ip: "6.6.6.6" }) { id } }`)
    expect(update.body.errors?.length).toBeGreaterThan(0)
    const del = await admin.client.graphql(`mutation { deleteAuditEvent(id: ${id}) { id } }`)
    expect(del.body.errors?.length).toBeGreaterThan(0)

    const [after] = await query<Record<string, unknown>>(payload, sql`select type, ip from audit_events where id = ${id}`)
    expect(after).toMatchObject({ type, ip: '10.0.0.1' })
  })

  it("deleting a member keeps their events, with their id, and records who deleted the account", async () => {
    const member = await createUser(payload) // signing in recorded auth.login
    const before = await eventsOf(member.id)
    expect(before.map((e) => e.type)).toContain('auth.login')

    const res = await admin.client.delete(`/users/${member.id}`)
    expect(res.status).toBe(200)
    expect(await payload.db.findOne({ collection: 'users', where: { id: { equals: member.id } } })).toBeNull()

    const after = await eventsOf(member.id)
    expect(after.slice(0, before.length)).toEqual(before)
    const deleted = after.find((e) => e.type === 'user.deleted')
    expect(deleted).toMatchObject({ user: member.id, actor: admin.id, detail: { roles: ['member'] } })
    // The admin list still reads the events of the deleted account.
    const list = await admin.client.get(`/audit-events?where[user][equals]=${member.id}&depth=0`)
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBe(after.filter((e) => e.user === member.id).length)
  })
})

describe('security events are recorded', () => {
  it('a password sign-in, with address and browser, and a sign-out', async () => {
    const member = await createUser(payload, { login: false })
    const client = new RestClient()
    const login = await client.post('/users/login', { email: member.email, password: PASSWORD }, { headers: { 'User-Agent': 'AuditTest/1.0 (phone)' } })
    expect(login.status).toBe(200)
    client.token = login.body.token
    const [signIn] = await eventsOf(member.id, 'auth.login')
    expect(signIn).toMatchObject({ user: member.id, actor: null, ip: client.ip, userAgent: 'AuditTest/1.0 (phone)', detail: { method: 'password' } })

    expect((await client.post('/users/logout')).status).toBe(200)
    expect(await eventsOf(member.id, 'auth.logout')).toHaveLength(1)
  })

  it('signing out other sessions from the sessions list', async () => {
    const member = await createUser(payload)
    const phone = new RestClient()
    expect((await phone.login(member.email, PASSWORD)).status).toBe(200)
    const res = await member.client.post('/users/sessions/revoke-others')
    expect(res.status).toBe(200)
    expect(await eventsOf(member.id, 'auth.other_sessions_revoked')).toEqual([expect.objectContaining({ actor: null, detail: { revoked: 1 } })])
  })

  it('a refused sign-in over REST and GraphQL: the address tried and why, never the password', async () => {
    const member = await createUser(payload, { login: false })
    const wrong = 'not the right password at all 1'
    const client = new RestClient()
    expect((await client.post('/users/login', { email: member.email.toUpperCase(), password: wrong })).status).toBe(401)
    const gql = await client.graphql(`mutation { loginUser(email: "${member.email}", password: "${wrong}") { token } }`)
    expect(gql.body.errors?.length).toBeGreaterThan(0)

    const failed = await eventsOf(member.id, 'auth.login_failed')
    expect(failed).toHaveLength(2)
    for (const e of failed) {
      expect(e).toMatchObject({ user: member.id, ip: client.ip, detail: { method: 'password', email: member.email, reason: 'invalid-credentials' } })
      expect(JSON.stringify(e)).not.toContain(wrong)
    }
    expect(await eventsOf(member.id, 'auth.login')).toHaveLength(0)

    const nobody = `nobody-${unique()}@example.test`
    expect((await client.post('/users/login', { email: nobody, password: wrong })).status).toBe(401)
    const [unknown] = await query<Record<string, any>>(payload, sql`select user_id, detail from audit_events where type = 'auth.login_failed' and detail->>'email' = ${nobody}`)
    expect(unknown).toMatchObject({ user_id: null, detail: { email: nobody, reason: 'invalid-credentials' } })
  })

  it('a locked account: the refusals say so', async () => {
    const member = await createUser(payload, { login: false })
    for (let i = 0; i < 6; i++) await new RestClient().post('/users/login', { email: member.email, password: `wrong password number ${i}` })
    const reasons = (await eventsOf(member.id, 'auth.login_failed')).map((e) => e.detail.reason)
    expect(reasons).toContain('invalid-credentials')
    expect(reasons).toContain('locked')
  })

  it('password reset requested and completed', async () => {
    const member = await createUser(payload, { login: false })
    const client = new RestClient()
    expect((await client.post('/users/forgot-password', { email: member.email })).status).toBe(200)
    const mail = await lastEmailTo(payload, member.email)
    const token = new URL(mail!.html!.match(/href="([^"]+)"/)![1]!.replace(/&amp;/g, '&')).searchParams.get('token')!
    expect((await client.post('/users/reset-password', { token, password: 'a brand new night shift 77' })).status).toBe(200)
    const events = await eventsOf(member.id)
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']))
    expect(events.find((e) => e.type === 'auth.password_reset_requested')).toMatchObject({ detail: { email: member.email }, ip: client.ip })
    expect(JSON.stringify(events)).not.toContain(token)

    const nobody = `nobody-${unique()}@example.test`
    expect((await new RestClient().post('/users/forgot-password', { email: nobody })).status).toBe(200)
    const [row] = await query(payload, sql`select user_id from audit_events where type = 'auth.password_reset_requested' and detail->>'email' = ${nobody}`)
    expect(row).toMatchObject({ user_id: null })
  })

  it('a member changes their password and their email', async () => {
    const member = await createUser(payload)
    const newEmail = `moved-${unique()}@example.test`
    expect((await member.client.patch(`/users/${member.id}`, { password: 'another long passphrase 2026' })).status).toBe(200)
    expect((await member.client.patch(`/users/${member.id}`, { email: newEmail })).status).toBe(200)
    const events = await eventsOf(member.id)
    expect(events.filter((e) => e.type === 'auth.password_changed')).toHaveLength(1)
    expect(events.find((e) => e.type === 'user.email_changed')).toMatchObject({ actor: null, detail: { from: member.email, to: newEmail } })
    // A profile edit alone records nothing.
    const count = events.length
    expect((await member.client.patch(`/users/${member.id}`, { bio: 'Night shifts, mostly.' })).status).toBe(200)
    expect(await eventsOf(member.id)).toHaveLength(count)
  })

  it('staff change roles, tier and verification status: who, what, from and to', async () => {
    const member = await createUser(payload)
    const res = await admin.client.patch(`/users/${member.id}`, { roles: ['member', 'instructor'], tier: 'premium', verificationStatus: 'verified' })
    expect(res.status).toBe(200)
    const events = await eventsOf(member.id)
    expect(events.find((e) => e.type === 'user.role_changed')).toMatchObject({
      user: member.id,
      actor: admin.id,
      detail: { from: ['member'], to: ['instructor', 'member'], added: ['instructor'], removed: [] },
    })
    expect(events.find((e) => e.type === 'user.tier_changed')).toMatchObject({ actor: admin.id, detail: { from: 'free', to: 'premium' } })
    expect(events.find((e) => e.type === 'user.verification_changed')).toMatchObject({ actor: admin.id, detail: { from: 'unverified', to: 'verified' } })

    const moderator = await createUser(payload, { roles: ['moderator'] })
    expect((await moderator.client.patch(`/users/${member.id}`, { verificationStatus: 'revoked' })).status).toBe(200)
    expect((await eventsOf(member.id, 'user.verification_changed')).at(-1)).toMatchObject({ actor: moderator.id, detail: { from: 'verified', to: 'revoked' } })

    // A member's own attempt changes nothing and so records nothing.
    const count = (await eventsOf(member.id)).length
    await member.client.patch(`/users/${member.id}`, { roles: ['admin'], tier: 'pro' })
    expect(await eventsOf(member.id)).toHaveLength(count)
  })

  it('API keys issued and revoked by an admin; a refused self-issued key records nothing', async () => {
    const integration = await createUser(payload, { login: false })
    const key = `rk_${crypto.randomUUID().replace(/-/g, '')}`
    expect((await admin.client.patch(`/users/${integration.id}`, { enableAPIKey: true, apiKey: key })).status).toBe(200)
    expect((await admin.client.patch(`/users/${integration.id}`, { enableAPIKey: false })).status).toBe(200)
    const events = await eventsOf(integration.id)
    expect(events.find((e) => e.type === 'user.api_key_created')).toMatchObject({ actor: admin.id })
    expect(events.find((e) => e.type === 'user.api_key_revoked')).toMatchObject({ actor: admin.id })
    expect(JSON.stringify(events)).not.toContain(key)

    const member = await createUser(payload)
    await member.client.patch(`/users/${member.id}`, { enableAPIKey: true, apiKey: `rk_${crypto.randomUUID().replace(/-/g, '')}` })
    expect((await typesOf(member.id)).filter((t) => t.startsWith('user.api_key'))).toEqual([])
  })

  it('signing in with an emailed code, and a wrong code', async () => {
    const email = `coded-${unique()}@example.test`
    const client = new RestClient()
    expect((await client.post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Ada Okafor' })).status).toBeLessThan(300)
    const code = (await lastEmailTo(payload, email))!.subject.match(/\b(\d{6})\b/)![1]!
    const wrong = code === '000000' ? '111111' : '000000'
    expect((await client.post('/users/verify-code', { email, code: wrong })).status).toBe(400)
    expect((await client.post('/users/verify-code', { email, code })).status).toBe(200)
    const user = (await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } }))!
    expect(await eventsOf(Number(user.id), 'auth.login')).toEqual([expect.objectContaining({ ip: client.ip, detail: { method: 'email-code' } })])
    const [failed] = await query<Record<string, any>>(payload, sql`select detail from audit_events where type = 'auth.login_failed' and detail->>'email' = ${email}`)
    expect(failed?.detail).toEqual({ method: 'email-code', email, reason: 'invalid' })
    expect(JSON.stringify(failed)).not.toContain(wrong)
  })

  describe('social sign-in', () => {
    let google: OidcProvider
    const saved: Record<string, string | undefined> = {}
    beforeAll(async () => {
      google = await startOidcProvider({ clientId: 'rounds-google-audit' })
      for (const [k, v] of Object.entries(googleEnv(google))) {
        saved[k] = process.env[k]
        process.env[k] = v
      }
    })
    afterAll(async () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
      await google?.stop()
    })

    it('records the provider', async () => {
      const identity = { sub: `g-${unique()}`, email: `social-${unique()}@example.test`, email_verified: true, name: 'Imani Adeyemi' }
      const client = new RestClient()
      const started = await client.raw('GET', '/users/oauth/google')
      expect(started.status).toBe(302)
      const flowCookie = started.headers.getSetCookie().find((c) => c.startsWith('rounds-oauth-google='))!.split(';')[0]!
      const back = await google.authorize(new URL(started.headers.get('location')!), identity)
      const done = await client.raw('GET', `/users/oauth/google/callback?${back.callback.searchParams}`, undefined, {
        headers: { Cookie: flowCookie, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
      })
      expect(done.status).toBe(200)
      const user = (await payload.db.findOne({ collection: 'users', where: { email: { equals: identity.email } } }))!
      expect(await eventsOf(Number(user.id), 'auth.login')).toEqual([
        expect.objectContaining({ ip: client.ip, detail: { method: 'social', provider: 'google' } }),
      ])
    })
  })
})

describe('the admin list', () => {
  it('every type recorded is one of the known types that the filter panel offers', async () => {
    const rows = await query<{ type: string }>(payload, sql`select distinct type from audit_events where type not like 'test.%'`)
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.map((r) => r.type).filter((t) => !(t in AUDIT_TYPES))).toEqual([])
  })

  it('lists newest first and filters by type, member and date, over REST and GraphQL', async () => {
    const config = payload.collections['audit-events'].config
    expect(config.admin.components?.beforeListTable).toEqual(['/src/components/trust/audit/AuditExport#AuditExport'])
    expect(config.defaultSort).toBe('-createdAt')
    expect(config.admin.defaultColumns).toEqual(['createdAt', 'type', 'user', 'actor', 'ip'])

    const member = await createUser(payload)
    const type = testType()
    await insertEvents(type, 2, { user: member.id, createdAt: '2021-03-01T10:00:00Z' })
    await insertEvents(type, 1, { user: member.id, createdAt: '2021-03-05T10:00:00Z' })
    const list = await admin.client.get(`/audit-events?where[type][equals]=${type}&where[user][equals]=${member.id}&depth=0`)
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(3)
    expect(list.body.docs[0].createdAt).toBe('2021-03-05T10:00:00.000Z')
    const ranged = await admin.client.get(`/audit-events?where[type][equals]=${type}&where[createdAt][less_than]=2021-03-02T00:00:00Z&depth=0`)
    expect(ranged.body.docs).toHaveLength(2)
    const gql = await admin.client.graphql(`{ AuditEvents(where: { type: { equals: "${type}" } }, sort: "-createdAt") { docs { type createdAt user { id } } } }`)
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.AuditEvents.docs.map((d: { createdAt: string }) => d.createdAt.slice(0, 10))).toEqual(['2021-03-05', '2021-03-01', '2021-03-01'])
    expect(gql.body.data.AuditEvents.docs[0].user.id).toBe(member.id)

    const moderator = await createUser(payload, { roles: ['moderator'] })
    expect((await moderator.client.get(`/audit-events?where[type][equals]=${type}`)).status).toBe(403)
  })
})

describe('CSV export', () => {
  it('is for administrators only: 401 signed out, 403 for members and moderators, 400 for bad filters', async () => {
    expect((await exportCsv(new RestClient())).status).toBe(401)
    expect((await exportCsv((await createUser(payload)).client)).status).toBe(403)
    expect((await exportCsv((await createUser(payload, { roles: ['moderator'] })).client)).status).toBe(403)
    expect((await exportCsv(admin.client, { from: 'yesterday-ish' })).status).toBe(400)
    expect((await exportCsv(admin.client, { type: 'auth.login; drop table' })).status).toBe(400)
    expect((await exportCsv(admin.client, { user: 'abc' })).status).toBe(400)
    expect((await exportCsv(admin.client, { from: '2024-02-01', to: '2024-01-01' })).status).toBe(400)
    expect((await exportCsv(admin.client, { sneaky: '1' })).status).toBe(400)
  })

  it('quotes commas, quotes and line breaks, and neutralises formulas', async () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+44 20')).toBe("'+44 20")
    expect(csvField('-2')).toBe("'-2")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\t=x')).toBe("'\t=x")
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvField(null)).toBe('')

    const member = await createUser(payload)
    const type = testType()
    const detail = { note: 'a, b "c"\nd', formula: '=cmd|calc' }
    await query(
      payload,
      sql`insert into audit_events (type, user_id, ip, user_agent, detail, created_at, updated_at)
          values (${type}, ${member.id}, '+1.2.3.4', '=HYPERLINK("http://evil.test","click")', ${JSON.stringify(detail)}::jsonb, now(), now())`,
    )
    const res = await exportCsv(admin.client, { type })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"$/)
    const text = await res.text()
    const rows = parseCsv(text)
    expect(rows[0]).toEqual(['id', 'createdAt', 'type', 'userId', 'userEmail', 'actorId', 'actorEmail', 'ip', 'userAgent', 'detail'])
    expect(rows).toHaveLength(2)
    const [, row] = rows
    expect(row![2]).toBe(type)
    expect(row![3]).toBe(String(member.id))
    expect(row![4]).toBe(member.email)
    expect(row![7]).toBe("'+1.2.3.4")
    expect(row![8]).toBe(`'=HYPERLINK("http://evil.test","click")`)
    expect(JSON.parse(row![9]!)).toEqual(detail)
    // No field of any line starts a formula.
    for (const r of rows) for (const f of r) expect(f).not.toMatch(/^[=+\-@]/)
  })

  it('filters by type, member, actor and date range (a day includes all of it)', async () => {
    const member = await createUser(payload)
    const other = await createUser(payload)
    const type = testType()
    await insertEvents(type, 1, { user: member.id, createdAt: '2022-05-01T00:00:00Z' })
    await insertEvents(type, 1, { user: member.id, actor: admin.id, createdAt: '2022-05-02T23:59:59Z' })
    await insertEvents(type, 1, { user: other.id, createdAt: '2022-05-02T12:00:00Z' })
    await insertEvents(type, 1, { user: member.id, createdAt: '2022-05-03T00:00:00Z' })

    expect(await exportRows({ type })).toHaveLength(4)
    expect((await exportRows({ type, user: member.id })).map((r) => r.createdAt)).toEqual([
      '2022-05-01T00:00:00.000Z',
      '2022-05-02T23:59:59.000Z',
      '2022-05-03T00:00:00.000Z',
    ])
    expect((await exportRows({ type, from: '2022-05-02', to: '2022-05-02' })).map((r) => r.userId)).toEqual([String(member.id), String(other.id)])
    expect((await exportRows({ type, from: '2022-05-02T12:00:00Z' })).map((r) => r.createdAt)).toEqual([
      '2022-05-02T23:59:59.000Z',
      '2022-05-02T12:00:00.000Z',
      '2022-05-03T00:00:00.000Z',
    ])
    expect(await exportRows({ type, actor: admin.id })).toEqual([expect.objectContaining({ actorId: String(admin.id), actorEmail: admin.email })])
    expect(await exportRows({ type, user: member.id, to: '2022-04-30' })).toEqual([])
  })

  it('streams more than one batch, in order, without repeating or dropping a row', async () => {
    const type = testType()
    const total = EXPORT_BATCH_SIZE * 2 + 7
    await insertEvents(type, total, { createdAt: '2023-01-01T00:00:00Z' }) // all at the same instant
    const res = await exportCsv(admin.client, { type })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    let chunks = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks++
      text += decoder.decode(value, { stream: true })
    }
    // The header, then one chunk per batch.
    expect(chunks).toBe(1 + Math.ceil(total / EXPORT_BATCH_SIZE))
    const [, ...rows] = parseCsv(text)
    expect(rows).toHaveLength(total)
    const ids = rows.map((r) => Number(r[0]))
    expect(new Set(ids).size).toBe(total)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(rows.map((r) => JSON.parse(r[9]!).n).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
  })

  it('is itself recorded, with the filters used', async () => {
    const type = testType()
    const res = await exportCsv(admin.client, { type, from: '2020-01-01' })
    expect(res.status).toBe(200)
    await res.text()
    const [event] = await query<Record<string, any>>(
      payload,
      sql`select user_id, actor_id, ip, detail from audit_events where type = 'admin.export' and detail->'filters'->>'type' = ${type}`,
    )
    expect(event).toMatchObject({ user_id: null, actor_id: admin.id, ip: admin.client.ip, detail: { export: 'audit-events', filters: { type, from: '2020-01-01' } } })
    // A refused export is not an export.
    await exportCsv((await createUser(payload)).client, { type: `${type}-refused` })
    expect(await query(payload, sql`select id from audit_events where type = 'admin.export' and detail->'filters'->>'type' = ${`${type}-refused`}`)).toEqual([])
  })
})
