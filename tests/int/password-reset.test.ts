import crypto from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, emailsTo, lastEmailTo, PASSWORD, storedUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const NEW_PASSWORD = 'a brand new night shift 77'

/** Asks for a reset link and returns the token the member received by email. */
async function requestReset(email: string, client = new RestClient()) {
  const res = await client.post('/users/forgot-password', { email })
  expect(res.status).toBe(200)
  const mail = await lastEmailTo(payload, email)
  expect(mail?.subject).toMatch(/reset/i)
  const link = mail!.html!.match(/href="([^"]+)"/)![1].replace(/&amp;/g, '&')
  const url = new URL(link)
  expect(url.origin).toBe('http://localhost:3000')
  expect(url.pathname).toBe('/reset-password')
  const token = url.searchParams.get('token')!
  expect(token).toMatch(/^[0-9a-f]{40}$/)
  return token
}

describe('forgot password', () => {
  it('emails a link with a token, and stores only a hash of it, valid for 30 minutes', async () => {
    const user = await createUser(payload, { login: false })
    const before = Date.now()
    const token = await requestReset(user.email)
    const row = await storedUser(payload, user.id)
    expect(row.resetPasswordToken).toBeTruthy()
    expect(row.resetPasswordToken).not.toBe(token)
    expect(row.resetPasswordToken).not.toContain(token)
    expect(row.resetPasswordToken).toBe(crypto.createHash('sha256').update(token).digest('hex'))
    const expiresIn = new Date(row.resetPasswordExpiration).getTime() - before
    expect(expiresIn).toBeGreaterThan(29 * 60 * 1000)
    expect(expiresIn).toBeLessThanOrEqual(30 * 60 * 1000 + 5000)
  })

  it('answers the same for an unknown address, and sends nothing', async () => {
    const user = await createUser(payload, { login: false })
    const known = await new RestClient().post('/users/forgot-password', { email: user.email })
    const unknownEmail = `nobody-${Date.now()}@example.test`
    const unknown = await new RestClient().post('/users/forgot-password', { email: unknownEmail })
    expect(unknown.status).toBe(known.status)
    expect(unknown.body).toEqual(known.body)
    expect(await emailsTo(payload, unknownEmail)).toHaveLength(0)
  })

  it('is limited to 3 requests per hour per account, from any address', async () => {
    const user = await createUser(payload, { login: false })
    for (let i = 0; i < 3; i++) expect((await new RestClient().post('/users/forgot-password', { email: user.email })).status).toBe(200)
    const fourth = await new RestClient().post('/users/forgot-password', { email: user.email.toUpperCase() })
    expect(fourth.status).toBe(429)
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
    // Someone else's account is not affected.
    const other = await createUser(payload, { login: false })
    expect((await new RestClient().post('/users/forgot-password', { email: other.email })).status).toBe(200)
  })
})

describe('reset password', () => {
  it('the emailed token sets a new password and signs the member in', async () => {
    const user = await createUser(payload, { login: false })
    const token = await requestReset(user.email)
    const client = new RestClient()
    const res = await client.post('/users/reset-password', { token, password: NEW_PASSWORD })
    expect(res.status).toBe(200)
    expect(typeof res.body.token).toBe('string')
    expect(res.headers.get('set-cookie')).toContain('payload-token=')
    expect((await new RestClient({ token: res.body.token }).get('/users/me')).body.user?.id).toBe(user.id)

    expect((await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })).status).toBe(401)
    expect((await new RestClient().post('/users/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200)
  })

  it('the stored hash is not a usable token', async () => {
    const user = await createUser(payload, { login: false })
    await requestReset(user.email)
    const stored = (await storedUser(payload, user.id)).resetPasswordToken
    const res = await new RestClient().post('/users/reset-password', { token: stored, password: NEW_PASSWORD })
    expect(res.status).toBe(403)
    expect((await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })).status).toBe(200)
  })

  it('a token works once', async () => {
    const user = await createUser(payload, { login: false })
    const token = await requestReset(user.email)
    expect((await new RestClient().post('/users/reset-password', { token, password: NEW_PASSWORD })).status).toBe(200)
    const again = await new RestClient().post('/users/reset-password', { token, password: 'yet another long phrase 9' })
    expect(again.status).toBe(403)
    expect(again.body.token).toBeUndefined()
    expect((await new RestClient().post('/users/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200)
  })

  it('a token older than 30 minutes is refused', async () => {
    const user = await createUser(payload, { login: false })
    const token = await requestReset(user.email)
    await payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { resetPasswordExpiration: new Date(Date.now() - 1000).toISOString() },
    })
    const res = await new RestClient().post('/users/reset-password', { token, password: NEW_PASSWORD })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/invalid or has expired/)
    expect((await new RestClient().post('/users/login', { email: user.email, password: PASSWORD })).status).toBe(200)
  })

  it('ends every other session of the member', async () => {
    const user = await createUser(payload)
    const otherDevice = new RestClient()
    await otherDevice.login(user.email, PASSWORD)
    expect((await user.client.get('/users/me')).body.user?.id).toBe(user.id)

    const token = await requestReset(user.email)
    const res = await new RestClient().post('/users/reset-password', { token, password: NEW_PASSWORD })
    expect(res.status).toBe(200)

    expect((await user.client.get('/users/me')).body.user).toBeNull()
    expect((await otherDevice.get('/users/me')).body.user).toBeNull()
    expect((await user.client.post('/users/refresh-token')).status).toBeGreaterThanOrEqual(400)
    expect((await new RestClient({ token: res.body.token }).get('/users/me')).body.user?.id).toBe(user.id)
  })

  it('applies the password policy: short or common passwords are refused and nothing changes', async () => {
    const user = await createUser(payload, { login: false })
    const token = await requestReset(user.email)
    const before = await storedUser(payload, user.id)
    for (const [password, message] of [
      ['short1', /12 characters/],
      ['123456789012', /too common/],
      ['passwordpassword', /too common/],
      ['aaaaaaaaaaaaaaa', /repeated/],
    ] as const) {
      const res = await new RestClient().post('/users/reset-password', { token, password })
      expect(res.status, password).toBe(400)
      expect(JSON.stringify(res.body.errors), password).toMatch(message)
    }
    const after = await storedUser(payload, user.id)
    expect(after.hash).toBe(before.hash)
    expect(after.salt).toBe(before.salt)
    // The refused attempts did not burn the token: a good password still goes through.
    expect((await new RestClient().post('/users/reset-password', { token, password: NEW_PASSWORD })).status).toBe(200)
  })

  it('refuses a made-up token', async () => {
    const res = await new RestClient().post('/users/reset-password', {
      token: crypto.randomBytes(20).toString('hex'),
      password: NEW_PASSWORD,
    })
    expect(res.status).toBe(403)
  })
})
