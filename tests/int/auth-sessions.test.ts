import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, PASSWORD, secretPaths, storedUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const WRONG = 'definitely not the password'

describe('login', () => {
  it('returns a token and an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await createUser(payload, { login: false })
    const client = new RestClient()
    const res = await client.login(user.email, PASSWORD)
    expect(res.status).toBe(200)
    expect(typeof res.body.token).toBe('string')
    expect(res.body.token.split('.')).toHaveLength(3)
    expect(res.body.user.email).toBe(user.email)

    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=[^;]+/)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).toMatch(/;\s*Path=\//i)
    // The cookie carries the same token the body does.
    expect(cookie).toContain(`payload-token=${res.body.token}`)
  })

  it('the cookie authenticates requests from our own origin only (CSRF)', async () => {
    const user = await createUser(payload, { login: false })
    const login = await new RestClient().login(user.email, PASSWORD)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
    const sameOrigin = await new RestClient().get('/users/me', { headers: { Cookie: cookie, Origin: 'http://localhost:3000' } })
    expect(sameOrigin.body.user?.id).toBe(user.id)
    const navigation = await new RestClient().get('/users/me', { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } })
    expect(navigation.body.user?.id).toBe(user.id)

    const crossSite = await new RestClient().get('/users/me', { headers: { Cookie: cookie, Origin: 'https://evil.example' } })
    expect(crossSite.body.user).toBeNull()
    const crossSiteWrite = await new RestClient().patch(
      `/users/${user.id}`,
      { title: 'Set from another site' },
      { headers: { Cookie: cookie, Origin: 'https://evil.example' } },
    )
    expect(crossSiteWrite.status).toBe(403)
    const noOrigin = await new RestClient().get('/users/me', { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } })
    expect(noOrigin.body.user).toBeNull()
    expect((await storedUser(payload, user.id)).title).not.toBe('Set from another site')
  })

  it('the cookie is Secure in production', async () => {
    const previous = process.env.NODE_ENV
    vi.resetModules()
    Object.assign(process.env, { NODE_ENV: 'production' })
    try {
      const { Users } = await import('../../collections/identity/Users')
      const { generatePayloadCookie } = await import('payload/shared')
      const auth = Users.auth as { cookies: { secure?: boolean; sameSite?: 'Lax' } }
      expect(auth.cookies.secure).toBe(true)
      const cookie = generatePayloadCookie({ collectionAuthConfig: Users.auth as never, cookiePrefix: 'payload', token: 'x.y.z' })
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/;\s*HttpOnly/i)
      expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    } finally {
      Object.assign(process.env, { NODE_ENV: previous })
      vi.resetModules()
    }
  })

  it('refuses a wrong password with 401 and no token', async () => {
    const user = await createUser(payload, { login: false })
    const res = await new RestClient().post('/users/login', { email: user.email, password: WRONG })
    expect(res.status).toBe(401)
    expect(res.body.token).toBeUndefined()
    expect(res.headers.get('set-cookie') ?? '').not.toContain('payload-token=ey')
  })
})

describe('/users/me', () => {
  it('answers the signed-in member and nobody for an anonymous caller', async () => {
    const user = await createUser(payload)
    const me = await user.client.get('/users/me')
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(user.id)
    expect(me.body.user.email).toBe(user.email)

    const anonymous = await new RestClient().get('/users/me')
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.user).toBeNull()
  })

  it('ignores a forged token', async () => {
    const user = await createUser(payload)
    const [header, body] = user.client.token!.split('.')
    const forged = new RestClient({ token: `${header}.${body}.${'A'.repeat(43)}` })
    expect((await forged.get('/users/me')).body.user).toBeNull()
  })
})

describe('logout', () => {
  it('ends the session on the server: the old token no longer authenticates', async () => {
    const user = await createUser(payload)
    const oldToken = user.client.token!
    expect((await user.client.get('/users/me')).body.user?.id).toBe(user.id)

    const out = await user.client.post('/users/logout')
    expect(out.status).toBe(200)
    const expired = out.headers.get('set-cookie') ?? ''
    expect(expired).toMatch(/^payload-token=;/)
    expect(new Date(expired.match(/Expires=([^;]+)/i)![1]).getTime()).toBeLessThan(Date.now())

    const replay = new RestClient({ token: oldToken })
    const me = await replay.get('/users/me')
    expect(me.body.user).toBeNull()
    const write = await replay.patch(`/users/${user.id}`, { title: 'Should not be saved' })
    expect(write.status).toBe(403)
    expect((await storedUser(payload, user.id)).title).not.toBe('Should not be saved')
  })

  it('ends only the current session; ?allSessions=true ends them all', async () => {
    const user = await createUser(payload)
    const laptop = user.client
    const phone = new RestClient()
    const tablet = new RestClient()
    await phone.login(user.email, PASSWORD)
    await tablet.login(user.email, PASSWORD)

    await laptop.post('/users/logout')
    expect((await laptop.get('/users/me')).body.user).toBeNull()
    expect((await phone.get('/users/me')).body.user?.id).toBe(user.id)
    expect((await tablet.get('/users/me')).body.user?.id).toBe(user.id)

    await phone.post('/users/logout?allSessions=true')
    expect((await phone.get('/users/me')).body.user).toBeNull()
    expect((await tablet.get('/users/me')).body.user).toBeNull()
  })
})

describe('token refresh', () => {
  it('gives a new working token for a live session', async () => {
    const user = await createUser(payload)
    const res = await user.client.post('/users/refresh-token')
    expect(res.status).toBe(200)
    expect(typeof res.body.refreshedToken).toBe('string')
    expect(res.headers.get('set-cookie')).toContain(`payload-token=${res.body.refreshedToken}`)
    const fresh = new RestClient({ token: res.body.refreshedToken })
    expect((await fresh.get('/users/me')).body.user?.id).toBe(user.id)
  })

  it('cannot revive a session that was logged out', async () => {
    const user = await createUser(payload)
    const oldToken = user.client.token!
    await user.client.post('/users/logout')
    const res = await new RestClient({ token: oldToken }).post('/users/refresh-token')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.body.refreshedToken).toBeUndefined()
  })

  it('is refused without a token', async () => {
    const res = await new RestClient().post('/users/refresh-token')
    expect(res.status).toBe(403)
  })
})

describe('per-account lockout', () => {
  it('locks the account after 5 failed logins, even for the right password afterwards', async () => {
    const user = await createUser(payload, { login: false })
    // A different address for each attempt, so only the per-account limit is at work.
    for (let i = 0; i < 5; i++) {
      const res = await new RestClient().post('/users/login', { email: user.email, password: WRONG })
      expect(res.status).toBe(401)
    }
    const right = await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })
    expect(right.status).toBe(401)
    expect(right.body.token).toBeUndefined()
    expect(right.body.errors[0].message).toMatch(/locked/i)

    const row = await storedUser(payload, user.id)
    const lockedFor = new Date(row.lockUntil).getTime() - Date.now()
    expect(lockedFor).toBeGreaterThan(14 * 60 * 1000)
    expect(lockedFor).toBeLessThanOrEqual(15 * 60 * 1000)

    // Once the lock time has passed, the right password works again.
    await payload.db.updateOne({ collection: 'users', id: user.id, data: { lockUntil: new Date(Date.now() - 1000).toISOString() } })
    const later = await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })
    expect(later.status).toBe(200)
  })

  it('four failures do not lock, and a success starts the count again', async () => {
    const user = await createUser(payload, { login: false })
    for (let i = 0; i < 4; i++) await new RestClient().post('/users/login', { email: user.email, password: WRONG })
    expect((await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })).status).toBe(200)
    for (let i = 0; i < 4; i++) await new RestClient().post('/users/login', { email: user.email, password: WRONG })
    expect((await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })).status).toBe(200)
  })

  it('a locked account does not lock anyone else', async () => {
    const victim = await createUser(payload, { login: false })
    const bystander = await createUser(payload, { login: false })
    for (let i = 0; i < 5; i++) await new RestClient().post('/users/login', { email: victim.email, password: WRONG })
    expect((await new RestClient().post('/users/login', { email: bystander.email, password: PASSWORD })).status).toBe(200)
  })
})

describe('per-IP login rate limit', () => {
  it('allows 10 attempts a minute from one address across accounts, then 429 with Retry-After', async () => {
    const users = await Promise.all([0, 1, 2].map(() => createUser(payload, { login: false })))
    const client = new RestClient()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) {
      const user = users[i % users.length]
      const res = await client.post('/users/login', { email: user.email, password: i % 2 ? PASSWORD : WRONG })
      statuses.push(res.status)
    }
    expect(statuses.every((s) => s === 200 || s === 401)).toBe(true)
    expect(statuses.filter((s) => s === 200).length).toBe(5)

    const blocked = await client.post('/users/login', { email: users[2].email, password: PASSWORD })
    expect(blocked.status).toBe(429)
    expect(blocked.body.token).toBeUndefined()
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)

    // The same limit holds through GraphQL's loginUser.
    const viaGraphql = await client.graphql(
      `mutation ($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }`,
      { e: users[0].email, p: PASSWORD },
    )
    expect(viaGraphql.body.data?.loginUser?.token ?? null).toBeNull()
    expect(JSON.stringify(viaGraphql.body.errors)).toMatch(/Too many attempts/)

    // Another address is not affected.
    expect((await new RestClient().post('/users/login', { email: users[2].email, password: PASSWORD })).status).toBe(200)
  })
})

describe('secrets never leave the server', () => {
  it('login, me, find, findByID and GraphQL carry no hash, salt, tokens, codes or keys', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const member = await createUser(payload)
    // Give the member every kind of secret: a reset token, an email code, an API key.
    await new RestClient().post('/users/forgot-password', { email: member.email })
    await payload.update({
      collection: 'users',
      id: member.id,
      data: { enableAPIKey: true, apiKey: 'a-long-api-key-0123456789abcdef' } as never,
      overrideAccess: true,
    })
    await payload.db.updateOne({ collection: 'users', id: member.id, data: { emailCodeHash: 'x'.repeat(64), emailCodeAttempts: 1 } })
    const row = await storedUser(payload, member.id)
    expect(row.hash).toBeTruthy()
    expect(row.resetPasswordToken).toBeTruthy()

    const login = await new RestClient().login(member.email, PASSWORD)
    const responses: [string, unknown][] = [['login', login.body]]
    for (const [who, client] of [
      ['member', member.client],
      ['admin', admin.client],
      ['anonymous', new RestClient()],
    ] as const) {
      responses.push([`${who} me`, (await client.get('/users/me')).body])
      responses.push([`${who} find`, (await client.get(`/users?where[id][equals]=${member.id}&depth=1`)).body])
      responses.push([`${who} findByID`, (await client.get(`/users/${member.id}`)).body])
      responses.push([
        `${who} graphql`,
        (await client.graphql(`query { User(id: ${member.id}) { id email hasAPIKey } Users { docs { id } } meUser { user { id } } }`)).body,
      ])
    }
    for (const [label, body] of responses) expect(secretPaths(body), label).toEqual([])

    // Sessions are the member's own business: nobody else sees them, not even an admin.
    const adminView = await admin.client.get(`/users/${member.id}`)
    expect(adminView.body.id).toBe(member.id)
    expect(adminView.body.sessions ?? []).toEqual([])
    const otherMember = await createUser(payload)
    expect((await otherMember.client.get(`/users/${member.id}`)).body.sessions ?? []).toEqual([])
    // ...while the member has live sessions, and sees them.
    expect((await storedUser(payload, member.id)).sessions.length).toBeGreaterThan(0)
    expect((await member.client.get(`/users/${member.id}`)).body.sessions.length).toBeGreaterThan(0)
  })

  it('hidden fields asked for by name through GraphQL come back empty, even to the member', async () => {
    const member = await createUser(payload)
    await new RestClient().post('/users/forgot-password', { email: member.email })
    const row = await storedUser(payload, member.id)
    expect(row.hash).toMatch(/^pbkdf2/)
    expect(row.resetPasswordToken).toBeTruthy()
    const query = `query { User(id: ${member.id}) { id hash salt resetPasswordToken emailCodeHash } }`
    for (const client of [member.client, (await createUser(payload, { roles: ['admin'] })).client]) {
      const res = await client.graphql(query)
      const user = res.body.data?.User ?? {}
      for (const key of ['hash', 'salt', 'resetPasswordToken', 'emailCodeHash']) expect(user[key] ?? null, key).toBeNull()
      expect(JSON.stringify(res.body)).not.toContain(row.salt)
    }
  })

  it('nobody can filter users by a field they cannot read (no email or secret oracle)', async () => {
    const member = await createUser(payload)
    const anonymous = new RestClient()
    const byEmail = await anonymous.get(`/users?where[email][equals]=${encodeURIComponent(member.email)}`)
    expect(byEmail.status === 400 || byEmail.status === 403 || byEmail.body.totalDocs === 0).toBe(true)
    const other = await createUser(payload)
    const byEmailAsMember = await other.client.get(`/users?where[email][like]=${encodeURIComponent(member.email.slice(0, 8))}`)
    expect(byEmailAsMember.status === 400 || byEmailAsMember.body.docs?.every((d: { id: number }) => d.id === other.id)).toBe(true)
    const byHash = await other.client.get(`/users?where[hash][exists]=true`)
    expect(byHash.status === 400 || byHash.body.docs?.length === 0).toBe(true)
  })
})
