import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

/**
 * A local stand-in for SendGrid's v3 Mail Send API (POST /v3/mail/send), strict about what the real
 * one requires: a Bearer key, a JSON body with personalizations[].to[].email, from.email, subject and
 * content[] of text/plain then text/html. It answers 202 with an X-Message-Id, like SendGrid.
 */
type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: any }
const API_KEY = 'SG.local-test-key.0123456789abcdefghijklmnopqrstuvwxyz'
const received: Received[] = []
let failWith: { status: number; body: unknown } | null = null

function problems(req: Received): string[] {
  const out: string[] = []
  const b = req.body
  if (req.headers['content-type']?.split(';')[0] !== 'application/json') out.push('content-type')
  if (!Array.isArray(b?.personalizations) || !b.personalizations.length) out.push('personalizations')
  for (const p of b?.personalizations ?? []) {
    if (!Array.isArray(p.to) || !p.to.length || !p.to.every((t: any) => /^[^@\s]+@[^@\s]+$/.test(t.email))) out.push('personalizations.to')
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(b?.from?.email ?? '')) out.push('from.email')
  if (typeof b?.subject !== 'string' || !b.subject) out.push('subject')
  const types = (b?.content ?? []).map((c: any) => c.type)
  if (types[0] !== 'text/plain') out.push('content[0] must be text/plain')
  if (!(b?.content ?? []).every((c: any) => typeof c.value === 'string' && c.value.length > 0)) out.push('content.value')
  return out
}

const server = http.createServer((req, res) => {
  let raw = ''
  req.on('data', (c) => (raw += c))
  req.on('end', () => {
    const entry: Received = { method: req.method!, url: req.url!, headers: req.headers, body: null }
    try {
      entry.body = JSON.parse(raw)
    } catch {
      /* refused below */
    }
    received.push(entry)
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers })
      res.end(body ? JSON.stringify(body) : undefined)
    }
    if (req.method !== 'POST' || req.url !== '/v3/mail/send') return send(404, { errors: [{ message: 'Not found' }] })
    if (req.headers.authorization !== `Bearer ${API_KEY}`) {
      return send(401, { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] })
    }
    if (failWith) return send(failWith.status, failWith.body)
    const wrong = problems(entry)
    if (wrong.length) return send(400, { errors: wrong.map((field) => ({ message: `Invalid ${field}`, field, help: null })) })
    send(202, undefined, { 'X-Message-Id': `local-${received.length}` })
  })
})

let payload: Payload
let RestClient: typeof import('../helpers/rest').RestClient

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  // Before the config is first imported: the email adapter is chosen from these when it loads.
  process.env.SENDGRID_API_KEY = API_KEY
  process.env.SENDGRID_API_URL = `http://127.0.0.1:${port}`
  process.env.EMAIL_FROM_ADDRESS = 'hello@rounds.example'
  process.env.EMAIL_FROM_NAME = 'Rounds'
  const { getPayload } = await import('payload')
  const config = (await import('@payload-config')).default
  payload = await getPayload({ config })
  ;(payload.db as unknown as { pool: { on: (e: string, f: () => void) => void } }).pool.on('error', () => {})
  ;({ RestClient } = await import('../helpers/rest'))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  received.length = 0
  failWith = null
})

const sentTo = (email: string) => received.filter((r) => r.body?.personalizations?.some((p: any) => p.to.some((t: any) => t.email === email)))

describe('email through SendGrid', () => {
  it('uses the SendGrid adapter, not the outbox', () => {
    expect(payload.email).toMatchObject({ name: 'sendgrid' })
  })

  it('registration sends the verification code through POST /v3/mail/send', async () => {
    const email = `sg-${Date.now()}@example.test`
    const client = new RestClient()
    const res = await client.post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Grace Send' })
    expect(res.status).toBe(202)

    const requests = sentTo(email)
    expect(requests).toHaveLength(1)
    const [request] = requests
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/v3/mail/send')
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(problems(request)).toEqual([])
    const body = request.body
    expect(body.personalizations).toHaveLength(1)
    expect(body.personalizations[0].to).toEqual([{ email }])
    expect(body.from).toEqual({ email: 'hello@rounds.example', name: 'Rounds' })
    expect(body.subject).toMatch(/^\d{6} is your Rounds verification code$/)
    const code = body.subject.match(/\d{6}/)[0]
    const text = body.content.find((c: any) => c.type === 'text/plain').value
    const html = body.content.find((c: any) => c.type === 'text/html').value
    expect(text).toContain(code)
    expect(html).toContain(code)
    expect(html).toContain('<html>')

    // The code that SendGrid delivered is the one that confirms the account.
    const verified = await client.post('/users/verify-code', { email, code })
    expect(verified.status).toBe(200)

    // Nothing went to the outbox.
    const outbox = await payload.find({ collection: 'emails', where: { to: { contains: email } }, overrideAccess: true })
    expect(outbox.totalDocs).toBe(0)
  })

  it('a password reset email carries its link in both text and HTML parts', async () => {
    const email = `sg-reset-${Date.now()}@example.test`
    await payload.create({
      collection: 'users',
      data: { email, password: 'a quiet ward at 3am', name: 'Dr Reset', _verified: true } as never,
      disableVerificationEmail: true,
    })
    const res = await new RestClient().post('/users/forgot-password', { email })
    expect(res.status).toBe(200)
    const [request] = sentTo(email)
    expect(request.body.subject).toBe('Reset your Rounds password')
    const text = request.body.content.find((c: any) => c.type === 'text/plain').value
    const html = request.body.content.find((c: any) => c.type === 'text/html').value
    expect(html).toMatch(/reset-password\?token=[0-9a-f]{40}/)
    expect(text).toMatch(/reset-password\?token=[0-9a-f]{40}/)
  })

  it('a refusal from SendGrid is an error for the caller, not a silent success', async () => {
    failWith = { status: 400, body: { errors: [{ message: 'The from address does not match a verified Sender Identity.', field: 'from', help: null }] } }
    const email = `sg-fail-${Date.now()}@example.test`
    const res = await new RestClient().post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Failed Send' })
    expect(sentTo(email)).toHaveLength(1)
    expect(res.status).toBeGreaterThanOrEqual(500)
    expect(res.status).not.toBe(202)
    expect(res.body.errors[0].message).toMatch(/email/i)
    // Nothing of SendGrid's answer (or our key) is passed on to the caller.
    expect(JSON.stringify(res.body)).not.toContain('Sender Identity')
    expect(JSON.stringify(res.body)).not.toContain(API_KEY)

    // Once SendGrid accepts again, registering again sends a fresh code to the same address.
    failWith = null
    const retry = await new RestClient().post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Failed Send' })
    expect(retry.status).toBe(202)
    expect(sentTo(email)).toHaveLength(2)
  })

  it('a rejected key (401) is an error too', async () => {
    failWith = { status: 401, body: { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked' }] } }
    const email = `sg-401-${Date.now()}@example.test`
    const res = await new RestClient().post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Unauthorised' })
    expect(res.status).toBeGreaterThanOrEqual(500)
    expect(JSON.stringify(res.body)).not.toContain('authorization grant')
  })
})
