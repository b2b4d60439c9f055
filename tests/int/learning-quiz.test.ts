/**
 * Quizzes: server grading of every kind of question, deadlines, attempt limits under concurrency, lesson
 * and course completion, review policies, answers that never reach a learner before they submit, and
 * item statistics.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { ANSWER_KEY, createDemoQuiz } from '@/domain/learning/quiz/demo'
import { gradeQuestion } from '@/domain/learning/quiz/grading'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { countStatements } from '../helpers/social'
import { testPayload } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
}, 60_000)

type Option = { id: string; label: string; correct?: boolean }
type QuestionSpec = {
  kind: 'single' | 'multiple' | 'true-false' | 'numeric'
  prompt?: string
  options?: { label: string; correct?: boolean }[]
  numeric?: { value: number; tolerance?: number; unit?: string }
  points?: number
  partialCredit?: boolean
  explanation?: string
}
type Question = { id: number; kind: string; options: Option[] }

const single = (prompt = 'Pick the one', points = 1): QuestionSpec => ({
  kind: 'single',
  prompt,
  points,
  options: [{ label: 'Right' , correct: true }, { label: 'Wrong A' }, { label: 'Wrong B' }],
  explanation: `Because ${prompt}`,
})

async function createQuestion(course: number, spec: QuestionSpec, bank?: number): Promise<Question> {
  const doc = (await payload.create({
    collection: 'quiz-questions',
    data: { course, bank, prompt: spec.prompt ?? `Question ${Math.random().toString(36).slice(2)}`, explanation: 'Explained.', points: 1, ...spec } as never,
    overrideAccess: true,
  })) as unknown as Question
  return doc
}

type Setup = { course: number; lesson: number; quiz: number; questions: Question[]; bank?: number; bankQuestions: Question[] }

async function setup(opts: {
  questions?: QuestionSpec[]
  bank?: QuestionSpec[]
  draw?: number
  quiz?: Record<string, unknown>
  lesson?: Record<string, unknown>
  course?: Record<string, unknown>
  otherLessons?: number
} = {}): Promise<Setup> {
  const lessons = [{ kind: 'quiz', ...opts.lesson }, ...Array.from({ length: opts.otherLessons ?? 0 }, () => ({ kind: 'text' }))]
  const course = await createCourse(payload, { data: opts.course, modules: [lessons] })
  const questions: Question[] = []
  for (const spec of opts.questions ?? [single()]) questions.push(await createQuestion(course.id, spec))
  let bank: number | undefined
  const bankQuestions: Question[] = []
  if (opts.bank) {
    bank = ((await payload.create({ collection: 'question-banks', data: { course: course.id, title: 'Bank' }, overrideAccess: true })) as { id: number }).id
    for (const spec of opts.bank) bankQuestions.push(await createQuestion(course.id, spec, bank))
  }
  const quiz = (await payload.create({
    collection: 'quizzes',
    data: {
      lesson: course.lessons[0],
      title: 'Quiz',
      passMark: 70,
      reviewPolicy: 'after-submit',
      questions: questions.map((q) => q.id),
      draws: bank ? [{ bank, count: opts.draw ?? 1 }] : [],
      ...opts.quiz,
    } as never,
    overrideAccess: true,
  })) as { id: number }
  return { course: course.id, lesson: course.lessons[0], quiz: quiz.id, questions, bank, bankQuestions }
}

async function learnerIn(s: Setup): Promise<TestUser> {
  const user = await createUser(payload)
  await enrollDirectly(payload, user.id, s.course)
  return user
}

/** The option ids of a question, by label. */
const ids = (q: Question, ...labels: string[]) => labels.map((l) => q.options.find((o) => o.label === l)!.id)

/** Every key path in a JSON value whose key is one of `keys`. */
function keysIn(value: unknown, keys: string[], at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysIn(v, keys, `${at}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [...(keys.includes(k) ? [`${at}.${k}`] : []), ...keysIn(v, keys, `${at}.${k}`)])
  return []
}
const ANSWER_KEYS = ['correct', 'explanation', 'numeric', 'grading', 'tolerance']

const attemptRow = async (id: number) =>
  (await query<Record<string, any>>(payload, sql`select status, late, score, passed, answers, deadline from quiz_attempts where id = ${id}`))[0]
const progressRow = async (user: number, lesson: number) =>
  (await query<Record<string, any>>(payload, sql`select status, score, fraction from lesson_progress where user_id = ${user} and lesson_id = ${lesson}`))[0]

describe('grading', () => {
  const q = (kind: any, options: [string, boolean][], extra: Record<string, unknown> = {}) => ({
    id: 1,
    kind,
    points: 4,
    options: options.map(([id, correct]) => ({ id, correct })),
    ...extra,
  })

  it('single and true-false: only the correct option earns the points', () => {
    const s = q('single', [['a', true], ['b', false]])
    expect(gradeQuestion(s, { selected: ['a'] })).toMatchObject({ earned: 4, correct: true })
    expect(gradeQuestion(s, { selected: ['b'] })).toMatchObject({ earned: 0, correct: false })
    expect(gradeQuestion(s, { selected: ['a', 'b'] })).toMatchObject({ earned: 0, correct: false })
    expect(gradeQuestion(s, undefined)).toMatchObject({ earned: 0, answered: false })
    expect(gradeQuestion(s, { selected: ['zzz'] })).toMatchObject({ earned: 0, selected: [] })
    const tf = q('true-false', [['t', false], ['f', true]])
    expect(gradeQuestion(tf, { selected: ['f'] })).toMatchObject({ earned: 4, correct: true })
  })

  it('multiple: all-or-nothing by default; partial credit subtracts wrong ticks and never goes below zero', () => {
    const opts: [string, boolean][] = [['a', true], ['b', true], ['c', false], ['d', false]]
    const strict = q('multiple', opts)
    expect(gradeQuestion(strict, { selected: ['a', 'b'] })).toMatchObject({ earned: 4, correct: true })
    expect(gradeQuestion(strict, { selected: ['a'] })).toMatchObject({ earned: 0, correct: false })
    const partial = q('multiple', opts, { partialCredit: true })
    expect(gradeQuestion(partial, { selected: ['b', 'a'] })).toMatchObject({ earned: 4, correct: true })
    expect(gradeQuestion(partial, { selected: ['a'] })).toMatchObject({ earned: 2, correct: false })
    expect(gradeQuestion(partial, { selected: ['a', 'c'] })).toMatchObject({ earned: 0 })
    expect(gradeQuestion(partial, { selected: ['a', 'b', 'c'] })).toMatchObject({ earned: 2 })
    expect(gradeQuestion(partial, { selected: ['a', 'b', 'c', 'd'] })).toMatchObject({ earned: 0 })
    expect(gradeQuestion(partial, { selected: ['c', 'd'] })).toMatchObject({ earned: 0 })
  })

  it('numeric: within the tolerance, inclusive', () => {
    const n = q('numeric', [], { numeric: { value: 7.4, tolerance: 0.05 } })
    expect(gradeQuestion(n, { value: 7.4 })).toMatchObject({ earned: 4, correct: true })
    expect(gradeQuestion(n, { value: 7.45 })).toMatchObject({ correct: true })
    expect(gradeQuestion(n, { value: 7.35 })).toMatchObject({ correct: true })
    expect(gradeQuestion(n, { value: 7.46 })).toMatchObject({ earned: 0, correct: false })
    expect(gradeQuestion(n, { value: null })).toMatchObject({ earned: 0, answered: false })
    const exact = q('numeric', [], { numeric: { value: 12, tolerance: 0 } })
    expect(gradeQuestion(exact, { value: 12 })).toMatchObject({ correct: true })
    expect(gradeQuestion(exact, { value: 12.001 })).toMatchObject({ correct: false })
  })

  it('grades a mixed attempt over REST, passes at the pass mark, and completes the lesson and the course', async () => {
    const s = await setup({
      questions: [
        single('Single', 2),
        { kind: 'multiple', prompt: 'Multiple', points: 2, partialCredit: true, options: [{ label: 'M1', correct: true }, { label: 'M2', correct: true }, { label: 'M3' }] },
        { kind: 'true-false', prompt: 'TF', points: 2, options: [{ label: 'True', correct: true }, { label: 'False' }] },
        { kind: 'numeric', prompt: 'Numeric', points: 4, numeric: { value: 120, tolerance: 5, unit: 'ms' } },
      ],
      quiz: { passMark: 70 },
    })
    const me = await learnerIn(s)
    const [sq, mq, tq, nq] = s.questions
    const started = await me.client.post(`/quizzes/${s.quiz}/attempts`)
    expect(started.status).toBe(200)
    expect(started.body.resumed).toBe(false)
    const attempt = started.body.attempt
    expect(attempt.questions.map((q: { id: number }) => q.id)).toEqual(s.questions.map((q) => q.id))
    expect(attempt.questions[3]).toMatchObject({ kind: 'numeric', unit: 'ms', options: [] })
    // Single right (2), multiple half (1 of 2 with partial credit), true-false wrong (0), numeric within tolerance (4): 7 of 10.
    const res = await me.client.post(`/quiz-attempts/${attempt.id}/submit`, {
      answers: {
        [sq.id]: { selected: ids(sq, 'Right') },
        [mq.id]: { selected: ids(mq, 'M1') },
        [tq.id]: { selected: ids(tq, 'False') },
        [nq.id]: { value: 124.5 },
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'submitted', points: 7, maxPoints: 10, score: 70, passed: true, late: false })
    expect(res.body.review.map((r: { earned: number }) => r.earned)).toEqual([2, 1, 0, 4])
    expect(await progressRow(me.id, s.lesson)).toMatchObject({ status: 'completed', score: '70' })
    const [enrollment] = await query<{ status: string }>(payload, sql`select status from enrollments where user_id = ${me.id} and course_id = ${s.course}`)
    expect(enrollment.status).toBe('completed')
    // Submitting again changes nothing.
    const again = await me.client.post(`/quiz-attempts/${attempt.id}/submit`, { answers: { [sq.id]: { selected: ids(sq, 'Wrong A') } } })
    expect(again.body).toMatchObject({ id: attempt.id, score: 70 })
  })

  it('a failed attempt leaves the lesson started with its score; a later pass completes it and keeps the best score', async () => {
    const s = await setup({ questions: [single('One'), single('Two')], otherLessons: 1 })
    const me = await learnerIn(s)
    const [a, b] = s.questions
    const first = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    const fail = await me.client.post(`/quiz-attempts/${first.id}/submit`, { answers: { [a.id]: { selected: ids(a, 'Right') }, [b.id]: { selected: ids(b, 'Wrong A') } } })
    expect(fail.body).toMatchObject({ score: 50, passed: false })
    expect(await progressRow(me.id, s.lesson)).toMatchObject({ status: 'started', score: '50', fraction: '0' })
    const second = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    expect(second.number).toBe(2)
    const pass = await me.client.post(`/quiz-attempts/${second.id}/submit`, { answers: { [a.id]: { selected: ids(a, 'Right') }, [b.id]: { selected: ids(b, 'Right') } } })
    expect(pass.body).toMatchObject({ score: 100, passed: true })
    expect(await progressRow(me.id, s.lesson)).toMatchObject({ status: 'completed', score: '100' })
    const third = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    await me.client.post(`/quiz-attempts/${third.id}/submit`, { answers: {} })
    expect(await progressRow(me.id, s.lesson)).toMatchObject({ status: 'completed', score: '100' })
    const [enrollment] = await query<{ status: string }>(payload, sql`select status from enrollments where user_id = ${me.id} and course_id = ${s.course}`)
    expect(enrollment.status).toBe('active') // the text lesson is still to do
  })
})

describe('attempts', () => {
  it('resumes the open attempt with the same draw and option order, and saves answers in progress', async () => {
    const s = await setup({
      questions: [single('Fixed')],
      bank: Array.from({ length: 8 }, (_, i) => single(`Bank ${i}`)),
      draw: 3,
      quiz: { shuffleOptions: true },
    })
    const me = await learnerIn(s)
    const first = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body
    expect(first.resumed).toBe(false)
    expect(first.attempt.questions).toHaveLength(4)
    expect(first.attempt.questions[0].id).toBe(s.questions[0].id)
    const drawn = first.attempt.questions.slice(1).map((q: { id: number }) => q.id)
    expect(new Set(drawn).size).toBe(3)
    for (const id of drawn) expect(s.bankQuestions.map((q) => q.id)).toContain(id)
    const again = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body
    expect(again.resumed).toBe(true)
    expect(again.attempt.id).toBe(first.attempt.id)
    expect(again.attempt.questions).toEqual(first.attempt.questions)

    const q = first.attempt.questions[1]
    const saved = await me.client.put(`/quiz-attempts/${first.attempt.id}/answers`, { answers: { [q.id]: { selected: [q.options[0].id] } } })
    expect(saved.status).toBe(200)
    const open = await me.client.get(`/quizzes/${s.quiz}/attempts/open`)
    expect(open.body.attempt.answers).toEqual({ [q.id]: { selected: [q.options[0].id] } })
    expect(open.body.attempt.remainingSeconds).toBeNull()
  })

  it('draws at random: different attempts get different questions from a bank', async () => {
    const s = await setup({ questions: [], bank: Array.from({ length: 10 }, (_, i) => single(`Drawn ${i}`)), draw: 3 })
    const draws = new Set<string>()
    for (let i = 0; i < 4; i++) {
      const me = await learnerIn(s)
      const a = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
      draws.add(a.questions.map((q: { id: number }) => q.id).sort().join(','))
    }
    expect(draws.size).toBeGreaterThan(1)
  }, 90_000)

  it('never lets parallel starts exceed the attempt limit', async () => {
    const s = await setup({ quiz: { attemptLimit: 2 } })
    const me = await learnerIn(s)
    const starts = await Promise.all(Array.from({ length: 6 }, () => me.client.post(`/quizzes/${s.quiz}/attempts`)))
    expect(starts.map((r) => r.status)).toEqual(Array(6).fill(200))
    expect(new Set(starts.map((r) => r.body.attempt.id)).size).toBe(1)
    await me.client.post(`/quiz-attempts/${starts[0].body.attempt.id}/submit`, {})
    const second = await Promise.all(Array.from({ length: 6 }, () => me.client.post(`/quizzes/${s.quiz}/attempts`)))
    expect(new Set(second.map((r) => r.body.attempt.id)).size).toBe(1)
    await me.client.post(`/quiz-attempts/${second[0].body.attempt.id}/submit`, {})
    const third = await Promise.all(Array.from({ length: 4 }, () => me.client.post(`/quizzes/${s.quiz}/attempts`)))
    expect(third.map((r) => r.status)).toEqual(Array(4).fill(409))
    const [row] = await query<{ n: number }>(payload, sql`select count(*)::int as n from quiz_attempts where user_id = ${me.id} and quiz_id = ${s.quiz}`)
    expect(row.n).toBe(2)
    const summary = await me.client.get(`/quizzes/${s.quiz}/summary`)
    expect(summary.body).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, attemptLimit: 2 })
  })

  it('closes an attempt at its deadline with the answers saved before it; late answers are refused or ignored', async () => {
    const s = await setup({ questions: [single('A'), single('B')], quiz: { timeLimitSeconds: 60, attemptLimit: 3 } })
    const me = await learnerIn(s)
    const [a, b] = s.questions
    const attempt = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    expect(attempt.remainingSeconds).toBeGreaterThan(55)
    expect(attempt.remainingSeconds).toBeLessThanOrEqual(60)
    await me.client.put(`/quiz-attempts/${attempt.id}/answers`, { answers: { [a.id]: { selected: ids(a, 'Right') } } })

    // Within the grace period after the deadline, a submit still counts.
    await query(payload, sql`update quiz_attempts set deadline = now() - interval '2 seconds' where id = ${attempt.id}`)
    const second = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body
    expect(second.resumed).toBe(true)

    // Past the grace period: a save is refused and closes the attempt with what was saved before.
    await query(payload, sql`update quiz_attempts set deadline = now() - interval '10 seconds' where id = ${attempt.id}`)
    const late = await me.client.put(`/quiz-attempts/${attempt.id}/answers`, { answers: { [b.id]: { selected: ids(b, 'Right') } } })
    expect(late.status).toBe(409)
    expect(late.body.result).toMatchObject({ late: true, score: 50, passed: false })
    expect((await attemptRow(attempt.id)).answers).toEqual({ [a.id]: { selected: ids(a, 'Right') } })

    // A late submit: the answers sent are ignored.
    const next = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    expect(next.number).toBe(2)
    await query(payload, sql`update quiz_attempts set deadline = now() - interval '6 seconds' where id = ${next.id}`)
    const submitted = await me.client.post(`/quiz-attempts/${next.id}/submit`, { answers: { [a.id]: { selected: ids(a, 'Right') }, [b.id]: { selected: ids(b, 'Right') } } })
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ late: true, score: 0, passed: false })

    // An expired attempt left alone is closed when the learner comes back; a new one starts.
    const third = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    await query(payload, sql`update quiz_attempts set started_at = now() - interval '2 minutes', deadline = now() - interval '1 minute' where id = ${third.id}`)
    expect((await me.client.get(`/quizzes/${s.quiz}/attempts/open`)).body.attempt).toBeNull()
    expect(await attemptRow(third.id)).toMatchObject({ status: 'submitted', late: true })
    expect((await me.client.post(`/quizzes/${s.quiz}/attempts`)).status).toBe(409)
  }, 60_000)

  it('refuses learners who are not enrolled, lessons not released, bad answers (nothing stored), and other learners’ attempts', async () => {
    const s = await setup({ questions: [single('A'), { kind: 'numeric', prompt: 'N', numeric: { value: 1 } }] })
    const stranger = await createUser(payload)
    expect((await stranger.client.post(`/quizzes/${s.quiz}/attempts`)).status).toBe(403)
    expect((await stranger.client.get(`/quizzes/${s.quiz}/summary`)).status).toBe(403)
    expect((await stranger.client.get(`/quizzes/${s.quiz}`)).status).toBe(403)
    expect((await stranger.client.post(`/quizzes/999999999/attempts`)).status).toBe(404)
    expect((await stranger.client.post(`/quizzes/abc/attempts`)).status).toBe(404)

    const later = await setup({ lesson: { release: { afterDays: 3 } } })
    const waiting = await learnerIn(later)
    expect((await waiting.client.post(`/quizzes/${later.quiz}/attempts`)).status).toBe(403)

    const me = await learnerIn(s)
    const [a, n] = s.questions
    const attempt = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    const bad = [
      { answers: { [a.id]: { selected: ['no-such-option'] } } },
      { answers: { [a.id]: { selected: ids(a, 'Right', 'Wrong A') } } },
      { answers: { [a.id]: { value: 3 } } },
      { answers: { [n.id]: { selected: ids(a, 'Right') } } },
      { answers: { 2147483000: { selected: [] } } },
      { answers: { [a.id]: { selected: 'x' } } },
      { answers: { [n.id]: { value: 'seven' } } },
      { answers: { [a.id]: { selected: ids(a, 'Right'), extra: 1 } } },
      { answers: [] },
    ]
    for (const body of bad) {
      expect((await me.client.put(`/quiz-attempts/${attempt.id}/answers`, body)).status, JSON.stringify(body)).toBe(400)
      expect((await me.client.post(`/quiz-attempts/${attempt.id}/submit`, body)).status, JSON.stringify(body)).toBe(400)
    }
    expect(await attemptRow(attempt.id)).toMatchObject({ status: 'open', answers: {} })
    expect(await progressRow(me.id, s.lesson)).toBeUndefined()

    const other = await learnerIn(s)
    expect((await other.client.get(`/quiz-attempts/${attempt.id}/result`)).status).toBe(404)
    expect((await other.client.put(`/quiz-attempts/${attempt.id}/answers`, { answers: {} })).status).toBe(404)
    expect((await other.client.post(`/quiz-attempts/${attempt.id}/submit`, {})).status).toBe(404)
    expect((await other.client.get(`/quiz-attempts/${attempt.id}`)).status).toBe(404)
    expect(await attemptRow(attempt.id)).toMatchObject({ status: 'open' })
  }, 60_000)
})

describe('review policy', () => {
  const run = async (policy: string, pass: boolean) => {
    const s = await setup({ questions: [single('P')], quiz: { reviewPolicy: policy } })
    const me = await learnerIn(s)
    const [q] = s.questions
    const attempt = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    const res = await me.client.post(`/quiz-attempts/${attempt.id}/submit`, { answers: { [q.id]: { selected: ids(q, pass ? 'Right' : 'Wrong B') } } })
    const view = await me.client.get(`/quiz-attempts/${attempt.id}/result`)
    expect(view.body).toEqual(res.body)
    return res.body
  }

  it('never: score and pass only', async () => {
    const body = await run('never', true)
    expect(body).toMatchObject({ score: 100, passed: true, review: null })
    expect(keysIn(body, ANSWER_KEYS)).toEqual([])
  })

  it('after-submit: correct answers and explanations once submitted, passed or not', async () => {
    const body = await run('after-submit', false)
    expect(body.passed).toBe(false)
    expect(body.review[0]).toMatchObject({ correct: false, explanation: 'Because P' })
    expect(body.review[0].options.find((o: Option) => o.label === 'Right')).toMatchObject({ correct: true, chosen: false })
    expect(body.review[0].options.find((o: Option) => o.label === 'Wrong B')).toMatchObject({ correct: false, chosen: true })
  })

  it('after-pass: nothing while failed, everything once passed', async () => {
    const failed = await run('after-pass', false)
    expect(failed.review).toBeNull()
    expect(keysIn(failed, ANSWER_KEYS)).toEqual([])
    const passed = await run('after-pass', true)
    expect(passed.review[0]).toMatchObject({ correct: true, explanation: 'Because P' })
  })
})

describe('answers stay hidden before submitting', () => {
  it('the attempt, the quiz and the questions show a learner no correct flags, numeric answers or explanations (REST, GraphQL, depth)', async () => {
    const s = await setup({
      questions: [single('Hidden'), { kind: 'numeric', prompt: 'HiddenN', numeric: { value: 5, tolerance: 1 }, explanation: 'Secret' }],
      bank: [single('Banked')],
    })
    const me = await learnerIn(s)
    const started = await me.client.post(`/quizzes/${s.quiz}/attempts`)
    expect(keysIn(started.body, ANSWER_KEYS)).toEqual([])
    expect(JSON.stringify(started.body)).not.toContain('Because')
    const open = await me.client.get(`/quizzes/${s.quiz}/attempts/open`)
    expect(keysIn(open.body, ANSWER_KEYS)).toEqual([])
    const view = await me.client.get(`/quiz-attempts/${started.body.attempt.id}/result`)
    expect(keysIn(view.body, ANSWER_KEYS)).toEqual([])

    // The quiz itself: settings yes, questions no, whatever the depth.
    for (const depth of [0, 1, 2]) {
      const quiz = await me.client.get(`/quizzes/${s.quiz}?depth=${depth}`)
      expect(quiz.status).toBe(200)
      expect(quiz.body.passMark).toBe(70)
      expect(quiz.body.questions).toBeUndefined()
      expect(quiz.body.draws ?? []).toEqual([])
      expect(keysIn(quiz.body, ANSWER_KEYS)).toEqual([])
    }
    const list = await me.client.get(`/quiz-questions?depth=2&where[course][equals]=${s.course}`)
    expect(list.status === 403 || list.body.docs?.length === 0).toBe(true)
    expect((await me.client.get(`/quiz-questions/${s.questions[0].id}`)).status).toBe(403)
    expect((await me.client.get(`/question-banks/${s.bank}`)).status).toBe(403)
    const attempt = await me.client.get(`/quiz-attempts/${started.body.attempt.id}?depth=2`)
    expect(attempt.status).toBe(200)
    expect(keysIn(attempt.body, ANSWER_KEYS)).toEqual([])

    const gql = await me.client.graphql(`{
      QuizQuestions(limit: 50) { docs { id prompt options { id label correct } numeric { value tolerance } explanation } }
      Quizzes(limit: 50) { docs { id passMark questions { id options { correct } explanation } draws { bank { id } } } }
      QuizAttempts(limit: 50) { docs { id grading quiz { id questions { id options { correct } } } } }
    }`)
    const text = JSON.stringify(gql.body)
    expect(text).not.toContain('"correct":true')
    expect(text).not.toContain('"correct":false')
    expect(text).not.toContain('Because')
    expect(text).not.toContain('Secret')
    expect(text).not.toMatch(/"tolerance":\d/)
    expect(gql.body.data?.QuizQuestions?.docs ?? []).toEqual([])
    const quizzes = gql.body.data?.Quizzes?.docs ?? []
    const found = quizzes.find((z: { id: number }) => z.id === s.quiz)
    expect(found.passMark).toBe(70)
    expect(found.questions ?? []).toEqual([])
    expect(found.draws ?? []).toEqual([])
    const attempts = gql.body.data?.QuizAttempts?.docs ?? []
    expect(attempts).toHaveLength(1)
    expect(attempts[0].grading).toBeNull()

    // The course's instructor does see them.
    const teacher = await createUser(payload, { roles: ['instructor'] })
    await payload.update({ collection: 'courses', id: s.course, data: { instructors: [teacher.id] } as never, overrideAccess: true })
    const authored = await teacher.client.get(`/quiz-questions/${s.questions[0].id}`)
    expect(authored.status).toBe(200)
    expect(authored.body.options.find((o: Option) => o.label === 'Right').correct).toBe(true)
    expect(authored.body.explanation).toBe('Because Hidden')
    // An instructor of another course: the question is filtered out of what they may read.
    const outsider = await createUser(payload, { roles: ['instructor'] })
    expect((await outsider.client.get(`/quiz-questions/${s.questions[0].id}`)).status).toBe(404)
  })
})

describe('authoring', () => {
  it('checks questions and quizzes: the right number of correct options, a lesson of kind quiz, one course', async () => {
    const course = await createCourse(payload, { modules: [[{ kind: 'quiz' }, { kind: 'text' }]] })
    const other = await createCourse(payload)
    const teacher = await createUser(payload, { roles: ['instructor'] })
    await payload.update({ collection: 'courses', id: course.id, data: { instructors: [teacher.id] } as never, overrideAccess: true })
    const c = teacher.client
    const base = { course: course.id, prompt: 'Which?', kind: 'single' }
    expect((await c.post('/quiz-questions', { ...base, options: [{ label: 'A', correct: true }, { label: 'B', correct: true }] })).status).toBe(400)
    expect((await c.post('/quiz-questions', { ...base, options: [{ label: 'A', correct: true }] })).status).toBe(400)
    expect((await c.post('/quiz-questions', { ...base, kind: 'multiple', options: [{ label: 'A' }, { label: 'B' }] })).status).toBe(400)
    expect((await c.post('/quiz-questions', { ...base, kind: 'numeric' })).status).toBe(400)
    expect((await c.post('/quiz-questions', { ...base, course: other.id, options: [{ label: 'A', correct: true }, { label: 'B' }] })).status).toBe(403)
    const ok = await c.post('/quiz-questions', { ...base, options: [{ label: 'A', correct: true }, { label: 'B' }] })
    expect(ok.status).toBe(201)
    const foreign = await createQuestion(other.id, single())
    expect((await c.post('/quizzes', { lesson: course.lessons[1], title: 'Q' })).status).toBe(400)
    expect((await c.post('/quizzes', { lesson: course.lessons[0], title: 'Q', questions: [foreign.id] })).status).toBe(400)
    const quiz = await c.post('/quizzes', { lesson: course.lessons[0], title: 'Q', questions: [ok.body.doc.id] })
    expect(quiz.status).toBe(201)
    expect(quiz.body.doc.course).toBe(course.id)
    expect((await c.post('/quizzes', { lesson: course.lessons[0], title: 'Twice' })).status).toBe(400)
    // Nothing moves into a course the instructor does not teach.
    const elsewhere = await createCourse(payload, { modules: [[{ kind: 'quiz' }]] })
    expect((await c.patch(`/quiz-questions/${ok.body.doc.id}`, { course: other.id })).status).toBe(403)
    expect((await c.patch(`/quizzes/${quiz.body.doc.id}`, { lesson: elsewhere.lessons[0] })).status).toBe(403)
    expect((await c.patch(`/quizzes/${quiz.body.doc.id}`, { passMark: 80 })).status).toBe(200)
  })
})

describe('item statistics', () => {
  it('difficulty, point-biserial discrimination and option counts over submitted attempts, for instructors and staff only', async () => {
    const s = await setup({ questions: [single('Q1'), single('Q2'), single('Q3')], quiz: { passMark: 50 } })
    const [q1, q2, q3] = s.questions
    // Five learners; each row says which questions they answer correctly (a wrong answer picks 'Wrong A').
    const pattern = [
      [true, true, true],
      [true, true, false],
      [true, false, false],
      [false, true, false],
      [false, false, false],
    ]
    const scores: number[] = []
    for (const row of pattern) {
      const me = await learnerIn(s)
      const a = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
      const answers = Object.fromEntries([q1, q2, q3].map((q, i) => [q.id, { selected: ids(q, row[i] ? 'Right' : 'Wrong A') }]))
      const res = await me.client.post(`/quiz-attempts/${a.id}/submit`, { answers })
      scores.push(res.body.score)
    }
    // An open attempt does not count.
    await (await learnerIn(s)).client.post(`/quizzes/${s.quiz}/attempts`)

    const pearson = (x: number[], y: number[]) => {
      const mx = x.reduce((a, b) => a + b) / x.length
      const my = y.reduce((a, b) => a + b) / y.length
      const cov = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0)
      const sx = Math.sqrt(x.reduce((s, xi) => s + (xi - mx) ** 2, 0))
      const sy = Math.sqrt(y.reduce((s, yi) => s + (yi - my) ** 2, 0))
      return cov / (sx * sy)
    }
    const teacher = await createUser(payload, { roles: ['instructor'] })
    await payload.update({ collection: 'courses', id: s.course, data: { instructors: [teacher.id] } as never, overrideAccess: true })
    const res = await teacher.client.get(`/quizzes/${s.quiz}/item-stats`)
    expect(res.status).toBe(200)
    expect(res.body.attempts).toBe(5)
    expect(res.body.passRate).toBeCloseTo(0.4, 4) // 100 and 66.67 reach the pass mark of 50
    for (const [i, q] of [q1, q2, q3].entries()) {
      const item = res.body.items.find((it: { question: number }) => it.question === q.id)
      const correct: number[] = pattern.map((r) => (r[i] ? 1 : 0))
      expect(item.attempts).toBe(5)
      expect(item.difficulty).toBeCloseTo(correct.reduce((a, b) => a + b) / 5, 4)
      expect(item.discrimination).toBeCloseTo(pearson(correct, scores), 3)
      const chosen = Object.fromEntries(item.options.map((o: { label: string; chosen: number }) => [o.label, o.chosen]))
      expect(chosen).toEqual({ Right: correct.reduce((a, b) => a + b), 'Wrong A': 5 - correct.reduce((a, b) => a + b), 'Wrong B': 0 })
    }
    // Known values for this dataset: Q1 answered right by the top three of five, r = 0.7206.
    expect(res.body.items[0].discrimination).toBeCloseTo(0.7206, 3)

    const learner = await learnerIn(s)
    expect((await learner.client.get(`/quizzes/${s.quiz}/item-stats`)).status).toBe(403)
    const outsider = await createUser(payload, { roles: ['instructor'] })
    expect((await outsider.client.get(`/quizzes/${s.quiz}/item-stats`)).status).toBe(403)
    const moderator = await createUser(payload, { roles: ['moderator'] })
    const staff = await moderator.client.get(`/quizzes/${s.quiz}/item-stats`)
    expect(staff.status).toBe(200)
  }, 90_000)
})

describe('reads', () => {
  it('the summary, the open attempt, a result and the item statistics each take at most 4 SQL statements besides signing in', async () => {
    const s = await setup({ questions: [single('R1'), single('R2')], bank: [single('R3'), single('R4')], draw: 1 })
    const me = await learnerIn(s)
    const auth = await countStatements(() => me.client.get('/users/me'))
    const within = async (path: string, client = me.client) => {
      const { result, count, texts } = await countStatements(() => client.get(path))
      expect(result.status, path).toBe(200)
      expect(count - auth.count, `${path}\n${texts.join('\n')}`).toBeLessThanOrEqual(4)
      return result
    }
    const attempt = (await me.client.post(`/quizzes/${s.quiz}/attempts`)).body.attempt
    await within(`/quizzes/${s.quiz}/summary`)
    await within(`/quizzes/${s.quiz}/attempts/open`)
    await me.client.post(`/quiz-attempts/${attempt.id}/submit`, {})
    await within(`/quiz-attempts/${attempt.id}/result`)
    const teacher = await createUser(payload, { roles: ['instructor'] })
    await payload.update({ collection: 'courses', id: s.course, data: { instructors: [teacher.id] } as never, overrideAccess: true })
    const teacherAuth = await countStatements(() => teacher.client.get('/users/me'))
    const { result, count } = await countStatements(() => teacher.client.get(`/quizzes/${s.quiz}/item-stats`))
    expect(result.status).toBe(200)
    expect(count - teacherAuth.count).toBeLessThanOrEqual(4)
  }, 60_000)
})

describe('demo quiz', () => {
  it('is a real quiz that its answer key passes', async () => {
    const course = await createCourse(payload, { modules: [[{ kind: 'quiz' }]] })
    const { quiz } = await createDemoQuiz(payload, { lesson: course.lessons[0] })
    const me = await createUser(payload)
    await enrollDirectly(payload, me.id, course.id)
    const attempt = (await me.client.post(`/quizzes/${quiz}/attempts`)).body.attempt
    expect(attempt.questions.length).toBeGreaterThanOrEqual(6)
    expect(attempt.remainingSeconds).toBeGreaterThan(590)
    const answers: Record<string, { selected?: string[]; value?: number }> = {}
    for (const q of attempt.questions) {
      const key = ANSWER_KEY.find((k) => k.prompt === q.prompt)
      expect(key, q.prompt).toBeTruthy()
      if (key!.value !== undefined) answers[q.id] = { value: key!.value }
      else answers[q.id] = { selected: q.options.filter((o: Option) => key!.correct.includes(o.label)).map((o: Option) => o.id) }
    }
    const res = await me.client.post(`/quiz-attempts/${attempt.id}/submit`, { answers })
    expect(res.body).toMatchObject({ score: 100, passed: true, attemptsLeft: 2 })
  })
})
