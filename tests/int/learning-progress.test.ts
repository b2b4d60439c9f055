/**
 * Course progress: weighted by lesson weights, monotonic, completed once by the course's rule, only for
 * enrolled learners, and consistent when many updates of one learner arrive at once.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { recordLessonProgress } from '@/domain/learning/progress'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
}, 60_000)

const completions = (user: number, course: number) =>
  query<{ n: number }>(payload, sql`select count(*)::int as n from enrollments where user_id = ${user} and course_id = ${course} and status = 'completed'`)

describe('recordLessonProgress', () => {
  it('weights lessons, never goes back, and completes the course once every required lesson is done', async () => {
    const user = await createUser(payload, { login: false })
    const course = await createCourse(payload, {
      modules: [[{ weight: 3 }, { weight: 1 }], [{ weight: 1, required: false }]],
    })
    await enrollDirectly(payload, user.id, course.id)
    const [a, b, c] = course.lessons

    let r = await recordLessonProgress(payload, null, { user: user.id, lesson: a, update: { fraction: 0.5 } })
    expect(r.course.progress).toBe(30) // 3 * 0.5 of 5
    r = await recordLessonProgress(payload, null, { user: user.id, lesson: a, update: { fraction: 0.2 } })
    expect(r.lesson.fraction).toBe(0.5)
    r = await recordLessonProgress(payload, null, { user: user.id, lesson: a, update: { completed: true } })
    expect(r.lesson.justCompleted).toBe(true)
    expect(r.course.progress).toBe(60)
    expect(r.course.completed).toBe(false)
    r = await recordLessonProgress(payload, null, { user: user.id, lesson: b, update: { completed: true, score: 80 } })
    // The optional lesson is not needed for completion, though it still counts toward the percentage.
    expect(r.course.progress).toBe(80)
    expect(r.course.justCompleted).toBe(true)
    r = await recordLessonProgress(payload, null, { user: user.id, lesson: c, update: { completed: true } })
    expect(r.course.progress).toBe(100)
    expect(r.course.justCompleted).toBe(false)
    r = await recordLessonProgress(payload, null, { user: user.id, lesson: b, update: { fraction: 0.1 } })
    expect(r.lesson.status).toBe('completed')
    expect(r.lesson.score).toBe(80)
  })

  it('completes by percentage when the course says so', async () => {
    const user = await createUser(payload, { login: false })
    const course = await createCourse(payload, { data: { completion: { rule: 'percent', percent: 50 } }, modules: [[{}, {}, {}, {}]] })
    await enrollDirectly(payload, user.id, course.id)
    await recordLessonProgress(payload, null, { user: user.id, lesson: course.lessons[0], update: { completed: true } })
    const r = await recordLessonProgress(payload, null, { user: user.id, lesson: course.lessons[1], update: { completed: true } })
    expect(r.course.progress).toBe(50)
    expect(r.course.justCompleted).toBe(true)
  })

  it('refuses learners who are not enrolled, or whose enrollment was cancelled, and unknown lessons', async () => {
    const user = await createUser(payload, { login: false })
    const course = await createCourse(payload)
    await expect(recordLessonProgress(payload, null, { user: user.id, lesson: course.lessons[0], update: { fraction: 1 } })).rejects.toMatchObject({ status: 403 })
    await enrollDirectly(payload, user.id, course.id, { status: 'cancelled' })
    await expect(recordLessonProgress(payload, null, { user: user.id, lesson: course.lessons[0], update: { fraction: 1 } })).rejects.toMatchObject({ status: 403 })
    await expect(recordLessonProgress(payload, null, { user: user.id, lesson: 2147483000, update: { fraction: 1 } })).rejects.toMatchObject({ status: 404 })
    const [row] = await query<{ n: number }>(payload, sql`select count(*)::int as n from lesson_progress where user_id = ${user.id}`)
    expect(row.n).toBe(0)
  })

  it('completes the course exactly once when the last lessons finish at the same time', async () => {
    const user = await createUser(payload, { login: false })
    const course = await createCourse(payload, { modules: [[{}, {}, {}, {}, {}, {}]] })
    const enrollment = await enrollDirectly(payload, user.id, course.id)
    const results = await Promise.all(
      course.lessons.map((lesson) => recordLessonProgress(payload, null, { user: user.id, lesson, update: { completed: true } })),
    )
    expect(results.filter((r) => r.course.justCompleted)).toHaveLength(1)
    expect((await completions(user.id, course.id))[0].n).toBe(1)
    const stored = await payload.findByID({ collection: 'enrollments', id: enrollment.id, depth: 0 })
    expect(stored.progress).toBe(100)
    expect(stored.completedAt).toBeTruthy()
  })
})
