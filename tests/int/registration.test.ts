import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { lastEmailTo } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const codeFrom = (subject: string) => subject.match(/\b(\d{6})\b/)?.[1]

describe('registration with an emailed 6-digit code', () => {
  it('registers, emails a code, confirms it and signs the member in', async () => {
    const client = new RestClient()
    const email = `new-${Date.now()}@example.test`
    const res = await client.post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Ada Okafor' })
    expect(res.status).toBe(202)

    const login = await client.post('/users/login', { email, password: 'a quiet ward at 3am' })
    expect(login.status).toBe(403) // not confirmed yet

    const mail = await lastEmailTo(payload, email)
    const code = codeFrom(mail!.subject)
    expect(code).toMatch(/^\d{6}$/)
    const stored = await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })
    expect(JSON.stringify(stored)).not.toContain(code!) // only a keyed hash is stored

    const verified = await client.post('/users/verify-code', { email, code })
    expect(verified.status).toBe(200)
    expect(verified.headers.get('set-cookie')).toContain('payload-token=')
    client.token = verified.body.token
    const me = await client.get('/users/me')
    expect(me.body.user.email).toBe(email)

    const again = await new RestClient().post('/users/verify-code', { email, code })
    expect(again.status).toBe(400) // single use
  })

  it('refuses short and common passwords with a clear 400 and creates nothing', async () => {
    const client = new RestClient()
    const email = `weak-${Date.now()}@example.test`
    const short = await client.post('/users/register', { email, password: 'short', name: 'Dr Weak' })
    expect(short.status).toBe(400)
    expect(short.body.errors[0].message).toMatch(/12 characters/)
    const common = await client.post('/users/register', { email, password: '1q2w3e4r5t6y', name: 'Dr Weak' })
    expect(common.status).toBe(400)
    expect(common.body.errors[0].message).toMatch(/too common/)
    const found = await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })
    expect(found).toBeNull()
  })

  it('locks the code after five wrong tries', async () => {
    const client = new RestClient()
    const email = `tries-${Date.now()}@example.test`
    await client.post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Tries' })
    const code = codeFrom((await lastEmailTo(payload, email))!.subject)!
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) expect((await client.post('/users/verify-code', { email, code: wrong })).status).toBe(400)
    const right = await client.post('/users/verify-code', { email, code })
    expect(right.status).toBe(400)
    expect(right.body.errors[0].reason).toBe('exhausted')
  })
})
