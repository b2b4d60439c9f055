/**
 * What the course pages read: the catalogue (filters, keyset pages), the syllabus (public for
 * published courses, a learner's progress and drip dates, never lesson content, few statements),
 * and the instructor dashboard (statistics in SQL, enrollees by keyset, only for those who teach).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { recordLessonProgress } from '@/domain/learning/progress'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements } from '../helpers/social'
import { createUser } from '../helpers/users'

let payload: Payload
const anonymous = new RestClient()
const word = () => Array.from({ length: 9 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('')

beforeAll(async () => {
  payload = await testPayload()
}, 60_000)

describe('catalogue', () => {
  it('lists published courses as cards, filtered by words, level and pricing, by keyset pages', async () => {
    const w = word()
    const instructor = await createUser(payload, { roles: ['instructor'], name: `Dr Teacher ${w}`, login: false })
    const a = await createCourse(payload, { data: { title: `Sepsis ${w} one`, level: 'advanced', creditHours: 2, durationMinutes: 90, instructors: [instructor.id] } })
    const b = await createCourse(payload, { data: { title: 'Second', summary: `All about ${w}.`, pricing: 'paid', price: { amount: 9900, currency: 'eur' } } })
    const c = await createCourse(payload, { data: { title: `Sepsis ${w} three`, pricing: 'premium' } })
    await createCourse(payload, { data: { title: `Draft ${w}`, _status: 'draft' } })

    const all = await anonymous.get(`/courses/catalogue?q=${w}`)
    expect(all.status).toBe(200)
    expect(all.body.courses.map((x: { id: number }) => x.id)).toEqual([c.id, b.id, a.id])
    const card = all.body.courses.find((x: { id: number }) => x.id === a.id)
    expect(card).toMatchObject({ slug: a.slug, level: 'advanced', creditHours: 2, durationMinutes: 90, pricing: 'free', instructors: [{ id: instructor.id }] })
    expect(all.body.courses.find((x: { id: number }) => x.id === b.id).price).toEqual({ amount: 9900, currency: 'eur' })

    expect((await anonymous.get(`/courses/catalogue?q=${w}&pricing=paid`)).body.courses.map((x: { id: number }) => x.id)).toEqual([b.id])
    expect((await anonymous.get(`/courses/catalogue?q=${w}&level=advanced`)).body.courses.map((x: { id: number }) => x.id)).toEqual([a.id])
    // A partial word of a title still finds it.
    expect((await anonymous.get(`/courses/catalogue?q=${w.slice(0, 6)}`)).body.courses.map((x: { id: number }) => x.id)).toEqual([c.id, a.id])

    const first = await anonymous.get(`/courses/catalogue?q=${w}&limit=2`)
    expect(first.body.courses).toHaveLength(2)
    expect(first.body.nextBefore).toBe(b.id)
    const second = await anonymous.get(`/courses/catalogue?q=${w}&limit=2&before=${first.body.nextBefore}`)
    expect(second.body.courses.map((x: { id: number }) => x.id)).toEqual([a.id])
    expect(second.body.nextBefore).toBeNull()
  })

  it('answers bad filters with 400', async () => {
    for (const q of ['level=expert', 'pricing=cheap', 'limit=0', 'limit=49', 'before=abc', 'specialty=-1']) {
      const res = await anonymous.get(`/courses/catalogue?${q}`)
      expect(res.status, q).toBe(400)
      expect(res.body.errors[0].message).toBeTruthy()
    }
  })
})

describe('syllabus', () => {
  it('is public for published courses, in order, without lesson content', async () => {
    const course = await createCourse(payload, {
      modules: [[{ title: 'Welcome', preview: true, estimatedMinutes: 5 }, { title: 'Deep dive', kind: 'video', weight: 3 }], [{ title: 'Wrap up', required: false }]],
    })
    const res = await anonymous.get(`/courses/${course.id}/syllabus`)
    expect(res.status).toBe(200)
    expect(res.body.enrollment).toBeNull()
    expect(res.body.modules.map((m: { title: string }) => m.title)).toEqual(['Module 1', 'Module 2'])
    const lessons = res.body.modules.flatMap((m: { lessons: unknown[] }) => m.lessons)
    expect(lessons.map((l: { id: number }) => l.id)).toEqual(course.lessons)
    expect(lessons[0]).toMatchObject({ title: 'Welcome', kind: 'text', preview: true, estimatedMinutes: 5, required: true, weight: 1, released: true, opensAt: null, progress: null })
    expect(lessons[1]).toMatchObject({ kind: 'video', weight: 3 })
    expect(lessons[2]).toMatchObject({ required: false })
    expect(JSON.stringify(res.body)).not.toContain('Read this lesson to the end')
    for (const lesson of lessons) expect(Object.keys(lesson)).not.toContain('body')
  })

  it('hides drafts from everyone but their instructors and staff, and answers bad ids', async () => {
    const instructor = await createUser(payload, { roles: ['instructor'] })
    const draft = await createCourse(payload, { data: { _status: 'draft', instructors: [instructor.id] } })
    const member = await createUser(payload)
    expect((await anonymous.get(`/courses/${draft.id}/syllabus`)).status).toBe(404)
    expect((await member.client.get(`/courses/${draft.id}/syllabus`)).status).toBe(404)
    expect((await instructor.client.get(`/courses/${draft.id}/syllabus`)).status).toBe(200)
    expect((await anonymous.get(`/courses/2147483000/syllabus`)).status).toBe(404)
    expect((await anonymous.get(`/courses/x1/syllabus`)).status).toBe(400)
  })

  it("shows an enrolled learner's progress and drip dates counted from their enrollment, in at most 4 statements", async () => {
    const future = new Date(Date.now() + 10 * 86_400_000)
    const course = await createCourse(payload, { modules: [[{}, {}], [{ release: { afterDays: 7 } }, { release: { at: future.toISOString() } }]] })
    const learner = await createUser(payload)
    const enrolledAt = new Date(Date.now() - 2 * 86_400_000)
    await enrollDirectly(payload, learner.id, course.id, { enrolledAt: enrolledAt.toISOString() })
    await recordLessonProgress(payload, null, { user: learner.id, lesson: course.lessons[0], update: { completed: true } })
    await recordLessonProgress(payload, null, { user: learner.id, lesson: course.lessons[1], update: { fraction: 0.4 } })

    const { result: res, count, texts } = await countStatements(() => learner.client.get(`/courses/${course.id}/syllabus`))
    expect(res.status).toBe(200)
    expect(count, texts.join('\n')).toBeLessThanOrEqual(4)
    expect(res.body.enrollment).toMatchObject({ status: 'active', progress: 35, lastLesson: course.lessons[1] })
    const lessons = res.body.modules.flatMap((m: { lessons: unknown[] }) => m.lessons)
    expect(lessons[0].progress).toEqual({ status: 'completed', fraction: 1 })
    expect(lessons[1].progress).toEqual({ status: 'started', fraction: 0.4 })
    expect(lessons[2]).toMatchObject({ released: false, progress: null })
    expect(new Date(lessons[2].opensAt).getTime()).toBeCloseTo(enrolledAt.getTime() + 7 * 86_400_000, -4)
    expect(lessons[3]).toMatchObject({ released: false, opensAt: future.toISOString() })

    // A visitor sees the fixed date but no per-learner drip or progress.
    const visitor = await anonymous.get(`/courses/${course.id}/syllabus`)
    const seen = visitor.body.modules.flatMap((m: { lessons: unknown[] }) => m.lessons)
    expect(seen[2]).toMatchObject({ released: true, opensAt: null, progress: null })
    expect(seen[0].progress).toBeNull()
    const anon = await countStatements(() => anonymous.get(`/courses/${course.id}/syllabus`))
    expect(anon.count, anon.texts.join('\n')).toBeLessThanOrEqual(4)
  })
})

describe('instructor dashboard', () => {
  it("gives a course's instructors and staff its statistics and newest enrollees by keyset; others 403", async () => {
    const instructor = await createUser(payload, { roles: ['instructor'] })
    const other = await createUser(payload, { roles: ['instructor'] })
    const course = await createCourse(payload, { data: { instructors: [instructor.id] }, modules: [[{}, {}]] })
    const learners = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser(payload, { login: false, name: `Learner ${i} ${word()}` })))
    for (const [i, l] of learners.entries()) {
      await enrollDirectly(payload, l.id, course.id, { enrolledAt: new Date(Date.now() - (10 - i) * 60_000).toISOString() })
    }
    // Two complete, one is halfway, one leaves.
    for (const l of learners.slice(0, 2)) for (const lesson of course.lessons) await recordLessonProgress(payload, null, { user: l.id, lesson, update: { completed: true } })
    await recordLessonProgress(payload, null, { user: learners[2].id, lesson: course.lessons[0], update: { completed: true } })
    await query(payload, sql`update enrollments set status = 'cancelled' where user_id = ${learners[4].id} and course_id = ${course.id}`)

    const res = await instructor.client.get(`/courses/${course.id}/enrollees?limit=2`)
    expect(res.status).toBe(200)
    // Stayed: 4 (2 completed); average progress of 100, 100, 50, 0.
    expect(res.body.stats).toEqual({ active: 2, completed: 2, cancelled: 1, completionRate: 0.5, averageProgress: 62.5 })
    expect(res.body.enrollees.map((e: { user: { id: number } }) => e.user.id)).toEqual([learners[4].id, learners[3].id])
    expect(res.body.enrollees[0]).toMatchObject({ status: 'cancelled', progress: 0, user: { name: expect.stringMatching(/^Learner 4/) } })
    const seen = [...res.body.enrollees]
    let cursor = res.body.nextCursor
    while (cursor) {
      const page = await instructor.client.get(`/courses/${course.id}/enrollees?limit=2&cursor=${cursor}`)
      seen.push(...page.body.enrollees)
      cursor = page.body.nextCursor
    }
    expect(seen.map((e: { user: { id: number } }) => e.user.id)).toEqual(learners.map((l) => l.id).reverse())

    const staff = await createUser(payload, { roles: ['editor'] })
    expect((await staff.client.get(`/courses/${course.id}/enrollees`)).status).toBe(200)
    expect((await other.client.get(`/courses/${course.id}/enrollees`)).status).toBe(403)
    const learner = await createUser(payload)
    expect((await learner.client.get(`/courses/${course.id}/enrollees`)).status).toBe(403)
    expect((await anonymous.get(`/courses/${course.id}/enrollees`)).status).toBe(401)
    expect((await instructor.client.get(`/courses/2147483000/enrollees`)).status).toBe(404)
    expect((await instructor.client.get(`/courses/${course.id}/enrollees?cursor=bogus`)).status).toBe(400)
    expect((await instructor.client.get(`/courses/${course.id}/enrollees?limit=500`)).status).toBe(400)
  })

  it('summarises the courses one teaches (staff: all), newest first by keyset', async () => {
    const instructor = await createUser(payload, { roles: ['instructor'] })
    const mine = [
      await createCourse(payload, { data: { instructors: [instructor.id] } }),
      await createCourse(payload, { data: { instructors: [instructor.id], _status: 'draft' } }),
    ]
    const notMine = await createCourse(payload)
    const learner = await createUser(payload, { login: false })
    await enrollDirectly(payload, learner.id, mine[0].id)

    const res = await instructor.client.get('/courses/teaching')
    expect(res.status).toBe(200)
    expect(res.body.courses.map((c: { id: number }) => c.id)).toEqual([mine[1].id, mine[0].id])
    expect(res.body.courses[0]).toMatchObject({ status: 'draft', stats: { active: 0, completionRate: null, averageProgress: null } })
    expect(res.body.courses[1].stats).toMatchObject({ active: 1, completed: 0, cancelled: 0, completionRate: 0, averageProgress: 0 })
    const paged = await instructor.client.get('/courses/teaching?limit=1')
    expect(paged.body.nextBefore).toBe(mine[1].id)
    expect((await instructor.client.get(`/courses/teaching?limit=1&before=${paged.body.nextBefore}`)).body.courses.map((c: { id: number }) => c.id)).toEqual([mine[0].id])

    const admin = await createUser(payload, { roles: ['admin'] })
    const all = await admin.client.get('/courses/teaching?limit=100')
    expect(all.body.courses.map((c: { id: number }) => c.id)).toContain(notMine.id)
    const member = await createUser(payload)
    expect((await member.client.get('/courses/teaching')).status).toBe(403)
    expect((await anonymous.get('/courses/teaching')).status).toBe(401)
  })
})
