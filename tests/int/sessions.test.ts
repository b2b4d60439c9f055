import { decodeJwt } from 'jose'
import { JWTAuthentication, type Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { countSql } from '@/db/sqlCounter'
import { lastSeenInterval, setLastSeenInterval } from '@/domain/identity/sessions/activity'
import { sessionActivityStrategy } from '@/domain/identity/sessions/strategy'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, lastEmailTo, PASSWORD, storedUser, type TestUser } from '../helpers/users'

let payload: Payload
const DEFAULT_INTERVAL = lastSeenInterval()
beforeAll(async () => {
  payload = await testPayload()
})
afterEach(() => setLastSeenInterval(DEFAULT_INTERVAL))

const UA = {
  windowsChrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  macFirefox: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
}

type Session = {
  id: string
  current: boolean
  device: string
  userAgent: string | null
  ip: string | null
  createdAt: string
  lastSeenAt: string | null
  expiresAt: string
}

/** A client signed in as `user` through REST login from a browser with the given User-Agent. */
async function signIn(user: TestUser, userAgent: string) {
  const client = new RestClient()
  const res = await client.post('/users/login', { email: user.email, password: PASSWORD }, { headers: { 'User-Agent': userAgent } })
  expect(res.status).toBe(200)
  client.token = res.body.token
  return client
}

const sidOf = (client: RestClient) => decodeJwt(client.token!).sid as string
const list = async (client: RestClient) => {
  const res = await client.get<{ sessions: Session[] }>('/users/sessions')
  expect(res.status).toBe(200)
  return res.body.sessions
}
const activityRow = async (sid: string) =>
  (await payload.find({ collection: 'session-activity' as never, where: { sid: { equals: sid } }, overrideAccess: true, depth: 0 }))
    .docs[0] as unknown as { lastSeenAt: string; userAgent: string; ip: string; user: number } | undefined
const meId = async (client: RestClient) => (await client.get('/users/me')).body.user?.id ?? null
const graphqlMeId = async (client: RestClient) => (await client.graphql('query { meUser { user { id } } }')).body.data?.meUser?.user?.id ?? null
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('listing sessions', () => {
  it('shows each signed-in device with its browser, system, address and times; the caller is flagged', async () => {
    const user = await createUser(payload, { login: false })
    const laptop = await signIn(user, UA.windowsChrome)
    const phone = await signIn(user, UA.iphoneSafari)

    const sessions = await list(laptop)
    expect(sessions).toHaveLength(2)
    const mine = sessions.find((s) => s.id === sidOf(laptop))!
    const other = sessions.find((s) => s.id === sidOf(phone))!
    expect(mine).toMatchObject({ current: true, device: 'Chrome on Windows', userAgent: UA.windowsChrome, ip: laptop.ip })
    expect(other).toMatchObject({ current: false, device: 'Safari on iPhone', userAgent: UA.iphoneSafari, ip: phone.ip })
    // Newest activity first: the caller is using its session right now.
    expect(sessions[0].id).toBe(mine.id)
    for (const s of sessions) {
      expect(Date.parse(s.createdAt)).toBeGreaterThan(Date.now() - 60_000)
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.now())
      expect(Date.parse(s.lastSeenAt!)).toBeGreaterThanOrEqual(Date.parse(s.createdAt) - 1000)
    }

    // The phone sees the same two sessions, with itself as the current one.
    const fromPhone = await list(phone)
    expect(fromPhone.map((s) => s.id).sort()).toEqual(sessions.map((s) => s.id).sort())
    expect(fromPhone.find((s) => s.current)?.id).toBe(sidOf(phone))
  })

  it('leaves out expired sessions and shows nobody else’s', async () => {
    const user = await createUser(payload, { login: false })
    const stranger = await createUser(payload)
    const live = await signIn(user, UA.windowsChrome)
    const stale = await signIn(user, UA.macFirefox)
    const row = await storedUser(payload, user.id)
    const sessions = row.sessions.map((s: { id: string; createdAt: string; expiresAt: string }) =>
      s.id === sidOf(stale) ? { ...s, expiresAt: new Date(Date.now() - 60_000).toISOString() } : s,
    )
    await payload.db.updateOne({ collection: 'users', id: user.id, data: { sessions }, returning: false })

    const listed = await list(live)
    expect(listed.map((s) => s.id)).toEqual([sidOf(live)])
    expect((await list(stranger.client)).map((s) => s.id)).toEqual([sidOf(stranger.client)])
  })

  it('records sessions started by the email code and by a password reset', async () => {
    const email = `sessions-${Date.now()}@example.test`
    const client = new RestClient()
    expect((await client.post('/users/register', { email, password: PASSWORD, name: 'Dr Session Code' })).status).toBe(202)
    const code = (await lastEmailTo(payload, email))!.subject.match(/\b(\d{6})\b/)![1]
    const verified = await client.post('/users/verify-code', { email, code }, { headers: { 'User-Agent': UA.iphoneSafari } })
    expect(verified.status).toBe(200)
    client.token = verified.body.token
    const [byCode] = await list(client)
    expect(byCode).toMatchObject({ id: sidOf(client), current: true, device: 'Safari on iPhone', ip: client.ip })

    expect((await new RestClient().post('/users/forgot-password', { email })).status).toBe(200)
    const link = (await lastEmailTo(payload, email))!.html!.match(/href="([^"]+)"/)![1].replace(/&amp;/g, '&')
    const token = new URL(link).searchParams.get('token')
    const resetter = new RestClient()
    const reset = await resetter.post(
      '/users/reset-password',
      { token, password: 'a brand new night shift 77' },
      { headers: { 'User-Agent': UA.macFirefox } },
    )
    expect(reset.status).toBe(200)
    resetter.token = reset.body.token
    // The reset ended every other session; the one it started is described.
    expect(await list(resetter)).toEqual([expect.objectContaining({ id: sidOf(resetter), device: 'Firefox on macOS', ip: resetter.ip })])
    expect(await meId(client)).toBeNull()
  })

  it('answers 401 to a caller who is not signed in', async () => {
    const anonymous = new RestClient()
    expect((await anonymous.get('/users/sessions')).status).toBe(401)
    expect((await anonymous.delete('/users/sessions/anything')).status).toBe(401)
    expect((await anonymous.post('/users/sessions/revoke-others')).status).toBe(401)
  })
})

describe('last seen', () => {
  it('moves forward while the session is used, at most once per interval', async () => {
    const user = await createUser(payload, { login: false })
    const laptop = await signIn(user, UA.windowsChrome)
    const phone = await signIn(user, UA.iphoneSafari)
    const started = (await activityRow(sidOf(phone)))!.lastSeenAt

    // Within the interval (5 minutes by default) using the session writes nothing.
    await phone.get('/users/me')
    await phone.graphql('query { meUser { user { id } } }')
    expect((await activityRow(sidOf(phone)))!.lastSeenAt).toBe(started)

    setLastSeenInterval(0)
    await sleep(15)
    await phone.get('/users/me')
    const moved = (await activityRow(sidOf(phone)))!.lastSeenAt
    expect(Date.parse(moved)).toBeGreaterThan(Date.parse(started))
    const seen = (await list(laptop)).find((s) => s.id === sidOf(phone))!
    expect(seen.lastSeenAt).toBe(new Date(moved).toISOString())

    // A long interval again: the next requests leave the stored time alone.
    setLastSeenInterval(60_000)
    await phone.get('/users/me')
    await sleep(15)
    await phone.get('/users/me')
    expect((await activityRow(sidOf(phone)))!.lastSeenAt).toBe(moved)
  })

  it('wraps Payload’s JWT check without changing it, and adds no SQL between throttled writes', async () => {
    const user = await createUser(payload, { login: false })
    const client = await signIn(user, UA.windowsChrome)
    const headers = new Headers({ Authorization: `JWT ${client.token}` })

    const me = await client.get('/users/me')
    expect(me.body.user.id).toBe(user.id)
    expect(me.body.strategy).toBe('local-jwt')
    const refreshed = await client.post('/users/refresh-token')
    expect(refreshed.status).toBe(200)
    expect(decodeJwt(refreshed.body.refreshedToken).sid).toBe(sidOf(client))

    const builtIn = await countSql(async () => JWTAuthentication({ headers, payload, strategyName: 'local-jwt' }))
    const wrapped = await countSql(async () => sessionActivityStrategy.authenticate({ headers, payload, strategyName: 'local-jwt-activity' }))
    expect(builtIn.result.user?.id).toBe(user.id)
    expect(wrapped.result.user?.id).toBe(user.id)
    expect((wrapped.result.user as { _sid?: string })._sid).toBe(sidOf(client))
    expect(wrapped.result.user?._strategy).toBe('local-jwt')
    expect(builtIn.count).toBeGreaterThan(0)
    expect(wrapped.count).toBe(builtIn.count)

    setLastSeenInterval(0)
    await sleep(5)
    const writing = await countSql(async () => sessionActivityStrategy.authenticate({ headers, payload, strategyName: 'local-jwt-activity' }))
    expect(writing.count).toBe(builtIn.count + 1)

    // An API key is left to Payload's API-key strategy, even with a session token beside it.
    const keyed = await sessionActivityStrategy.authenticate({
      headers: new Headers({ Authorization: 'users API-Key some-key', Cookie: `payload-token=${client.token}` }),
      payload,
    })
    expect(keyed.user).toBeNull()
  })
})

describe('ending sessions', () => {
  it('ends one session: its token stops working everywhere, the others go on', async () => {
    const user = await createUser(payload, { login: false })
    const laptop = await signIn(user, UA.windowsChrome)
    const phone = await signIn(user, UA.iphoneSafari)
    const phoneSid = sidOf(phone)
    expect(await meId(phone)).toBe(user.id)

    const res = await laptop.delete(`/users/sessions/${phoneSid}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: phoneSid, current: false })
    expect(res.headers.get('set-cookie')).toBeNull()

    expect(await meId(phone)).toBeNull()
    expect(await graphqlMeId(phone)).toBeNull()
    expect((await phone.get('/users/sessions')).status).toBe(401)
    expect((await phone.patch(`/users/${user.id}`, { title: 'From a revoked session' })).status).toBe(403)
    expect((await phone.post('/users/refresh-token')).body.refreshedToken).toBeUndefined()
    expect((await storedUser(payload, user.id)).title).not.toBe('From a revoked session')

    expect(await meId(laptop)).toBe(user.id)
    expect(await graphqlMeId(laptop)).toBe(user.id)
    expect((await list(laptop)).map((s) => s.id)).toEqual([sidOf(laptop)])
    expect(await activityRow(phoneSid)).toBeUndefined()
    expect(await activityRow(sidOf(laptop))).toBeDefined()

    // Ending it again: there is no such session any more.
    expect((await laptop.delete(`/users/sessions/${phoneSid}`)).status).toBe(404)
  })

  it('ending the current session signs the caller out and clears the cookie', async () => {
    const user = await createUser(payload, { login: false })
    const laptop = await signIn(user, UA.windowsChrome)
    const res = await laptop.delete(`/users/sessions/${sidOf(laptop)}`)
    expect(res.status).toBe(200)
    expect(res.body.current).toBe(true)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=;/)
    expect(new Date(cookie.match(/Expires=([^;]+)/i)![1]).getTime()).toBeLessThan(Date.now())
    expect(await meId(laptop)).toBeNull()
  })

  it('signs out of every other session and keeps this one, touching nothing else of the member', async () => {
    const user = await createUser(payload, { login: false })
    const laptop = await signIn(user, UA.windowsChrome)
    const phone = await signIn(user, UA.iphoneSafari)
    const tablet = await signIn(user, UA.macFirefox)
    expect((await laptop.patch(`/users/${user.id}`, { bio: 'Night shifts on the cardiology ward.' })).status).toBe(200)
    const before = await storedUser(payload, user.id)

    const res = await laptop.post('/users/sessions/revoke-others')
    expect(res.status).toBe(200)
    expect(res.body.revoked).toBe(2)
    expect(await meId(phone)).toBeNull()
    expect(await meId(tablet)).toBeNull()
    expect(await graphqlMeId(tablet)).toBeNull()
    expect(await meId(laptop)).toBe(user.id)
    expect((await list(laptop)).map((s) => s.id)).toEqual([sidOf(laptop)])
    expect(await activityRow(sidOf(phone))).toBeUndefined()
    expect(await activityRow(sidOf(tablet))).toBeUndefined()

    const after = await storedUser(payload, user.id)
    for (const key of ['bio', 'hash', 'salt', 'lastLoginAt', 'loginStreak', 'updatedAt', 'email'])
      expect(after[key], key).toEqual(before[key])

    // Nothing left to end.
    expect((await laptop.post('/users/sessions/revoke-others')).body.revoked).toBe(0)
  })

  it("cannot end another member's session: 404, and that session goes on", async () => {
    const owner = await createUser(payload, { login: false })
    const ownerClient = await signIn(owner, UA.iphoneSafari)
    const intruder = await createUser(payload)

    const res = await intruder.client.delete(`/users/sessions/${sidOf(ownerClient)}`)
    expect(res.status).toBe(404)
    expect(await meId(ownerClient)).toBe(owner.id)
    expect(await activityRow(sidOf(ownerClient))).toBeDefined()
    // The intruder's own sessions are all it can see, and revoke-others leaves the owner alone.
    expect((await list(intruder.client)).some((s) => s.id === sidOf(ownerClient))).toBe(false)
    await intruder.client.post('/users/sessions/revoke-others')
    expect(await meId(ownerClient)).toBe(owner.id)

    expect((await intruder.client.delete('/users/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    const malformed = await intruder.client.delete(`/users/sessions/${encodeURIComponent('x;drop table')}`)
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toMatch(/session id/i)
  })

  it('an API-key request lists the member’s sessions but has no current one to keep', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const integration = await createUser(payload, { login: false })
    const browser = await signIn(integration, UA.windowsChrome)
    const key = `rk_sessions_${Date.now()}_0123456789abcdef`
    expect((await admin.client.patch(`/users/${integration.id}`, { enableAPIKey: true, apiKey: key })).status).toBe(200)
    const headers = { Authorization: `users API-Key ${key}` }
    const keyClient = new RestClient()

    const listed = await keyClient.get<{ sessions: Session[] }>('/users/sessions', { headers })
    expect(listed.status).toBe(200)
    expect(listed.body.sessions.map((s) => s.id)).toEqual([sidOf(browser)])
    expect(listed.body.sessions[0].current).toBe(false)

    const others = await keyClient.post('/users/sessions/revoke-others', undefined, { headers })
    expect(others.status).toBe(400)
    expect(others.body.errors[0].message).toMatch(/API key/)
    expect(await meId(browser)).toBe(integration.id)
  })
})

describe('session metadata through the API', () => {
  it('is not readable or writable by anyone, not even an admin', async () => {
    const member = await createUser(payload)
    const admin = await createUser(payload, { roles: ['admin'] })
    const sid = sidOf(member.client)
    const row = (await payload.find({ collection: 'session-activity' as never, where: { sid: { equals: sid } }, overrideAccess: true })).docs[0] as {
      id: number
    }
    for (const client of [member.client, admin.client, new RestClient()]) {
      const found = await client.get(`/session-activity?where[sid][equals]=${sid}`)
      expect([401, 403]).toContain(found.status)
      expect([401, 403, 404]).toContain((await client.get(`/session-activity/${row.id}`)).status)
      expect([401, 403, 404]).toContain((await client.patch(`/session-activity/${row.id}`, { ip: '1.2.3.4' })).status)
      expect([401, 403, 404]).toContain((await client.delete(`/session-activity/${row.id}`)).status)
    }
    expect((await activityRow(sid))!.ip).toBe(member.client.ip)
  })
})
