import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { decrypt, encrypt, parseKeyRing } from '@plugins/two-factor/server/crypto'
import { checkCode, codeAt as totpAt } from '@plugins/two-factor/server/totp'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { codeAt, freshCode, rememberSecret, totpSecretOf } from '../helpers/twoFactor'
import { createUser, PASSWORD, type TestUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const nowStep = () => Math.floor(Date.now() / 30_000)

/** A member with two-factor switched on through the API; returns the secret. */
async function enrolledMember(opts: { roles?: string[] } = {}) {
  const user = await createUser(payload, { roles: opts.roles })
  if (totpSecretOf(user.email)) return { user, secret: totpSecretOf(user.email)! }
  const setup = await user.client.post('/users/two-factor/setup')
  expect(setup.status).toBe(200)
  const step = nowStep()
  const enable = await user.client.post('/users/two-factor/enable', { code: await codeAt(setup.body.secret, step) })
  expect(enable.status).toBe(200)
  rememberSecret(user.email, setup.body.secret, step)
  return { user, secret: setup.body.secret as string, recoveryCodes: enable.body.recoveryCodes as string[] }
}

/** Logs in with the password only: the session waits for its second factor. */
async function pendingLogin(user: TestUser, headers?: HeadersInit) {
  const client = new RestClient()
  const res = await client.request('POST', '/users/login', { email: user.email, password: PASSWORD }, { headers })
  client.token = res.body.token
  return { client, res }
}

const credentialOf = async (userId: number) =>
  (
    await payload.find({
      collection: 'two-factor-credentials',
      where: { user: { equals: userId } },
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
    })
  ).docs[0] as unknown as { secret?: string; lastStep?: number; recoveryCodes?: { hash: string }[] } | undefined

const auditTypes = async (userId: number) =>
  (await payload.find({ collection: 'audit-events', where: { user: { equals: userId } }, overrideAccess: true, limit: 100, sort: 'createdAt' })).docs.map(
    (d) => d.type,
  )

describe('RFC 6238 test vectors', () => {
  const fixture = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/totp/rfc6238-vectors.json'), 'utf8')) as {
    secrets_ascii: Record<'sha1' | 'sha256' | 'sha512', string>
    vectors: Array<{ time: number } & Record<'sha1' | 'sha256' | 'sha512', string>>
  }
  const algorithms = ['sha1', 'sha256', 'sha512'] as const

  it.each(fixture.vectors)('time $time: generates and accepts every algorithm’s code', async (vector) => {
    for (const algorithm of algorithms) {
      const secret = new TextEncoder().encode(fixture.secrets_ascii[algorithm])
      expect(await totpAt(secret, vector.time, { algorithm, digits: 8 })).toBe(vector[algorithm])
      const match = await checkCode(secret, vector[algorithm], { algorithm, digits: 8, now: vector.time })
      expect(match?.step).toBe(Math.floor(vector.time / 30))
      // Two steps later the same code is refused.
      expect(await checkCode(secret, vector[algorithm], { algorithm, digits: 8, now: vector.time + 60 })).toBeNull()
    }
  })
})

describe('clock skew', () => {
  it('accepts a code one step early or late, refuses two steps', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    const now = 1_800_000_015
    const step = Math.floor(now / 30)
    for (const [offset, ok] of [[-2, false], [-1, true], [0, true], [1, true], [2, false]] as const) {
      const code = await totpAt(secret, (step + offset) * 30)
      expect(Boolean(await checkCode(secret, code, { now })), `offset ${offset}`).toBe(ok)
    }
  })
})

describe('encryption at rest', () => {
  it('stores the secret encrypted with AES-256-GCM, never in clear', async () => {
    const { user, secret } = await enrolledMember()
    const stored = await credentialOf(user.id)
    expect(stored?.secret).toBeTruthy()
    expect(stored!.secret).not.toContain(secret)
    expect(stored!.secret).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/)
    const row = await (payload.db as unknown as { pool: { query: (q: string, v: unknown[]) => Promise<{ rows: Record<string, string>[] }> } }).pool.query(
      'select * from two_factor_credentials where user_id = $1',
      [user.id],
    )
    expect(JSON.stringify(row.rows[0])).not.toContain(secret)
  })

  it('decrypts with any configured key and encrypts with the first (rotation)', () => {
    const k1 = Buffer.alloc(32, 1).toString('base64')
    const k2 = Buffer.alloc(32, 2).toString('base64')
    const old = parseKeyRing(`k1:${k1}`, 'unused')
    const sealed = encrypt(old, 'JBSWY3DPEHPK3PXP')
    const rotated = parseKeyRing(`k2:${k2},k1:${k1}`, 'unused')
    expect(decrypt(rotated, sealed)).toEqual({ plaintext: 'JBSWY3DPEHPK3PXP', keyId: 'k1' })
    expect(encrypt(rotated, 'x').split('.')[1]).toBe('k2')
    expect(() => decrypt(parseKeyRing(`k2:${k2}`, 'unused'), sealed)).toThrow(/k1/)
    // Flip one bit of the ciphertext: the GCM tag no longer matches.
    const parts = sealed.split('.')
    const body = Buffer.from(parts[4]!, 'base64url')
    body[0] = body[0]! ^ 1
    const tampered = [...parts.slice(0, 4), body.toString('base64url')].join('.')
    expect(() => decrypt(old, tampered)).toThrow()
    expect(() => parseKeyRing('short:AAAA', 'unused')).toThrow(/32 bytes/)
  })
})

describe('enrollment', () => {
  it('is only switched on after a correct code, and returns ten recovery codes once', async () => {
    const user = await createUser(payload)
    const setup = await user.client.post('/users/two-factor/setup')
    expect(setup.status).toBe(200)
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/Rounds:/)
    expect(setup.body.qr).toMatch(/^data:image\/svg\+xml;base64,/)
    expect((await user.client.get('/users/two-factor/status')).body).toMatchObject({ state: 'active', enabled: false, required: false })

    const wrong = await user.client.post('/users/two-factor/enable', { code: '000000' })
    expect(wrong.status).toBe(400)
    expect((await user.client.get('/users/two-factor/status')).body.enabled).toBe(false)
    expect((await user.client.post('/users/two-factor/enable', { code: 'abc' })).status).toBe(400)

    const enable = await user.client.post('/users/two-factor/enable', { code: await codeAt(setup.body.secret, nowStep()) })
    expect(enable.status).toBe(200)
    expect(enable.body.recoveryCodes).toHaveLength(10)
    expect(new Set(enable.body.recoveryCodes).size).toBe(10)
    for (const code of enable.body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
    const status = (await user.client.get('/users/two-factor/status')).body
    expect(status).toMatchObject({ state: 'active', enabled: true, recoveryCodesRemaining: 10 })
    // Stored hashed only.
    const stored = await credentialOf(user.id)
    expect(JSON.stringify(stored?.recoveryCodes)).not.toContain(enable.body.recoveryCodes[0])
    expect((await user.client.post('/users/two-factor/setup')).status).toBe(409)
    expect(await auditTypes(user.id)).toContain('two-factor.enabled')
  })

  it('nobody reads the credentials through the API', async () => {
    const { user } = await enrolledMember()
    const own = await user.client.get('/two-factor-credentials')
    expect(own.status).toBe(403)
    const gql = await user.client.graphql('{ TwoFactorCredentials { docs { id } } }')
    expect(gql.body.data?.TwoFactorCredentials?.docs ?? null).toBeNull()
  })
})

describe('a login waiting for its second factor', () => {
  it('can do nothing through REST, GraphQL, token refresh or the admin’s auth check', async () => {
    const { user } = await enrolledMember()
    const { client, res } = await pendingLogin(user)
    expect(res.status).toBe(200)
    expect(res.body.twoFactor).toEqual({ state: 'verify' })
    expect(Object.keys(res.body.user).sort()).toEqual(['email', 'id'])

    expect((await client.get('/users/me')).body.user).toBeNull()
    expect((await client.get(`/users/${user.id}`)).body.email).toBeUndefined()
    expect((await client.patch(`/users/${user.id}`, { bio: 'changed while pending' })).status).toBe(403)
    expect((await client.post('/media', undefined)).status).toBe(403)
    expect((await client.post('/users/refresh-token')).status).toBeGreaterThanOrEqual(400)
    const gql = await client.graphql('{ meUsers { user { id email } } }')
    expect(gql.body.data?.meUsers?.user ?? null).toBeNull()
    // The admin panel authenticates with payload.auth: the pending token is nobody there.
    const auth = await payload.auth({ headers: new Headers({ Authorization: `JWT ${client.token}` }) })
    expect(auth.user).toBeNull()
    // Nor through the session cookie.
    const cookie = await new RestClient().get('/users/me', { headers: { Cookie: `payload-token=${client.token}`, Origin: 'http://localhost:3000' } })
    expect(cookie.body.user).toBeNull()
    // The profile was not changed by the refused request.
    const stored = await payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })
    expect(stored.bio ?? null).not.toBe('changed while pending')

    const status = await client.get('/users/two-factor/status')
    expect(status.body).toMatchObject({ state: 'verify', enabled: true })

    const verify = await client.post('/users/two-factor/verify', { code: await freshCode(user.email) })
    expect(verify.status).toBe(200)
    expect((await client.get('/users/me')).body.user?.id).toBe(user.id)
    expect((await client.post('/users/refresh-token')).status).toBe(200)
    const types = await auditTypes(user.id)
    expect(types).toContain('two-factor.challenge')
    expect(types).toContain('two-factor.verified')
  })

  it('never accepts the same code twice', async () => {
    const { user } = await enrolledMember()
    const code = await freshCode(user.email)
    const first = await pendingLogin(user)
    expect((await first.client.post('/users/two-factor/verify', { code })).status).toBe(200)
    const second = await pendingLogin(user)
    const replay = await second.client.post('/users/two-factor/verify', { code })
    expect(replay.status).toBe(400)
    expect((await second.client.get('/users/me')).body.user).toBeNull()
  })

  it('accepts one of two concurrent requests with the same code', async () => {
    const { user } = await enrolledMember()
    const [a, b] = await Promise.all([pendingLogin(user), pendingLogin(user)])
    const code = await freshCode(user.email)
    const results = await Promise.all([
      a.client.post('/users/two-factor/verify', { code }),
      b.client.post('/users/two-factor/verify', { code }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 400])
  })

  it('refuses a code older than the last accepted one', async () => {
    const { user, secret } = await enrolledMember()
    const older = await codeAt(secret, nowStep() - 1)
    const { client } = await pendingLogin(user)
    expect((await client.post('/users/two-factor/verify', { code: older })).status).toBe(400)
  })

  it('ends the login after five wrong codes', async () => {
    const { user } = await enrolledMember()
    const { client } = await pendingLogin(user)
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/users/two-factor/verify', { code: '000000' })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].remaining).toBe(4 - i)
    }
    const sixth = await client.post('/users/two-factor/verify', { code: await freshCode(user.email) })
    expect(sixth.status).toBe(401)
    expect((await client.get('/users/me')).body.user).toBeNull()
    expect(await auditTypes(user.id)).toContain('two-factor.failed')
  })

  it('is rate-limited per account across logins', async () => {
    const { user } = await enrolledMember()
    let limited = false
    for (let login = 0; login < 3 && !limited; login++) {
      const { client } = await pendingLogin(user)
      for (let i = 0; i < 4; i++) {
        const res = await client.post('/users/two-factor/verify', { code: '000000' })
        if (res.status === 429) {
          limited = true
          expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
          break
        }
      }
    }
    expect(limited).toBe(true)
  })

  it('answers 401 without a login in progress and 400 for a malformed body', async () => {
    expect((await new RestClient().post('/users/two-factor/verify', { code: '123456' })).status).toBe(401)
    const { user } = await enrolledMember()
    const { client } = await pendingLogin(user)
    expect((await client.post('/users/two-factor/verify', { code: '12' })).status).toBe(400)
    expect((await client.post('/users/two-factor/verify', {})).status).toBe(400)
    expect((await client.raw('POST', '/users/two-factor/verify', undefined, { headers: { 'Content-Type': 'application/json' } })).status).toBe(400)
  })
})

describe('recovery codes', () => {
  it('each works once', async () => {
    const { user, recoveryCodes } = await enrolledMember()
    const code = recoveryCodes![0]!
    const first = await pendingLogin(user)
    expect((await first.client.post('/users/two-factor/verify', { recoveryCode: code.toUpperCase().replace('-', ' ') })).status).toBe(200)
    expect((await first.client.get('/users/me')).body.user?.id).toBe(user.id)
    expect((await first.client.get('/users/two-factor/status')).body.recoveryCodesRemaining).toBe(9)
    const second = await pendingLogin(user)
    expect((await second.client.post('/users/two-factor/verify', { recoveryCode: code })).status).toBe(400)
    expect(await auditTypes(user.id)).toContain('two-factor.recovery-code-used')
  })

  it('regenerating replaces the old ones', async () => {
    const { user, recoveryCodes } = await enrolledMember()
    const res = await user.client.post('/users/two-factor/recovery-codes', { code: await freshCode(user.email) })
    expect(res.status).toBe(200)
    expect(res.body.recoveryCodes).toHaveLength(10)
    const { client } = await pendingLogin(user)
    expect((await client.post('/users/two-factor/verify', { recoveryCode: recoveryCodes![1] })).status).toBe(400)
    expect((await client.post('/users/two-factor/verify', { recoveryCode: res.body.recoveryCodes[1] })).status).toBe(200)
  })
})

describe('policy', () => {
  it('sends an administrator without two-factor to enrollment, and nothing else works meanwhile', async () => {
    const admin = await createUser(payload, { roles: ['admin'], login: false })
    const { client, res } = await pendingLogin(admin)
    expect(res.body.twoFactor).toEqual({ state: 'enroll' })
    expect((await client.get('/users/me')).body.user).toBeNull()
    expect((await client.get('/emails')).status).toBe(403)
    expect((await client.patch(`/users/${admin.id}`, { enableAPIKey: true })).status).toBe(403)
    expect((await client.post('/users/two-factor/verify', { code: '123456' })).status).toBe(409)
    const status = await client.get('/users/two-factor/status')
    expect(status.body).toMatchObject({ state: 'enroll', enabled: false, required: true })

    const setup = await client.post('/users/two-factor/setup')
    expect(setup.status).toBe(200)
    const enable = await client.post('/users/two-factor/enable', { code: await codeAt(setup.body.secret, nowStep()) })
    expect(enable.status).toBe(200)
    expect((await client.get('/users/me')).body.user?.id).toBe(admin.id)
    expect((await client.get('/emails')).status).toBe(200)
  })

  it('moderators too; members may choose', async () => {
    const moderator = await createUser(payload, { roles: ['moderator'], login: false })
    expect((await pendingLogin(moderator)).res.body.twoFactor).toEqual({ state: 'enroll' })
    const member = await createUser(payload, { login: false })
    expect((await pendingLogin(member)).res.body.twoFactor).toBeUndefined()
  })

  it('an administrator cannot turn it off; a member can, with password and code', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const refused = await admin.client.post('/users/two-factor/disable', { password: PASSWORD, code: await freshCode(admin.email) })
    expect(refused.status).toBe(403)

    const { user } = await enrolledMember()
    // The password is checked first, so this code is not spent.
    const wrongPassword = await user.client.post('/users/two-factor/disable', { password: 'not my password at all', code: '123456' })
    expect(wrongPassword.status).toBe(400)
    expect((await user.client.get('/users/two-factor/status')).body.enabled).toBe(true)
    const off = await user.client.post('/users/two-factor/disable', { password: PASSWORD, code: await freshCode(user.email) })
    expect(off.status).toBe(200)
    expect(await credentialOf(user.id)).toBeUndefined()
    expect((await pendingLogin(user)).res.body.twoFactor).toBeUndefined()
  })

  it('an administrator resets a member’s lost authenticator by deleting the credential', async () => {
    const { user } = await enrolledMember()
    const admin = await createUser(payload, { roles: ['admin'] })
    const found = await admin.client.get(`/two-factor-credentials?where[user][equals]=${user.id}`)
    expect(found.status).toBe(200)
    expect(found.body.docs).toHaveLength(1)
    expect(found.body.docs[0].secret).toBeUndefined()
    expect((await admin.client.delete(`/two-factor-credentials/${found.body.docs[0].id}`)).status).toBe(200)
    expect((await pendingLogin(user)).res.body.twoFactor).toBeUndefined()
    expect(await auditTypes(user.id)).toContain('two-factor.reset')
  })

  it('a password reset does not skip the second factor', async () => {
    const { user } = await enrolledMember()
    const token = 'reset-token-for-two-factor-test'
    const crypto = await import('node:crypto')
    await payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { resetPasswordToken: crypto.createHash('sha256').update(token).digest('hex'), resetPasswordExpiration: new Date(Date.now() + 600_000).toISOString() },
    })
    const res = await new RestClient().post('/users/reset-password', { token, password: 'a brand new passphrase 2026' })
    expect(res.status).toBe(200)
    expect(res.body.twoFactor).toEqual({ state: 'verify' })
    const client = new RestClient({ token: res.body.token })
    expect((await client.get('/users/me')).body.user).toBeNull()
  })
})

describe('remembered devices', () => {
  it('skip the second factor for 30 days until forgotten', async () => {
    const { user } = await enrolledMember()
    const browser = { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36' }
    const { client } = await pendingLogin(user, browser)
    const verify = await client.post('/users/two-factor/verify', { code: await freshCode(user.email), rememberDevice: true }, { headers: browser })
    expect(verify.status).toBe(200)
    const setCookie = verify.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/payload-2fa-device=[^;]+; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax/)
    const device = setCookie.split(';')[0]!

    const again = await pendingLogin(user, { Cookie: device })
    expect(again.res.body.twoFactor).toBeUndefined()
    expect((await again.client.get('/users/me')).body.user?.id).toBe(user.id)
    expect(await auditTypes(user.id)).toContain('two-factor.device-trusted')

    // A forged or other user's cookie does not count.
    const other = await enrolledMember()
    expect((await pendingLogin(other.user, { Cookie: device })).res.body.twoFactor).toEqual({ state: 'verify' })
    const [uid, random] = device.split('=')[1]!.split('.')
    expect((await pendingLogin(user, { Cookie: `payload-2fa-device=${uid}.${random}.forged` })).res.body.twoFactor).toEqual({ state: 'verify' })

    const list = await again.client.get('/users/two-factor/devices', { headers: { Cookie: device } })
    expect(list.body.devices).toHaveLength(1)
    expect(list.body.devices[0]).toMatchObject({ label: 'Chrome on Windows', current: true })
    expect((await again.client.delete(`/users/two-factor/devices/${list.body.devices[0].id}`)).status).toBe(200)
    expect((await pendingLogin(user, { Cookie: device })).res.body.twoFactor).toEqual({ state: 'verify' })
    // Someone else's device id is not found.
    expect((await other.user.client.delete(`/users/two-factor/devices/${list.body.devices[0].id}`)).status).toBe(404)
  })
})

describe('deleting an account', () => {
  it('removes its two-factor data with it', async () => {
    const { user } = await enrolledMember()
    await pendingLogin(user)
    await payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
    for (const collection of ['two-factor-credentials', 'two-factor-challenges', 'two-factor-used-codes'] as const) {
      const { totalDocs } = await payload.count({ collection, where: { user: { equals: user.id } }, overrideAccess: true })
      expect(totalDocs, collection).toBe(0)
    }
  })
})
