/**
 * Certificates: issued once per completion with what they said at the time, verified by anyone through
 * an unforgeable code, downloaded as a PDF by their learner, revoked only by staff (with a reason and an
 * audit entry), and renewed by recertifying when they expire.
 */
import type { Payload } from 'payload'
import { PDFDocument, PDFName, PDFArray, PDFRawStream, decodePDFRawStream, type PDFRef } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { drizzleOf, query, sql, transaction } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { countSql } from '@/db/sqlCounter'
import { codeFor, verificationUrl, verifyCertificate } from '@/domain/learning/certificates'
import { recordLessonProgress } from '@/domain/learning/progress'
import { createCourse, enrollDirectly, type TestCourse } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let staff: TestUser
const anonymous = new RestClient()

beforeAll(async () => {
  payload = await testPayload()
  staff = await createUser(payload, { roles: ['moderator'] })
}, 120_000)

type CertRow = {
  id: number
  code: string
  user_id: number
  course_id: number
  enrollment_id: number
  learner_name: string
  course_title: string
  credit_hours: string | null
  completed_at: Date
  issued_at: Date
  expires_at: Date | null
  revoked_at: Date | null
  revoked_reason: string | null
  revoked_by_id: number | null
}

const certificatesOf = (user: number, course: number) =>
  query<CertRow>(payload, sql`select * from certificates where user_id = ${user} and course_id = ${course} order by id`)

async function completeCourse(user: number, course: TestCourse) {
  for (const lesson of course.lessons) await recordLessonProgress(payload, null, { user, lesson, update: { completed: true } })
}

/** A learner who completed a course awarding a certificate (24 months, 2.5 credit hours unless told otherwise). */
async function certified(data: Record<string, unknown> = {}, name?: string) {
  const learner = await createUser(payload, name ? { name } : {})
  const course = await createCourse(payload, {
    data: { creditHours: 2.5, certificate: { enabled: true, validityMonths: 24 }, ...data },
    modules: [[{}, {}]],
  })
  await enrollDirectly(payload, learner.id, course.id)
  await completeCourse(learner.id, course)
  const [cert] = await certificatesOf(learner.id, course.id)
  return { learner, course, cert }
}

describe('issuing', () => {
  it('issues exactly one certificate on completion, with the name, title and credit hours as they were', async () => {
    const learner = await createUser(payload, { name: 'Ada Lovelace' })
    await payload.update({ collection: 'users', id: learner.id, data: { honorific: 'Dr' } as never, overrideAccess: true })
    const course = await createCourse(payload, {
      data: { title: 'Cardiac emergencies', creditHours: 2.5, certificate: { enabled: true, validityMonths: 24 } },
      modules: [[{}, {}]],
    })
    const enrollment = await enrollDirectly(payload, learner.id, course.id)
    await recordLessonProgress(payload, null, { user: learner.id, lesson: course.lessons[0], update: { completed: true } })
    expect(await certificatesOf(learner.id, course.id)).toHaveLength(0)
    await recordLessonProgress(payload, null, { user: learner.id, lesson: course.lessons[1], update: { completed: true } })

    const certs = await certificatesOf(learner.id, course.id)
    expect(certs).toHaveLength(1)
    const [cert] = certs
    expect(cert).toMatchObject({ learner_name: 'Dr Ada Lovelace', course_title: 'Cardiac emergencies', enrollment_id: enrollment.id })
    expect(Number(cert.credit_hours)).toBe(2.5)
    expect(cert.code).toMatch(/^RND-[0-9A-Z]{8}-[0-9A-Z]{16}$/)
    const expires = new Date(cert.completed_at)
    expires.setUTCMonth(expires.getUTCMonth() + 24)
    expect(Math.abs(new Date(cert.expires_at!).getTime() - expires.getTime())).toBeLessThan(3 * 86_400_000)

    // The same completion announced again, twice at once and once more, issues nothing new.
    const event = { type: 'course.completed' as const, user: learner.id, course: course.id, enrollment: enrollment.id }
    await Promise.all([0, 1].map(() => transaction(payload, (tx) => emitActivity(payload, tx, event))))
    await emitActivity(payload, drizzleOf(payload), event)
    expect(await certificatesOf(learner.id, course.id)).toHaveLength(1)

    // The learner is told once, with a link to the certificate.
    const notes = await query(payload, sql`select subject_key, detail, event_count::int as event_count from notifications where recipient_id = ${learner.id} and type = 'certificate'`)
    expect(notes).toEqual([{ subject_key: `certificate:${cert.id}`, detail: 'Cardiac emergencies', event_count: 1 }])
    const inbox = await learner.client.get('/notifications/feed')
    expect(inbox.body.docs).toContainEqual(
      expect.objectContaining({ type: 'certificate', text: 'You earned a certificate: Cardiac emergencies', link: `/learn/certificates/${cert.id}` }),
    )

    // Renaming the learner or the course later does not change what was issued.
    await payload.update({ collection: 'users', id: learner.id, data: { name: 'Ada King' } as never, overrideAccess: true })
    await payload.update({ collection: 'courses', id: course.id, data: { title: 'Cardiac emergencies (2027)', creditHours: 4 } as never, overrideAccess: true })
    const res = await learner.client.get(`/certificates/${cert.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ code: cert.code, learnerName: 'Dr Ada Lovelace', courseTitle: 'Cardiac emergencies', creditHours: 2.5 })
  })

  it('issues none when the course awards no certificate, and one that never expires when its validity is 0', async () => {
    const none = await certified({ certificate: { enabled: false, validityMonths: 0 } })
    expect(none.cert).toBeUndefined()
    const forever = await certified({ certificate: { enabled: true, validityMonths: 0 } })
    expect(forever.cert.expires_at).toBeNull()
  })
})

describe('verification', () => {
  it('tells anyone whether a code is valid, expired or revoked, and refuses tampered or invented codes', async () => {
    const { cert, learner } = await certified({ title: 'Sepsis in practice' }, 'Grace Hopper')
    const res = await anonymous.get(`/certificates/verify/${cert.code}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'valid', learnerName: 'Grace Hopper', courseTitle: 'Sepsis in practice', creditHours: 2.5, revokedAt: null })
    expect(new Date(res.body.issuedAt).getTime()).toBe(new Date(cert.issued_at).getTime())
    expect(new Date(res.body.expiresAt).getTime()).toBe(new Date(cert.expires_at!).getTime())
    expect(res.body).not.toHaveProperty('user')
    expect((await anonymous.get(`/certificates/verify/${cert.code.toLowerCase()}`)).body.status).toBe('valid')

    // One character changed, cut short, another format, a genuine-looking code of no certificate.
    const last = cert.code.at(-1) === '0' ? '1' : '0'
    for (const bad of [cert.code.slice(0, -1) + last, cert.code.slice(0, -2), 'not-a-code', codeFor('00000000')]) {
      const r = await anonymous.get(`/certificates/verify/${encodeURIComponent(bad)}`)
      expect(r.status, bad).toBe(404)
      expect(r.body.errors[0].message).toBe('Not a valid certificate.')
    }

    // A code that fails its MAC is refused without a statement to the database; a genuine one takes one.
    const tampered = await countSql(() => verifyCertificate(payload, cert.code.slice(0, -1) + last))
    expect(tampered).toMatchObject({ result: null, count: 0 })
    const genuine = await countSql(() => verifyCertificate(payload, cert.code))
    expect(genuine.count).toBe(1)
    expect(genuine.result?.status).toBe('valid')
    const overApi = await countSql(() => anonymous.get(`/certificates/verify/${cert.code.slice(0, -1) + last}`))
    expect(overApi.result.status).toBe(404)
    expect(overApi.texts.filter((t) => /certificates/.test(t))).toEqual([])

    await query(payload, sql`update certificates set expires_at = now() - interval '1 day' where id = ${cert.id}`)
    expect((await anonymous.get(`/certificates/verify/${cert.code}`)).body.status).toBe('expired')

    expect((await staff.client.post(`/certificates/${cert.id}/revoke`, { reason: 'Issued on a falsified attendance record' })).status).toBe(200)
    const revoked = await anonymous.get(`/certificates/verify/${cert.code}`)
    expect(revoked.body.status).toBe('revoked')
    expect(revoked.body).not.toHaveProperty('revokedReason')
    expect(learner.id).toBeGreaterThan(0)
  })

  it('the verification page address comes from PUBLIC_URL', () => {
    const before = process.env.PUBLIC_URL
    process.env.PUBLIC_URL = 'https://rounds.example/'
    try {
      expect(verificationUrl('RND-ABCDEFGH-0123456789ABCDEF')).toBe('https://rounds.example/verify/RND-ABCDEFGH-0123456789ABCDEF')
    } finally {
      if (before === undefined) delete process.env.PUBLIC_URL
      else process.env.PUBLIC_URL = before
    }
  })
})

/** The text-showing operands of a page's content streams, decoded back to text. */
async function pageText(bytes: Uint8Array): Promise<{ doc: PDFDocument; text: string }> {
  const doc = await PDFDocument.load(bytes)
  const page = doc.getPages()[0]
  const contents = page.node.get(PDFName.of('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents]
  let raw = ''
  for (const ref of refs) {
    const stream = doc.context.lookup(ref as PDFRef)
    if (stream instanceof PDFRawStream) raw += Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
  }
  // Standard fonts write strings as hex: <48656C6C6F> Tj
  const text = [...raw.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)].map((m) => Buffer.from(m[1], 'hex').toString('latin1')).join('\n')
  return { doc, text }
}

describe('PDF', () => {
  it('gives the learner an A4 landscape PDF with the name, course, credit hours, dates, code and its QR code', async () => {
    const { cert, learner } = await certified({ title: 'Airway management' }, 'Rosalind Franklin')
    const res = await learner.client.raw('GET', `/certificates/${cert.id}/pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="rounds-certificate-RND-.+\.pdf"$/)
    const { doc, text } = await pageText(new Uint8Array(await res.arrayBuffer()))
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPages()[0].getSize()
    expect(Math.round(width)).toBe(842)
    expect(Math.round(height)).toBe(595)
    expect(doc.getSubject()).toContain(cert.code)
    for (const expected of [cert.code, 'Rosalind Franklin', 'Airway management', 'Awarded 2.5 credit hours', 'R O U N D S', 'Valid until', `/verify/${cert.code}`]) {
      expect(text, expected).toContain(expected)
    }
    // The QR code is an embedded PNG image.
    const images = doc.context.enumerateIndirectObjects().filter(([, obj]) => obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    expect(images.length).toBeGreaterThan(0)

    expect((await staff.client.raw('GET', `/certificates/${cert.id}/pdf`)).status).toBe(200)
  })
})

describe('access', () => {
  it('keeps a certificate to its learner, the course instructors and staff; the PDF to the learner and staff; verification to anyone', async () => {
    const instructor = await createUser(payload, { roles: ['instructor'] })
    const { cert, learner } = await certified({ instructors: [instructor.id] })
    const other = await createUser(payload)

    expect((await learner.client.get(`/certificates/${cert.id}`)).status).toBe(200)
    expect([403, 404]).toContain((await other.client.get(`/certificates/${cert.id}`)).status)
    expect((await other.client.get(`/certificates?where[id][equals]=${cert.id}`)).body.docs).toHaveLength(0)
    expect([403, 404]).toContain((await other.client.raw('GET', `/certificates/${cert.id}/pdf`)).status)
    expect((await anonymous.raw('GET', `/certificates/${cert.id}/pdf`)).status).toBe(401)
    expect([401, 403]).toContain((await anonymous.get(`/certificates/${cert.id}`)).status)

    expect((await instructor.client.get(`/certificates/${cert.id}`)).status).toBe(200)
    expect((await instructor.client.raw('GET', `/certificates/${cert.id}/pdf`)).status).toBe(403)

    expect((await anonymous.get(`/certificates/verify/${cert.code}`)).status).toBe(200)

    // Nobody writes certificates through the API, not even their learner.
    expect((await learner.client.patch(`/certificates/${cert.id}`, { learnerName: 'Someone Else' })).status).toBe(403)
    expect((await learner.client.post('/certificates', { code: cert.code, user: learner.id })).status).toBe(403)
    expect((await staff.client.delete(`/certificates/${cert.id}`)).status).toBe(403)
    expect((await certificatesOf(learner.id, cert.course_id))[0].learner_name).toBe(cert.learner_name)
  })
})

describe('revocation', () => {
  const auditOf = (certificate: number) =>
    query<{ type: string; user_id: number; actor_id: number | null; detail: Record<string, unknown> }>(
      payload,
      sql`select type, user_id, actor_id, detail from audit_events where detail->>'certificate' = ${String(certificate)} order by id`,
    )

  it('only staff revoke, with a reason; who and when are recorded, and the audit trail keeps it', async () => {
    const { cert, learner } = await certified()
    expect((await learner.client.post(`/certificates/${cert.id}/revoke`, { reason: 'I changed my mind' })).status).toBe(403)
    expect((await learner.client.patch(`/certificates/${cert.id}`, { revokedReason: 'I changed my mind' })).status).toBe(403)
    expect((await staff.client.post(`/certificates/${cert.id}/revoke`, {})).status).toBe(400)
    expect((await staff.client.post(`/certificates/${cert.id}/revoke`, { reason: '  ' })).status).toBe(400)
    expect((await staff.client.post('/certificates/2147483000/revoke', { reason: 'No such thing' })).status).toBe(404)
    expect((await certificatesOf(learner.id, cert.course_id))[0].revoked_at).toBeNull()
    expect(await auditOf(cert.id)).toHaveLength(0)

    const res = await staff.client.post(`/certificates/${cert.id}/revoke`, { reason: 'Attendance could not be confirmed' })
    expect(res.status).toBe(200)
    const [after] = await certificatesOf(learner.id, cert.course_id)
    expect(after).toMatchObject({ revoked_reason: 'Attendance could not be confirmed', revoked_by_id: staff.id, code: cert.code })
    expect(Date.now() - new Date(after.revoked_at!).getTime()).toBeLessThan(60_000)
    expect(await auditOf(cert.id)).toEqual([
      expect.objectContaining({ type: 'certificate.revoked', user_id: learner.id, actor_id: staff.id, detail: expect.objectContaining({ reason: 'Attendance could not be confirmed', code: cert.code }) }),
    ])

    expect((await staff.client.post(`/certificates/${cert.id}/revoke`, { reason: 'Again' })).status).toBe(409)
    expect((await staff.client.patch(`/certificates/${cert.id}`, { revokedReason: '' })).status).toBe(400)
    expect((await certificatesOf(learner.id, cert.course_id))[0].revoked_at).not.toBeNull()
  })

  it('staff revoke from the admin by giving a reason; the issued fields cannot be changed', async () => {
    const { cert, learner } = await certified()
    const res = await staff.client.patch(`/certificates/${cert.id}`, { learnerName: 'Changed', code: 'RND-X', revokedAt: '2000-01-01T00:00:00.000Z' })
    expect(res.status).toBe(200)
    let [row] = await certificatesOf(learner.id, cert.course_id)
    expect(row).toMatchObject({ learner_name: cert.learner_name, code: cert.code, revoked_at: null })

    expect((await staff.client.patch(`/certificates/${cert.id}`, { revokedReason: 'Duplicate of an earlier certificate' })).status).toBe(200)
    ;[row] = await certificatesOf(learner.id, cert.course_id)
    expect(row.revoked_by_id).toBe(staff.id)
    expect(row.revoked_at).not.toBeNull()
    expect((await auditOf(cert.id)).map((a) => a.type)).toEqual(['certificate.revoked'])
  })
})

describe('recertification', () => {
  it('re-opens an expiring course, and completing it again issues a new certificate while the old one verifies as expired', async () => {
    const { cert, learner, course } = await certified({ certificate: { enabled: true, validityMonths: 12 } })
    const recert = () => learner.client.post(`/certificates/recertify/${course.id}`)

    const early = await recert()
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/60 days/)

    await query(payload, sql`update certificates set expires_at = now() + interval '30 days' where id = ${cert.id}`)
    const res = await recert()
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ reopened: true })
    const [enrollment] = await query<{ status: string; progress: string; completed_at: Date | null }>(
      payload,
      sql`select status, progress, completed_at from enrollments where user_id = ${learner.id} and course_id = ${course.id}`,
    )
    expect(enrollment).toMatchObject({ status: 'active', completed_at: null })
    expect(Number(enrollment.progress)).toBe(0)
    const [progress] = await query<{ n: number }>(payload, sql`select count(*)::int as n from lesson_progress where user_id = ${learner.id} and course_id = ${course.id}`)
    expect(progress.n).toBe(0)
    expect((await recert()).body).toMatchObject({ reopened: false })

    await completeCourse(learner.id, course)
    const certs = await certificatesOf(learner.id, course.id)
    expect(certs).toHaveLength(2)
    expect(certs[1].code).not.toBe(cert.code)
    expect(new Date(certs[1].expires_at!).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000)

    await query(payload, sql`update certificates set expires_at = now() - interval '1 day' where id = ${cert.id}`)
    expect((await anonymous.get(`/certificates/verify/${cert.code}`)).body.status).toBe('expired')
    expect((await anonymous.get(`/certificates/verify/${certs[1].code}`)).body.status).toBe('valid')
    // The new certificate is the latest, and it is not due.
    expect((await recert()).status).toBe(409)
  })

  it('refuses learners of other courses, certificates that never expire, and revoked certificates', async () => {
    const { learner, course } = await certified({ certificate: { enabled: true, validityMonths: 0 } })
    expect((await learner.client.post(`/certificates/recertify/${course.id}`)).status).toBe(409)
    const other = await createUser(payload)
    expect((await other.client.post(`/certificates/recertify/${course.id}`)).status).toBe(404)
    expect((await anonymous.post(`/certificates/recertify/${course.id}`)).status).toBe(401)
    expect((await learner.client.post('/certificates/recertify/abc')).status).toBe(404)

    const revoked = await certified({ certificate: { enabled: true, validityMonths: 6 } })
    await query(payload, sql`update certificates set expires_at = now() - interval '1 day' where id = ${revoked.cert.id}`)
    await staff.client.post(`/certificates/${revoked.cert.id}/revoke`, { reason: 'Withdrawn by the accrediting body' })
    expect((await revoked.learner.client.post(`/certificates/recertify/${revoked.course.id}`)).status).toBe(409)
  })
})

afterAll(() => undefined)
