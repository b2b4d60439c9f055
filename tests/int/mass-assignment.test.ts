import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, lastEmailTo, PASSWORD, storedUser, type TestUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

/** Privileged values a member might try to give themselves, and the column that must not change. */
const ESCALATIONS: [string, Record<string, unknown>, (row: Record<string, any>) => unknown][] = [
  ['roles', { roles: ['admin'] }, (r) => r.roles],
  ['roles (added to member)', { roles: ['member', 'moderator'] }, (r) => r.roles],
  ['verificationStatus', { verificationStatus: 'verified' }, (r) => r.verificationStatus],
  ['tier', { tier: 'pro' }, (r) => r.tier],
  ['points', { points: 9999 }, (r) => r.points],
  ['level', { level: 9 }, (r) => r.level],
  ['loginStreak', { loginStreak: 99 }, (r) => r.loginStreak],
  ['lastLoginAt', { lastLoginAt: '2000-01-01T00:00:00.000Z' }, (r) => r.lastLoginAt],
  ['_verified', { _verified: false }, (r) => r._verified],
  ['enableAPIKey + apiKey', { enableAPIKey: true, apiKey: 'my-own-forever-key-0123456789' }, (r) => [r.enableAPIKey, r.apiKeyIndex]],
  ['hash + salt', { hash: 'pbkdf2-sha256-v1:00', salt: '00' }, (r) => [r.hash, r.salt]],
  ['reset token', { resetPasswordToken: 'a'.repeat(40), resetPasswordExpiration: '2999-01-01T00:00:00.000Z' }, (r) => r.resetPasswordToken],
  ['email code', { emailCodeHash: 'x', emailCodeAttempts: -100 }, (r) => [r.emailCodeHash, r.emailCodeAttempts]],
  ['lock', { loginAttempts: -100, lockUntil: null }, (r) => r.loginAttempts],
  ['sessions', { sessions: [{ id: 'forged', expiresAt: '2999-01-01T00:00:00.000Z' }] }, (r) => (r.sessions ?? []).map((s: any) => s.id)],
]

async function expectUnchanged(user: TestUser, patch: Record<string, unknown>, pick: (row: Record<string, any>) => unknown, send: () => Promise<unknown>) {
  const before = pick(await storedUser(payload, user.id))
  await send()
  const after = pick(await storedUser(payload, user.id))
  expect(after, JSON.stringify(patch)).toEqual(before)
}

describe('a member updating their own account', () => {
  let member: TestUser
  beforeAll(async () => {
    member = await createUser(payload)
  })

  it.each(ESCALATIONS)('REST PATCH cannot set %s', async (_label, patch, pick) => {
    await expectUnchanged(member, patch, pick, async () => {
      const res = await member.client.patch(`/users/${member.id}`, { ...patch, bio: 'Allowed change' })
      expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true)
    })
  })

  it('can still change the fields that are theirs', async () => {
    const res = await member.client.patch(`/users/${member.id}`, { bio: 'Cardiologist in Leeds', title: 'Consultant' })
    expect(res.status).toBe(200)
    const row = await storedUser(payload, member.id)
    expect(row.bio).toBe('Cardiologist in Leeds')
    expect(row.title).toBe('Consultant')
  })

  it('an API key the member tried to set does not authenticate', async () => {
    await member.client.patch(`/users/${member.id}`, { enableAPIKey: true, apiKey: 'member-chosen-key-0123456789' })
    const me = await new RestClient().get('/users/me', { headers: { Authorization: 'users API-Key member-chosen-key-0123456789' } })
    expect(me.body.user).toBeNull()
  })

  it('cannot take another member’s email address', async () => {
    const other = await createUser(payload, { login: false })
    const res = await member.client.patch(`/users/${member.id}`, { email: other.email })
    expect(res.status).toBe(400)
    expect((await storedUser(payload, member.id)).email).toBe(member.email)
    expect((await new RestClient().login(other.email, PASSWORD)).body.user?.id).toBe(other.id)
  })

  it('cannot take another member’s handle', async () => {
    const other = await createUser(payload, { login: false })
    const otherHandle = (await storedUser(payload, other.id)).handle
    expect(otherHandle).toBeTruthy()
    const before = (await storedUser(payload, member.id)).handle
    const res = await member.client.patch(`/users/${member.id}`, { handle: otherHandle })
    expect(res.status).toBe(400)
    expect((await storedUser(payload, member.id)).handle).toBe(before)
    expect((await storedUser(payload, other.id)).handle).toBe(otherHandle)
  })

  it('GraphQL updateUser cannot set privileged fields either', async () => {
    // The input type does offer these fields, so the mutation below is valid and reaches the access checks.
    const schema = await member.client.graphql(`query { __type(name: "mutationUserUpdateInput") { inputFields { name } } }`)
    const inputs = schema.body.data.__type.inputFields.map((f: { name: string }) => f.name)
    expect(inputs).toEqual(expect.arrayContaining(['roles', 'verificationStatus', 'tier', 'points', 'level', 'loginStreak']))

    const before = await storedUser(payload, member.id)
    const res = await member.client.graphql(
      `mutation ($id: Int!) {
        updateUser(id: $id, data: { roles: [admin], verificationStatus: verified, tier: pro, points: 9999, level: 9, loginStreak: 99, bio: "via graphql" }) {
          id roles verificationStatus tier points
        }
      }`,
      { id: member.id },
    )
    const after = await storedUser(payload, member.id)
    for (const key of ['roles', 'verificationStatus', 'tier', 'points', 'level', 'loginStreak']) expect(after[key], key).toEqual(before[key])
    if (!res.body.errors) {
      expect(res.body.data.updateUser.roles).toEqual(['member'])
      expect(after.bio).toBe('via graphql')
    }
  })

  it('GraphQL updateUser cannot take another member’s email', async () => {
    const other = await createUser(payload, { login: false })
    const res = await member.client.graphql(`mutation ($id: Int!, $e: String) { updateUser(id: $id, data: { email: $e }) { id } }`, {
      id: member.id,
      e: other.email,
    })
    expect(res.body.errors?.length).toBeGreaterThan(0)
    expect((await storedUser(payload, member.id)).email).toBe(member.email)
  })

  it('cannot update another member at all', async () => {
    const other = await createUser(payload, { login: false })
    const before = await storedUser(payload, other.id)
    const rest = await member.client.patch(`/users/${other.id}`, { bio: 'hijacked', password: 'hijacked password 123' })
    expect(rest.status).toBe(403)
    const gql = await member.client.graphql(`mutation ($id: Int!) { updateUser(id: $id, data: { bio: "hijacked" }) { id } }`, { id: other.id })
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    const after = await storedUser(payload, other.id)
    expect(after.bio).toEqual(before.bio)
    expect(after.hash).toBe(before.hash)
  })
})

describe('creating accounts', () => {
  it('registration ignores roles, tier, verification and points in the body', async () => {
    const email = `escalate-${Date.now()}@example.test`
    const client = new RestClient()
    const res = await client.post('/users/register', {
      email,
      password: 'a quiet ward at 3am',
      name: 'Dr Escalate',
      roles: ['admin'],
      tier: 'pro',
      verificationStatus: 'verified',
      points: 9999,
      _verified: true,
      enableAPIKey: true,
      apiKey: 'registration-key-0123456789',
    })
    expect(res.status).toBe(202)
    const row = (await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })) as Record<string, any>
    expect(row.roles).toEqual(['member'])
    expect(row.tier).toBe('free')
    expect(row.verificationStatus).toBe('unverified')
    expect(row.points).toBe(0)
    expect(row._verified).not.toBe(true)
    expect(row.apiKeyIndex ?? null).toBeNull()

    // Even after confirming the email, the account is a plain member.
    const code = (await lastEmailTo(payload, email))!.subject.match(/\d{6}/)![0]
    const verified = await client.post('/users/verify-code', { email, code })
    expect(verified.status).toBe(200)
    const me = await new RestClient({ token: verified.body.token }).get('/users/me')
    expect(me.body.user.roles).toEqual(['member'])
    expect(me.body.user.tier).toBe('free')
  })

  it('POST /api/users is forbidden to anonymous callers and members', async () => {
    const member = await createUser(payload)
    for (const client of [new RestClient(), member.client]) {
      const email = `direct-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`
      const res = await client.post('/users', { email, password: 'a quiet ward at 3am', name: 'Dr Direct', roles: ['admin'] })
      expect(res.status).toBe(403)
      const gql = await client.graphql(
        `mutation ($e: String!) { createUser(data: { email: $e, password: "a quiet ward at 3am", name: "Dr Direct" }) { id } }`,
        { e: email },
      )
      expect(gql.body.errors?.length).toBeGreaterThan(0)
      expect(await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })).toBeNull()
    }
  })
})

describe('staff', () => {
  it('an admin can change roles, tier, verification and points', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const user = await createUser(payload, { login: false })
    const res = await admin.client.patch(`/users/${user.id}`, {
      roles: ['member', 'instructor'],
      tier: 'pro',
      verificationStatus: 'verified',
      points: 50,
    })
    expect(res.status).toBe(200)
    const row = await storedUser(payload, user.id)
    expect(row.roles).toEqual(['member', 'instructor'])
    expect(row.tier).toBe('pro')
    expect(row.verificationStatus).toBe('verified')
    expect(row.points).toBe(50)
  })

  it.each(['moderator', 'editor'])('a %s can change verification and points but not roles or tier', async (role) => {
    const staff = await createUser(payload, { roles: [role] })
    const user = await createUser(payload, { login: false })
    const res = await staff.client.patch(`/users/${user.id}`, {
      roles: ['admin'],
      tier: 'pro',
      verificationStatus: 'verified',
      points: 42,
      level: 3,
      loginStreak: 7,
    })
    expect(res.status).toBe(200)
    const row = await storedUser(payload, user.id)
    expect(row.roles).toEqual(['member'])
    expect(row.tier).toBe('free')
    expect(row.verificationStatus).toBe('verified')
    expect(row.points).toBe(42)
    expect(row.level).toBe(3)
    expect(row.loginStreak).toBe(7)

    // Nor can they promote themselves.
    await staff.client.patch(`/users/${staff.id}`, { roles: ['admin'] })
    expect((await storedUser(payload, staff.id)).roles).toEqual([role])
  })

  it('an instructor is not staff: cannot change anyone’s verification', async () => {
    const instructor = await createUser(payload, { roles: ['instructor'] })
    // Signing in earned the day's login point; the instructor cannot add to it.
    const before = (await storedUser(payload, instructor.id)).points
    await instructor.client.patch(`/users/${instructor.id}`, { verificationStatus: 'verified', points: 500 })
    const row = await storedUser(payload, instructor.id)
    expect(row.verificationStatus).toBe('unverified')
    expect(row.points).toBe(before)
    expect(row.points).toBeLessThan(500)
    const other = await createUser(payload, { login: false })
    expect((await instructor.client.patch(`/users/${other.id}`, { verificationStatus: 'verified' })).status).toBe(403)
  })

  it.each(['moderator', 'editor', 'instructor'])('a %s cannot give anyone an API key (which would let them act as that user)', async (role) => {
    const staff = await createUser(payload, { roles: [role] })
    const admin = await createUser(payload, { roles: ['admin'], login: false })
    const key = `planted-key-${role}-0123456789abcdef`
    for (const target of [admin, staff]) {
      await staff.client.patch(`/users/${target.id}`, { enableAPIKey: true, apiKey: key })
      expect((await storedUser(payload, target.id)).apiKeyIndex ?? null).toBeNull()
    }
    const asKey = await new RestClient().get('/users/me', { headers: { Authorization: `users API-Key ${key}` } })
    expect(asKey.body.user).toBeNull()
  })

  it.each(['moderator', 'editor'])('a %s cannot change another member’s password or email (account takeover)', async (role) => {
    const staff = await createUser(payload, { roles: [role] })
    const admin = await createUser(payload, { roles: ['admin'], login: false })
    const before = await storedUser(payload, admin.id)
    const stolenEmail = `taken-over-${Date.now()}@example.test`
    const res = await staff.client.patch(`/users/${admin.id}`, { password: 'moderator chose this one', email: stolenEmail })
    expect(res.status).toBeGreaterThanOrEqual(400)
    const after = await storedUser(payload, admin.id)
    expect(after.hash).toBe(before.hash)
    expect(after.email).toBe(before.email)
    expect((await new RestClient().login(admin.email, PASSWORD)).status).toBe(200)
    expect((await new RestClient().post('/users/login', { email: stolenEmail, password: 'moderator chose this one' })).status).toBe(401)
  })

  it('an admin can set an API key, and it authenticates as that user', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const integration = await createUser(payload, { login: false })
    const key = `integration-key-${Date.now()}-0123456789`
    const res = await admin.client.patch(`/users/${integration.id}`, { enableAPIKey: true, apiKey: key })
    expect(res.status).toBe(200)
    const me = await new RestClient().get('/users/me', { headers: { Authorization: `users API-Key ${key}` } })
    expect(me.body.user?.id).toBe(integration.id)
  })
})
