/**
 * Enrollment rules through the REST API, as members use them: who may enrol by pricing, entitlement
 * and prerequisites, idempotence, leaving and coming back, and an exact enrollment count under
 * concurrent enrolments.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { enroll } from '@/domain/learning/enrollment'
import { recordLessonProgress } from '@/domain/learning/progress'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
}, 60_000)

const enrollments = (user: number, course: number) =>
  query<{ status: string; source: string; progress: string }>(payload, sql`select status, source, progress from enrollments where user_id = ${user} and course_id = ${course}`)

const storedCount = async (course: number) =>
  Number((await query<{ n: number }>(payload, sql`select enrollment_count as n from courses where id = ${course}`))[0].n)

const entitle = (user: number, course: number, data: Record<string, unknown> = {}) =>
  payload.create({ collection: 'course-entitlements', data: { user, course, source: 'staff', ...data } as never, overrideAccess: true })

describe('enrolling', () => {
  it('lets any confirmed member into a free course, once, and counts them once', async () => {
    const member = await createUser(payload)
    const course = await createCourse(payload)
    const first = await member.client.post(`/courses/${course.id}/enroll`)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ created: true, reactivated: false, enrollmentCount: 1, enrollment: { status: 'active', source: 'free', course: course.id, user: member.id } })
    const again = await member.client.post(`/courses/${course.id}/enroll`, {})
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: false, reactivated: false, enrollmentCount: 1, enrollment: { id: first.body.enrollment.id } })
    expect(await enrollments(member.id, course.id)).toHaveLength(1)
    expect(await storedCount(course.id)).toBe(1)
  })

  it('refuses members whose email is not confirmed', async () => {
    const member = await createUser(payload, { login: false })
    await query(payload, sql`update users set _verified = false where id = ${member.id}`)
    const course = await createCourse(payload)
    await expect(enroll(payload, { id: member.id, roles: ['member'], tier: 'free' }, course.id)).rejects.toMatchObject({ status: 403 })
    expect(await enrollments(member.id, course.id)).toHaveLength(0)
  })

  it('opens premium courses to premium and pro members, and to others only with an entitlement', async () => {
    const course = await createCourse(payload, { data: { pricing: 'premium' } })
    const free = await createUser(payload)
    const refused = await free.client.post(`/courses/${course.id}/enroll`)
    expect(refused.status).toBe(402)
    expect(refused.body.errors[0].message).toMatch(/Premium/)
    for (const tier of ['premium', 'pro']) {
      const member = await createUser(payload, { tier })
      const res = await member.client.post(`/courses/${course.id}/enroll`)
      expect(res.status).toBe(200)
      expect(res.body.enrollment.source).toBe('premium')
    }
    await entitle(free.id, course.id)
    const entitled = await free.client.post(`/courses/${course.id}/enroll`)
    expect(entitled.status).toBe(200)
    expect(entitled.body.enrollment.source).toBe('entitlement')
    expect(await storedCount(course.id)).toBe(3)
  })

  it('opens paid courses only with an entitlement that is neither expired nor revoked', async () => {
    const course = await createCourse(payload, { data: { pricing: 'paid', price: { amount: 4900, currency: 'usd' } } })
    const premium = await createUser(payload, { tier: 'pro' })
    expect((await premium.client.post(`/courses/${course.id}/enroll`)).status).toBe(402)

    const expired = await createUser(payload)
    await entitle(expired.id, course.id, { expiresAt: new Date(Date.now() - 60_000).toISOString() })
    const res = await expired.client.post(`/courses/${course.id}/enroll`)
    expect(res.status).toBe(402)
    expect(res.body.errors[0].message).toMatch(/bought/)

    const revoked = await createUser(payload)
    await entitle(revoked.id, course.id, { revokedAt: new Date().toISOString() })
    expect((await revoked.client.post(`/courses/${course.id}/enroll`)).status).toBe(402)

    const buyer = await createUser(payload)
    await entitle(buyer.id, course.id, { source: 'purchase', expiresAt: new Date(Date.now() + 86_400_000).toISOString() })
    const ok = await buyer.client.post(`/courses/${course.id}/enroll`)
    expect(ok.status).toBe(200)
    expect(ok.body.enrollment.source).toBe('entitlement')
    expect(await enrollments(expired.id, course.id)).toHaveLength(0)
    expect(await storedCount(course.id)).toBe(1)
  })

  it('asks for every prerequisite to be completed, naming the missing ones', async () => {
    const basics = await createCourse(payload, { data: { title: 'ECG basics' } })
    const imaging = await createCourse(payload, { data: { title: 'Cardiac imaging' } })
    const advanced = await createCourse(payload, { data: { prerequisites: [basics.id, imaging.id] } })
    const member = await createUser(payload)
    await enrollDirectly(payload, member.id, basics.id)
    await recordLessonProgress(payload, null, { user: member.id, lesson: basics.lessons[0], update: { completed: true } })

    const refused = await member.client.post(`/courses/${advanced.id}/enroll`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toContain('Cardiac imaging')
    expect(refused.body.errors[0].message).not.toContain('ECG basics')
    expect(await enrollments(member.id, advanced.id)).toHaveLength(0)

    // Enrolled but not completed is not enough.
    await enrollDirectly(payload, member.id, imaging.id)
    expect((await member.client.post(`/courses/${advanced.id}/enroll`)).status).toBe(409)
    await recordLessonProgress(payload, null, { user: member.id, lesson: imaging.lessons[0], update: { completed: true } })
    expect((await member.client.post(`/courses/${advanced.id}/enroll`)).status).toBe(200)
  })

  it('does not enrol in unpublished or unknown courses, and answers bad ids with 400', async () => {
    const member = await createUser(payload)
    const draft = await createCourse(payload, { data: { _status: 'draft' } })
    expect((await member.client.post(`/courses/${draft.id}/enroll`)).status).toBe(404)
    expect((await member.client.post(`/courses/2147483000/enroll`)).status).toBe(404)
    expect((await member.client.post(`/courses/abc/enroll`)).status).toBe(400)
    expect((await member.client.post(`/courses/0/unenroll`)).status).toBe(400)
    const course = await createCourse(payload)
    expect((await member.client.post(`/courses/${course.id}/enroll`, { user: 'me' })).status).toBe(400)
    expect((await member.client.post(`/courses/${course.id}/enroll`, { extra: true })).status).toBe(400)
    expect(await enrollments(member.id, draft.id)).toHaveLength(0)
    expect(await enrollments(member.id, course.id)).toHaveLength(0)
  })

  it('answers visitors who are not signed in with 401', async () => {
    const course = await createCourse(payload)
    const visitor = new RestClient()
    expect((await visitor.post(`/courses/${course.id}/enroll`)).status).toBe(401)
    expect((await visitor.post(`/courses/${course.id}/unenroll`)).status).toBe(401)
    expect(await storedCount(course.id)).toBe(0)
  })

  it('lets staff enrol anyone in any published course, and no one else enrol others', async () => {
    const course = await createCourse(payload, { data: { pricing: 'paid' } })
    const learner = await createUser(payload, { login: false })
    const member = await createUser(payload)
    expect((await member.client.post(`/courses/${course.id}/enroll`, { user: learner.id })).status).toBe(403)
    const moderator = await createUser(payload, { roles: ['moderator'] })
    const res = await moderator.client.post(`/courses/${course.id}/enroll`, { user: learner.id })
    expect(res.status).toBe(200)
    expect(res.body.enrollment).toMatchObject({ user: learner.id, source: 'staff', status: 'active' })
    expect((await moderator.client.post(`/courses/${course.id}/enroll`, { user: 2147483000 })).status).toBe(404)
  })
})

describe('leaving and coming back', () => {
  it('cancels, keeps progress, reactivates the same enrollment, and keeps the count exact', async () => {
    const member = await createUser(payload)
    const course = await createCourse(payload, { modules: [[{}, {}]] })
    const { body: first } = await member.client.post(`/courses/${course.id}/enroll`)
    await recordLessonProgress(payload, null, { user: member.id, lesson: course.lessons[0], update: { completed: true } })

    const left = await member.client.post(`/courses/${course.id}/unenroll`)
    expect(left.status).toBe(200)
    expect(left.body).toMatchObject({ cancelled: true, enrollmentCount: 0, enrollment: { status: 'cancelled', progress: 50 } })
    const again = await member.client.post(`/courses/${course.id}/unenroll`)
    expect(again.body).toMatchObject({ cancelled: false, enrollmentCount: 0 })

    const back = await member.client.post(`/courses/${course.id}/enroll`)
    expect(back.body).toMatchObject({ created: false, reactivated: true, enrollmentCount: 1, enrollment: { id: first.enrollment.id, status: 'active', progress: 50 } })
    expect(await storedCount(course.id)).toBe(1)
  })

  it('keeps a completed course (409), and leaving a course one never took changes nothing', async () => {
    const member = await createUser(payload)
    const course = await createCourse(payload)
    const other = await createCourse(payload)
    await member.client.post(`/courses/${course.id}/enroll`)
    await recordLessonProgress(payload, null, { user: member.id, lesson: course.lessons[0], update: { completed: true } })
    const res = await member.client.post(`/courses/${course.id}/unenroll`)
    expect(res.status).toBe(409)
    expect((await enrollments(member.id, course.id))[0].status).toBe('completed')
    expect(await storedCount(course.id)).toBe(1)
    const none = await member.client.post(`/courses/${other.id}/unenroll`)
    expect(none.status).toBe(200)
    expect(none.body).toMatchObject({ cancelled: false, enrollment: null, enrollmentCount: 0 })
  })
})

describe('concurrency', () => {
  it('keeps enrollmentCount exact when many members enrol and leave at once', async () => {
    const course = await createCourse(payload)
    const members = await Promise.all(Array.from({ length: 8 }, () => createUser(payload)))
    const results = await Promise.all(members.map((m) => m.client.post(`/courses/${course.id}/enroll`)))
    expect(results.map((r) => r.status)).toEqual(members.map(() => 200))
    expect(await storedCount(course.id)).toBe(8)
    await Promise.all(members.slice(0, 3).map((m) => m.client.post(`/courses/${course.id}/unenroll`)))
    expect(await storedCount(course.id)).toBe(5)
    const [row] = await query<{ n: number }>(payload, sql`select count(*)::int as n from enrollments where course_id = ${course.id} and status <> 'cancelled'`)
    expect(row.n).toBe(5)
  })

  it('makes one enrollment when one member enrols several times at once', async () => {
    const course = await createCourse(payload)
    const member = await createUser(payload)
    const results = await Promise.all(Array.from({ length: 6 }, () => member.client.post(`/courses/${course.id}/enroll`)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => r.body.created)).toHaveLength(1)
    expect(new Set(results.map((r) => r.body.enrollment.id)).size).toBe(1)
    expect(await enrollments(member.id, course.id)).toHaveLength(1)
    expect(await storedCount(course.id)).toBe(1)
  })
})
