import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { startIdentityCheck } from '@/domain/trust/verification/identityCheck'
import { SIGNATURE_HEADER, signWebhook } from '@/domain/trust/verification/provider'
import { expireVerifications } from '@/domain/trust/verification/rules'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let moderator: TestUser
let admin: TestUser

let pdfBytes: Buffer
const pdf = () => pdfBytes
const png = () => sharp({ create: { width: 24, height: 24, channels: 3, background: '#0e7490' } }).png().toBuffer()

function form(fields: Record<string, unknown> | null, file?: { data: Buffer; name: string; type: string }) {
  const body = new FormData()
  if (fields) body.append('_payload', JSON.stringify(fields))
  if (file) body.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  return body
}

const LICENCE = { licenceNumber: 'GMC-7654321', jurisdiction: 'United Kingdom (GMC)' }

async function submit(user: TestUser, fields: Record<string, unknown> | null = LICENCE, file: { data: Buffer; name: string; type: string } | null = { data: pdf(), name: 'licence.pdf', type: 'application/pdf' }) {
  return user.client.post('/licence-verifications/submit', form(fields, file ?? undefined))
}

async function submitted(user: TestUser) {
  const res = await submit(user)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number; document: number; status: string }
}

const statusOf = async (id: number) => {
  const [row] = await query<{ status: string; until: Date | null; number: string | null }>(
    payload,
    sql`select verification_status as status, verified_until as until, licence_number as number from users where id = ${id}`,
  )
  return row
}
const submission = async (id: number) => (await payload.findByID({ collection: 'licence-verifications', id, overrideAccess: true, depth: 0 })) as unknown as Record<string, any>
const audits = async (user: number, type: string) =>
  (await payload.find({ collection: 'audit-events', where: { user: { equals: user }, type: { equals: type } }, overrideAccess: true, depth: 0 })).docs as unknown as Record<string, any>[]
const notices = async (user: number) =>
  (await payload.find({ collection: 'notifications', where: { recipient: { equals: user }, type: { equals: 'verification' } }, overrideAccess: true, depth: 0, sort: '-activityAt' }))
    .docs as unknown as { detail: string; subjectKey: string }[]
const submissionsOf = async (user: number) =>
  (await payload.find({ collection: 'licence-verifications', where: { user: { equals: user } }, overrideAccess: true, depth: 0 })).docs

beforeAll(async () => {
  payload = await testPayload()
  const made = await PDFDocument.create()
  made.addPage([200, 100]).drawText('Medical licence', { x: 10, y: 50, size: 12 })
  pdfBytes = Buffer.from(await made.save())
  ;[moderator, admin] = await Promise.all([createUser(payload, { roles: ['moderator'] }), createUser(payload, { roles: ['admin'] })])
})

describe('submitting a licence', () => {
  it('stores the request and the private document, and makes the member pending', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    expect(doc.status).toBe('submitted')
    expect((await statusOf(doctor.id)).status).toBe('pending')
    const stored = await submission(doc.id)
    expect(stored).toMatchObject({ user: doctor.id, licenceNumber: LICENCE.licenceNumber, jurisdiction: LICENCE.jurisdiction, previousStatus: 'unverified' })
    expect(stored.submittedAt).toBeTruthy()
    const own = await doctor.client.get(`/licence-verifications/${doc.id}`)
    expect(own.status).toBe(200)
    const file = await payload.findByID({ collection: 'licence-documents', id: doc.document, overrideAccess: true })
    expect(file).toMatchObject({ owner: doctor.id, mimeType: 'application/pdf' })
    expect((await audits(doctor.id, 'verification.submitted')).length).toBe(1)
  })

  it('a PNG is accepted; a second open request is refused (409)', async () => {
    const doctor = await createUser(payload)
    const res = await submit(doctor, LICENCE, { data: await png(), name: 'scan.png', type: 'image/png' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const again = await submit(doctor)
    expect(again.status).toBe(409)
    expect((await submissionsOf(doctor.id)).length).toBe(1)
  })

  it('one open request under concurrency: of five simultaneous submissions, one is stored', async () => {
    const doctor = await createUser(payload)
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(doctor)))
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409])
    expect((await submissionsOf(doctor.id)).length).toBe(1)
    const documents = await payload.find({ collection: 'licence-documents', where: { owner: { equals: doctor.id } }, overrideAccess: true })
    expect(documents.totalDocs).toBe(1)
  })

  it('the database itself holds one open request per member (partial unique index)', async () => {
    const doctor = await createUser(payload)
    const first = await submitted(doctor)
    await expect(
      query(
        payload,
        sql`insert into licence_verifications (user_id, licence_number, jurisdiction, document_id, status, submitted_at, updated_at, created_at)
            values (${doctor.id}, 'X', 'Y', ${first.document}, 'submitted', now(), now(), now())`,
      ),
    ).rejects.toThrow()
  })

  it('bad input is 4xx with nothing stored', async () => {
    const doctor = await createUser(payload)
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const cases: [Promise<{ status: number }>, number][] = [
      [submit(doctor, { ...LICENCE, licenceNumber: '' }), 400],
      [submit(doctor, { jurisdiction: 'UK' }), 400],
      [submit(doctor, { ...LICENCE, licenceNumber: 'x'.repeat(65) }), 400],
      [submit(doctor, { ...LICENCE, status: 'approved' }), 400],
      [submit(doctor, LICENCE, null), 400],
      [submit(doctor, LICENCE, { data: text, name: 'licence.pdf', type: 'application/pdf' }), 415],
      [submit(doctor, LICENCE, { data: Buffer.from('just text'), name: 'licence.png', type: 'image/png' }), 415],
      [submit(doctor, LICENCE, { data: Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)]), name: 'big.pdf', type: 'application/pdf' }), 413],
    ]
    for (const [pending, status] of cases) expect((await pending).status).toBe(status)
    expect(await submissionsOf(doctor.id)).toHaveLength(0)
    expect((await payload.find({ collection: 'licence-documents', where: { owner: { equals: doctor.id } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await statusOf(doctor.id)).status).toBe('unverified')
    expect((await new RestClient().post('/licence-verifications/submit', form(LICENCE, { data: pdf(), name: 'a.pdf', type: 'application/pdf' }))).status).toBe(401)
  })

  it('the generic API cannot create or change requests, not even the member own', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    expect((await doctor.client.patch(`/licence-verifications/${doc.id}`, { status: 'approved' })).status).toBe(403)
    expect((await doctor.client.post('/licence-verifications', { ...LICENCE, user: doctor.id, document: doc.document, submittedAt: new Date().toISOString() })).status).toBe(403)
    expect((await doctor.client.patch(`/users/${doctor.id}`, { verificationStatus: 'verified', verifiedUntil: '2099-01-01T00:00:00.000Z' })).status).toBe(200)
    const after = await statusOf(doctor.id)
    expect(after.status).toBe('pending')
    expect(after.until).toBeNull()
  })

  it('a member withdraws their open request and returns to their earlier status', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    const other = await createUser(payload)
    expect((await other.client.post(`/licence-verifications/${doc.id}/withdraw`)).status).toBe(404)
    const res = await doctor.client.post(`/licence-verifications/${doc.id}/withdraw`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await submission(doc.id)).status).toBe('withdrawn')
    expect((await statusOf(doctor.id)).status).toBe('unverified')
    expect((await doctor.client.post(`/licence-verifications/${doc.id}/withdraw`)).status).toBe(409)
  })
})

describe('documents are private', () => {
  it('the owner and reviewers read the document and its file; another member, an editor and visitors do not', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    const meta = await doctor.client.get(`/licence-documents/${doc.document}`)
    expect(meta.status).toBe(200)
    const url = new URL(meta.body.url, 'http://localhost:3000').pathname.replace(/^\/api/, '')
    expect(url).toMatch(/^\/licence-documents\/file\//)

    const ownFile = await doctor.client.raw('GET', url)
    expect(ownFile.status).toBe(200)
    expect(Buffer.from(await ownFile.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF')
    expect(ownFile.headers.get('cache-control')).toContain('private')
    expect((await moderator.client.raw('GET', url)).status).toBe(200)

    const [other, editor] = await Promise.all([createUser(payload), createUser(payload, { roles: ['editor'] })])
    const anonymous = new RestClient()
    for (const client of [other.client, editor.client]) {
      expect([403, 404]).toContain((await client.get(`/licence-documents/${doc.document}`)).status)
      expect([403, 404]).toContain((await client.raw('GET', url)).status)
      expect([403, 404]).toContain((await client.get(`/licence-verifications/${doc.id}`)).status)
      expect((await client.get(`/licence-verifications?where[user][equals]=${doctor.id}`)).body.docs ?? []).toHaveLength(0)
    }
    expect([401, 403]).toContain((await anonymous.get(`/licence-documents/${doc.document}`)).status)
    expect([401, 403]).toContain((await anonymous.raw('GET', url)).status)
    expect([401, 403]).toContain((await anonymous.get(`/licence-verifications/${doc.id}`)).status)
    // Not reachable through the public media route either.
    expect((await anonymous.raw('GET', `/media/file/${url.split('/').pop()}`)).status).not.toBe(200)
  })
})

describe('review by staff', () => {
  it('a moderator approves: verified until the given date, licence copied, audit with actor, notification', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    const until = new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString()
    const res = await moderator.client.post(`/licence-verifications/${doc.id}/approve`, { expiresAt: until })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const user = await statusOf(doctor.id)
    expect(user.status).toBe('verified')
    expect(new Date(user.until!).toISOString()).toBe(until)
    expect(user.number).toBe(LICENCE.licenceNumber)
    expect(await submission(doc.id)).toMatchObject({ status: 'approved', reviewer: moderator.id, expiresAt: until })
    const [audit] = await audits(doctor.id, 'verification.approved')
    expect(audit).toMatchObject({ actor: moderator.id })
    expect(await notices(doctor.id)).toMatchObject([{ detail: 'approved', subjectKey: `licence-verification:${doc.id}` }])
    const feed = await doctor.client.get('/notifications/feed')
    expect(feed.body.docs[0]).toMatchObject({ type: 'verification', link: '/settings/verification', text: 'Your licence is verified' })
    // Decided once: a second decision is a conflict.
    expect((await admin.client.post(`/licence-verifications/${doc.id}/reject`, { reason: 'Changed my mind' })).status).toBe(409)
    // Verified members have nothing to submit.
    expect((await submit(doctor)).status).toBe(409)
  })

  it('approval without a date holds for one year', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    expect((await admin.client.post(`/licence-verifications/${doc.id}/approve`, {})).status).toBe(200)
    const until = new Date((await statusOf(doctor.id)).until!).getTime()
    expect(Math.abs(until - (Date.now() + 365 * 24 * 3600 * 1000))).toBeLessThan(60_000)
    expect((await audits(doctor.id, 'verification.approved'))[0]).toMatchObject({ actor: admin.id })
  })

  it('rejecting needs a reason (400, nothing changed); with one the member is rejected, told, and may resubmit', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    for (const body of [{}, { reason: '' }, { reason: '  ' }, { reason: 'x'.repeat(1001) }]) {
      expect((await moderator.client.post(`/licence-verifications/${doc.id}/reject`, body)).status).toBe(400)
    }
    expect((await moderator.client.post(`/licence-verifications/${doc.id}/approve`, { expiresAt: '2001-01-01' })).status).toBe(400)
    expect((await moderator.client.post(`/licence-verifications/${doc.id}/approve`, { expiresAt: 'soon' })).status).toBe(400)
    expect((await submission(doc.id)).status).toBe('submitted')
    expect((await statusOf(doctor.id)).status).toBe('pending')
    expect(await audits(doctor.id, 'verification.rejected')).toHaveLength(0)
    expect(await notices(doctor.id)).toHaveLength(0)

    const res = await moderator.client.post(`/licence-verifications/${doc.id}/reject`, { reason: 'The document is unreadable.' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await submission(doc.id)).toMatchObject({ status: 'rejected', reason: 'The document is unreadable.', reviewer: moderator.id })
    expect((await statusOf(doctor.id)).status).toBe('rejected')
    expect((await audits(doctor.id, 'verification.rejected'))[0]).toMatchObject({ actor: moderator.id, detail: { reason: 'The document is unreadable.' } })
    expect(await notices(doctor.id)).toMatchObject([{ detail: 'rejected' }])
    // The member reads the reason on their own request.
    expect((await doctor.client.get(`/licence-verifications/${doc.id}`)).body.reason).toBe('The document is unreadable.')
    const again = await submitted(doctor)
    expect((await submission(again.id)).previousStatus).toBe('rejected')
    expect((await statusOf(doctor.id)).status).toBe('pending')
  })

  it('only moderators and admins decide (403 for members, verified doctors, instructors, editors; 401 anonymous)', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    const others = await Promise.all([
      createUser(payload),
      createUser(payload, { verificationStatus: 'verified' }),
      createUser(payload, { roles: ['instructor'] }),
      createUser(payload, { roles: ['editor'] }),
    ])
    for (const other of [...others, doctor]) {
      expect((await other.client.post(`/licence-verifications/${doc.id}/approve`, {})).status).toBe(403)
      expect((await other.client.post(`/licence-verifications/${doc.id}/reject`, { reason: 'No reason' })).status).toBe(403)
    }
    expect((await new RestClient().post(`/licence-verifications/${doc.id}/approve`, {})).status).toBe(401)
    expect((await submission(doc.id)).status).toBe('submitted')
    expect((await statusOf(doctor.id)).status).toBe('pending')
    expect((await moderator.client.post('/licence-verifications/999999999/approve', {})).status).toBe(404)
  })

  it('a reviewer cannot decide on their own request', async () => {
    const mod = await createUser(payload, { roles: ['moderator'] })
    const doc = await submitted(mod)
    expect((await mod.client.post(`/licence-verifications/${doc.id}/approve`, {})).status).toBe(403)
  })

  it('two reviewers deciding at once: one decision wins, one audit event, one notification', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    const [a, b] = await Promise.all([
      moderator.client.post(`/licence-verifications/${doc.id}/approve`, {}),
      admin.client.post(`/licence-verifications/${doc.id}/reject`, { reason: 'Expired licence' }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const decided = (await audits(doctor.id, 'verification.approved')).length + (await audits(doctor.id, 'verification.rejected')).length
    expect(decided).toBe(1)
    expect(await notices(doctor.id)).toHaveLength(1)
  })

  it('staff revoke a verified member with a reason: revoked, audit, notification; others 403', async () => {
    const doctor = await createUser(payload)
    const doc = await submitted(doctor)
    await moderator.client.post(`/licence-verifications/${doc.id}/approve`, {})
    const member = await createUser(payload, { verificationStatus: 'verified' })
    expect((await member.client.post(`/users/${doctor.id}/revoke-verification`, { reason: 'Struck off' })).status).toBe(403)
    expect((await moderator.client.post(`/users/${doctor.id}/revoke-verification`, {})).status).toBe(400)
    expect((await statusOf(doctor.id)).status).toBe('verified')
    const res = await moderator.client.post(`/users/${doctor.id}/revoke-verification`, { reason: 'Struck off the register' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const user = await statusOf(doctor.id)
    expect(user).toMatchObject({ status: 'revoked', until: null })
    expect((await audits(doctor.id, 'verification.revoked'))[0]).toMatchObject({ actor: moderator.id, detail: { reason: 'Struck off the register' } })
    expect(await notices(doctor.id)).toMatchObject([{ detail: 'revoked', subjectKey: `licence-verification:${doc.id}` }])
    expect((await moderator.client.post(`/users/${doctor.id}/revoke-verification`, { reason: 'Again' })).status).toBe(409)
  })
})

describe('expiry', () => {
  it('the daily task moves verified members past their date to expired, once', async () => {
    const [gone, still, forever] = await Promise.all([createUser(payload), createUser(payload), createUser(payload, { verificationStatus: 'verified' })])
    const g = await submitted(gone)
    const s = await submitted(still)
    await admin.client.post(`/licence-verifications/${g.id}/approve`, { expiresAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString() })
    await admin.client.post(`/licence-verifications/${s.id}/approve`, { expiresAt: new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString() })
    const now = new Date(Date.now() + 5 * 24 * 3600 * 1000)
    const first = await expireVerifications(payload, now)
    expect(first.expired).toBeGreaterThanOrEqual(1)
    expect((await statusOf(gone.id)).status).toBe('expired')
    expect((await statusOf(still.id)).status).toBe('verified')
    expect((await statusOf(forever.id)).status).toBe('verified')
    expect(await audits(gone.id, 'verification.expired')).toHaveLength(1)
    expect(await notices(gone.id)).toMatchObject([{ detail: 'expired' }])
    // Run again (a retried or doubled job): nothing more happens.
    await Promise.all([expireVerifications(payload, now), expireVerifications(payload, now)])
    expect(await audits(gone.id, 'verification.expired')).toHaveLength(1)
    // The member may submit again.
    await submitted(gone)
    expect((await statusOf(gone.id)).status).toBe('pending')
  })
})

describe('external identity check', () => {
  const SECRET = 'whsec_test_0123456789'
  const KEY = 'idk_test_key_42'
  let server: http.Server
  let received: { auth?: string; body: any }[] = []
  let nextId = 0
  const saved = { ...process.env }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = ''
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(raw || '{}') })
        if (req.headers.authorization !== `Bearer ${KEY}`) {
          res.writeHead(401).end()
          return
        }
        res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `chk_${++nextId}_${Date.now()}`, status: 'pending' }))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    Object.assign(process.env, { IDENTITY_CHECK_URL: `http://127.0.0.1:${port}/v1/checks`, IDENTITY_CHECK_API_KEY: KEY, IDENTITY_CHECK_WEBHOOK_SECRET: SECRET })
    delete process.env.IDENTITY_CHECK_AUTO_APPROVE
  })
  afterAll(async () => {
    for (const k of ['IDENTITY_CHECK_URL', 'IDENTITY_CHECK_API_KEY', 'IDENTITY_CHECK_WEBHOOK_SECRET', 'IDENTITY_CHECK_AUTO_APPROVE']) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
    await new Promise((r) => server.close(r))
  })

  const hook = (body: unknown, opts: { secret?: string; at?: number; header?: string } = {}) => {
    const raw = JSON.stringify(body)
    const header = opts.header ?? signWebhook(raw, opts.secret ?? SECRET, opts.at)
    return postRaw(raw, header)
  }
  async function postRaw(raw: string, header: string) {
    const { REST_POST } = await import('@payloadcms/next/routes')
    const config = (await import('@payload-config')).default
    const req = new Request('http://localhost:3000/api/licence-verifications/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: header, 'x-rounds-client-ip': '10.9.9.9' },
      body: raw,
    })
    const res = await REST_POST(config)(req, { params: Promise.resolve({ slug: ['licence-verifications', 'webhook'] }) })
    return { status: res.status, body: await res.json().catch(() => null) }
  }

  async function started(doctor: TestUser) {
    const doc = await submitted(doctor)
    const result = await startIdentityCheck(payload, doc.id)
    expect(result.started).toBe(true)
    return { doc, reference: (result as { reference: string }).reference }
  }

  it('start sends the request to the provider with the API key and keeps its reference', async () => {
    received = []
    const doctor = await createUser(payload)
    const { doc, reference } = await started(doctor)
    expect(received).toHaveLength(1)
    expect(received[0].auth).toBe(`Bearer ${KEY}`)
    expect(received[0].body).toMatchObject({ external_id: `licence-verification:${doc.id}`, document: { number: LICENCE.licenceNumber, jurisdiction: LICENCE.jurisdiction } })
    expect((await submission(doc.id)).providerCheck).toMatchObject({ reference, result: 'started' })
    // Started once: running the task again asks nothing more of the provider.
    expect((await startIdentityCheck(payload, doc.id)).started).toBe(false)
    expect(received).toHaveLength(1)
    // Submitting queues the start as a job.
    const other = await createUser(payload)
    const queued = await submitted(other)
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'identityCheckStart' } }, overrideAccess: true, limit: 100 })
    expect(jobs.docs.some((j) => (j.input as { verification?: number })?.verification === queued.id)).toBe(true)
  })

  it('a signed webhook records the result for the reviewer; a replay has one effect', async () => {
    const doctor = await createUser(payload)
    const { doc, reference } = await started(doctor)
    const event = { id: `evt_${reference}`, type: 'check.completed', data: { id: reference, result: 'consider' } }
    const res = await hook(event)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await submission(doc.id)).providerCheck).toMatchObject({ result: 'consider' })
    expect((await submission(doc.id)).status).toBe('submitted')
    const replays = await Promise.all([hook(event), hook(event), hook(event)])
    expect(replays.map((r) => r.status)).toEqual([200, 200, 200])
    expect(replays.every((r) => r.body.duplicate === true)).toBe(true)
    const stored = await payload.find({ collection: 'identity-check-events', where: { eventId: { equals: event.id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
    expect(await audits(doctor.id, 'verification.checked')).toHaveLength(1)
  })

  it('a bad signature or an old timestamp is 400 and nothing is stored', async () => {
    const doctor = await createUser(payload)
    const { doc, reference } = await started(doctor)
    const event = { id: `evt_bad_${reference}`, type: 'check.completed', data: { id: reference, result: 'clear' } }
    expect((await hook(event, { secret: 'not-the-secret' })).status).toBe(400)
    expect((await hook(event, { at: Math.floor(Date.now() / 1000) - 301 })).status).toBe(400)
    expect((await hook(event, { at: Math.floor(Date.now() / 1000) + 400 })).status).toBe(400)
    expect((await hook(event, { header: 'garbage' })).status).toBe(400)
    expect((await postRaw(JSON.stringify({ ...event, data: { id: reference, result: 'clear', extra: 1 } }), signWebhook(JSON.stringify(event), SECRET))).status).toBe(400)
    const stored = await payload.find({ collection: 'identity-check-events', where: { eventId: { equals: event.id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(0)
    expect((await submission(doc.id)).providerCheck).toMatchObject({ result: 'started' })
  })

  it('a clear result approves by itself only when IDENTITY_CHECK_AUTO_APPROVE=true', async () => {
    const shown = await createUser(payload)
    const a = await started(shown)
    expect((await hook({ id: `evt_clear_${a.reference}`, type: 'check.completed', data: { id: a.reference, result: 'clear' } })).status).toBe(200)
    expect(await submission(a.doc.id)).toMatchObject({ status: 'submitted', providerCheck: { result: 'clear' } })
    expect((await statusOf(shown.id)).status).toBe('pending')

    process.env.IDENTITY_CHECK_AUTO_APPROVE = 'true'
    try {
      const auto = await createUser(payload)
      const b = await started(auto)
      const res = await hook({ id: `evt_clear_${b.reference}`, type: 'check.completed', data: { id: b.reference, result: 'clear' } })
      expect(res.body).toMatchObject({ approved: true })
      expect(await submission(b.doc.id)).toMatchObject({ status: 'approved', reviewer: null })
      expect((await statusOf(auto.id)).status).toBe('verified')
      expect((await audits(auto.id, 'verification.approved'))[0]).toMatchObject({ actor: null, detail: { automatic: true } })
      expect(await notices(auto.id)).toMatchObject([{ detail: 'approved' }])
    } finally {
      delete process.env.IDENTITY_CHECK_AUTO_APPROVE
    }
  })

  it('with the feature off the webhook answers 404', async () => {
    const url = process.env.IDENTITY_CHECK_URL
    delete process.env.IDENTITY_CHECK_URL
    try {
      expect((await hook({ id: 'evt_off', data: { id: 'x' } })).status).toBe(404)
    } finally {
      process.env.IDENTITY_CHECK_URL = url
    }
  })
})
