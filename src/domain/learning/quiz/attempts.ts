import type { Payload } from 'payload'

import { drizzleOf, query, sql, transaction, type Db } from '@/db/sql'
import { isReleased } from '@/domain/learning/availability'
import { recordLessonProgress } from '@/domain/learning/progress'
import { RuleError } from '@/lib/ruleError'
import { gradeAttempt, reviewAllowed, shuffle, type Answer, type GradedItem } from './grading'
import { drawQuestions, loadQuestions, loadQuiz, type FullQuestion, type QuizRow } from './questions'

/**
 * Quiz attempts: start (or resume), save answers, submit, and what the learner sees of each.
 *
 * - The questions drawn and the order of their options are fixed when the attempt starts and stored on it.
 * - With a time limit the server keeps the deadline. Answers saved or submitted later than the deadline
 *   plus GRACE_MS (network delay) are ignored: the attempt is closed with what was saved before, and
 *   marked `late`. Reading or restarting an expired attempt closes it the same way.
 * - One open attempt per learner and quiz; starting again resumes it. The attempt limit counts every
 *   attempt started. Starts, saves and submits of one learner in one course are serialised by locking
 *   their enrollment (the lock recordLessonProgress takes too, so the lock order is always the same).
 * - Submitting grades on the server, keeps the best score on the lesson and completes it when passed.
 *   A failed quiz stays started with fraction 0: course percentages count passed quizzes only.
 */
export const GRACE_MS = 5_000

export type Answers = Record<string, Answer>

type AttemptRow = {
  id: number
  user_id: number
  quiz_id: number
  lesson_id: number
  course_id: number
  number: number
  status: 'open' | 'submitted'
  started_at: string
  deadline: string | null
  submitted_at: string | null
  late: boolean | null
  questions: { id: number; options: string[] }[]
  answers: Answers | null
  score: string | number | null
  points: string | number | null
  max_points: string | number | null
  passed: boolean | null
  grading: GradedItem[] | null
}

const ATTEMPT_COLUMNS = sql`id, user_id, quiz_id, lesson_id, course_id, number, status, started_at, deadline, submitted_at, late, questions, answers, score, points, max_points, passed, grading`

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null)
const expired = (a: Pick<AttemptRow, 'deadline'>, now: Date) => a.deadline !== null && now.getTime() > new Date(a.deadline).getTime() + GRACE_MS

/** The learner's enrollment in the course, locked for the rest of the transaction. */
async function lockEnrollment(db: Db, user: number, course: number) {
  const [row] = await query<{ id: number; status: string; enrolled_at: string | null }>(
    db,
    sql`select id, status, enrolled_at from enrollments where user_id = ${user} and course_id = ${course} for update`,
  )
  if (!row || row.status === 'cancelled') throw new RuleError('Enrol in the course first.', 403)
  return row
}

async function requireQuiz(db: Db, id: number): Promise<QuizRow> {
  const quiz = await loadQuiz(db, id)
  if (!quiz) throw new RuleError('No such quiz.', 404)
  return quiz
}

/** The attempt of this learner, locked (after their enrollment). Another learner's attempt is not found. */
async function lockAttempt(db: Db, user: number, id: number): Promise<{ attempt: AttemptRow; quiz: QuizRow }> {
  const [head] = await query<{ course_id: number; user_id: number }>(db, sql`select course_id, user_id from quiz_attempts where id = ${id}`)
  if (!head || Number(head.user_id) !== user) throw new RuleError('No such attempt.', 404)
  await lockEnrollment(db, user, Number(head.course_id))
  const [attempt] = await query<AttemptRow>(db, sql`select ${ATTEMPT_COLUMNS} from quiz_attempts where id = ${id} for update`)
  return { attempt, quiz: await requireQuiz(db, Number(attempt.quiz_id)) }
}

/** Checks answers against the attempt's questions: known questions, their own options, the right shape. */
export function checkAnswers(attempt: Pick<AttemptRow, 'questions'>, kinds: Map<number, string>, answers: Answers) {
  const asked = new Map(attempt.questions.map((q) => [String(q.id), q]))
  for (const [qid, answer] of Object.entries(answers)) {
    const question = asked.get(qid)
    if (!question) throw new RuleError(`Question ${qid} is not part of this attempt.`, 400)
    const kind = kinds.get(Number(qid))
    if (kind === 'numeric') {
      if (answer.selected?.length) throw new RuleError(`Question ${qid} takes a number.`, 400)
      continue
    }
    if (answer.value !== undefined && answer.value !== null) throw new RuleError(`Question ${qid} takes options, not a number.`, 400)
    const own = new Set(question.options)
    const selected = answer.selected ?? []
    if (selected.some((o) => !own.has(o))) throw new RuleError(`Unknown option for question ${qid}.`, 400)
    if (kind !== 'multiple' && new Set(selected).size > 1) throw new RuleError(`Question ${qid} takes one option.`, 400)
  }
}

const kindsOf = async (db: Db, attempt: Pick<AttemptRow, 'questions'>) =>
  new Map((await query<{ id: number; kind: string }>(db, sql`select id, kind from quiz_questions where id = any(${`{${attempt.questions.map((q) => q.id).join(',')}}`}::int[])`)).map((r) => [Number(r.id), r.kind]))

/** Grades and closes an open attempt; keeps the best score on the lesson and completes it when passed. */
async function close(payload: Payload, db: Db, attempt: AttemptRow, quiz: QuizRow, answers: Answers, late: boolean, now: Date) {
  const questions = await loadQuestions(db, attempt.questions.map((q) => q.id))
  const grade = gradeAttempt(questions, answers, quiz.passMark)
  const [saved] = await query<AttemptRow>(
    db,
    sql`update quiz_attempts set status = 'submitted', submitted_at = ${now.toISOString()}, late = ${late}, answers = ${JSON.stringify(answers)}::jsonb,
          score = ${grade.score}, points = ${grade.earned}, max_points = ${grade.max}, passed = ${grade.passed},
          grading = ${JSON.stringify(grade.items)}::jsonb, updated_at = now()
        where id = ${attempt.id}
        returning ${ATTEMPT_COLUMNS}`,
  )
  const [best] = await query<{ best: string | number | null }>(
    db,
    sql`select max(score) as best from quiz_attempts where user_id = ${attempt.user_id} and quiz_id = ${attempt.quiz_id} and status = 'submitted'`,
  )
  await recordLessonProgress(payload, db, {
    user: Number(attempt.user_id),
    lesson: quiz.lesson,
    update: { score: Number(best?.best ?? grade.score), completed: grade.passed, fraction: grade.passed ? 1 : 0 },
  })
  return saved
}

export type OpenAttemptView = {
  id: number
  quiz: number
  number: number
  status: 'open'
  startedAt: string
  deadline: string | null
  remainingSeconds: number | null
  serverNow: string
  questions: { id: number; kind: string; prompt: string; details: unknown; points: number; unit: string | null; options: { id: string; label: string }[] }[]
  answers: Answers
}

export type ReviewItem = {
  id: number
  kind: string
  prompt: string
  points: number
  earned: number
  correct: boolean
  options: { id: string; label: string; correct: boolean; chosen: boolean }[]
  value: number | null
  answer: { value: number | null; tolerance: number | null; unit: string | null } | null
  explanation: string | null
}

export type ResultView = {
  id: number
  quiz: number
  number: number
  status: 'submitted'
  startedAt: string
  submittedAt: string | null
  late: boolean
  score: number
  passed: boolean
  points: number
  maxPoints: number
  passMark: number
  attemptsUsed: number
  attemptsLeft: number | null
  reviewPolicy: string
  /** Per-question correctness, correct answers and explanations: only when the review policy allows. */
  review: ReviewItem[] | null
}

/** Prompts and options in the attempt's order: nothing that tells the answer. */
async function openView(db: Db, attempt: AttemptRow, now: Date, loaded?: FullQuestion[]): Promise<OpenAttemptView> {
  const questions = loaded ?? (await loadQuestions(db, attempt.questions.map((q) => q.id)))
  const byId = new Map(questions.map((q) => [q.id, q]))
  return {
    id: Number(attempt.id),
    quiz: Number(attempt.quiz_id),
    number: Number(attempt.number),
    status: 'open',
    startedAt: iso(attempt.started_at)!,
    deadline: iso(attempt.deadline),
    remainingSeconds: attempt.deadline ? Math.max(0, Math.floor((new Date(attempt.deadline).getTime() - now.getTime()) / 1000)) : null,
    serverNow: now.toISOString(),
    questions: attempt.questions
      .map((drawn) => {
        const q = byId.get(drawn.id)
        if (!q) return null
        const labels = new Map(q.options.map((o) => [o.id, o.label]))
        return {
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          details: q.details,
          points: q.points,
          unit: q.numeric?.unit ?? null,
          options: drawn.options.filter((id) => labels.has(id)).map((id) => ({ id, label: labels.get(id)! })),
        }
      })
      .filter((q): q is NonNullable<typeof q> => q !== null),
    answers: attempt.answers ?? {},
  }
}

async function usage(db: Db, user: number, quiz: number) {
  const [row] = await query<{ used: number; passed: boolean }>(
    db,
    sql`select count(*)::int as used, coalesce(bool_or(passed), false) as passed from quiz_attempts where user_id = ${user} and quiz_id = ${quiz}`,
  )
  return { used: Number(row?.used ?? 0), passed: Boolean(row?.passed) }
}

async function resultView(db: Db, attempt: AttemptRow, quiz: QuizRow): Promise<ResultView> {
  const { used, passed } = await usage(db, Number(attempt.user_id), quiz.id)
  let review: ReviewItem[] | null = null
  if (reviewAllowed(quiz.reviewPolicy, passed)) {
    const questions = await loadQuestions(db, attempt.questions.map((q) => q.id))
    const graded = new Map((attempt.grading ?? []).map((g) => [Number(g.question), g]))
    review = attempt.questions
      .map((drawn) => questions.find((q) => q.id === drawn.id))
      .filter((q): q is FullQuestion => Boolean(q))
      .map((q) => {
        const g = graded.get(q.id)
        const chosen = new Set(g?.selected ?? [])
        const order = attempt.questions.find((d) => d.id === q.id)?.options ?? []
        const options = [...q.options].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
        return {
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          points: q.points,
          earned: g?.earned ?? 0,
          correct: g?.correct ?? false,
          options: options.map((o) => ({ id: o.id, label: o.label, correct: o.correct, chosen: chosen.has(o.id) })),
          value: g?.value ?? null,
          answer: q.numeric,
          explanation: q.explanation,
        }
      })
  }
  return {
    id: Number(attempt.id),
    quiz: quiz.id,
    number: Number(attempt.number),
    status: 'submitted',
    startedAt: iso(attempt.started_at)!,
    submittedAt: iso(attempt.submitted_at),
    late: Boolean(attempt.late),
    score: Number(attempt.score ?? 0),
    passed: Boolean(attempt.passed),
    points: Number(attempt.points ?? 0),
    maxPoints: Number(attempt.max_points ?? 0),
    passMark: quiz.passMark,
    attemptsUsed: used,
    attemptsLeft: quiz.attemptLimit === null ? null : Math.max(0, quiz.attemptLimit - used),
    reviewPolicy: quiz.reviewPolicy,
    review,
  }
}

/**
 * Starts an attempt, or resumes the open one. The learner must be enrolled and the lesson released;
 * 409 when no attempts are left or the quiz has no questions.
 */
export async function startAttempt(payload: Payload, args: { user: number; quiz: number; now?: Date }): Promise<{ resumed: boolean; attempt: OpenAttemptView }> {
  return transaction(payload, async (db) => {
    const now = args.now ?? new Date()
    const quiz = await requireQuiz(db, args.quiz)
    const enrollment = await lockEnrollment(db, args.user, quiz.course)
    if (!isReleased(quiz.release, enrollment.enrolled_at, now)) throw new RuleError('This quiz is not open yet.', 403)

    const [open] = await query<AttemptRow>(
      db,
      sql`select ${ATTEMPT_COLUMNS} from quiz_attempts where user_id = ${args.user} and quiz_id = ${quiz.id} and status = 'open' order by number desc limit 1 for update`,
    )
    if (open && !expired(open, now)) return { resumed: true, attempt: await openView(db, open, now) }
    if (open) await close(payload, db, open, quiz, open.answers ?? {}, true, now)

    const { used } = await usage(db, args.user, quiz.id)
    if (quiz.attemptLimit !== null && used >= quiz.attemptLimit) throw new RuleError('No attempts left for this quiz.', 409)

    const ids = await drawQuestions(db, quiz.id)
    if (!ids.length) throw new RuleError('This quiz has no questions yet.', 409)
    const questions = await loadQuestions(db, ids)
    const drawn = questions.map((q) => ({
      id: q.id,
      options: q.options.map((o) => o.id),
    }))
    for (const [i, q] of questions.entries()) if (quiz.shuffleOptions && q.kind !== 'true-false') drawn[i].options = shuffle(drawn[i].options)
    const deadline = quiz.timeLimitSeconds ? new Date(now.getTime() + quiz.timeLimitSeconds * 1000).toISOString() : null
    const [created] = await query<AttemptRow>(
      db,
      sql`insert into quiz_attempts (user_id, quiz_id, lesson_id, course_id, number, status, started_at, deadline, late, questions, answers, updated_at, created_at)
          values (${args.user}, ${quiz.id}, ${quiz.lesson}, ${quiz.course}, ${used + 1}, 'open', ${now.toISOString()}, ${deadline}, false,
                  ${JSON.stringify(drawn)}::jsonb, '{}'::jsonb, now(), now())
          returning ${ATTEMPT_COLUMNS}`,
    )
    return { resumed: false, attempt: await openView(db, created, now, questions) }
  })
}

/** The learner's open attempt at a quiz, or null (an expired one is closed first). */
export async function openAttempt(payload: Payload, args: { user: number; quiz: number; now?: Date }): Promise<OpenAttemptView | null> {
  const now = args.now ?? new Date()
  const [open] = await query<{ id: number }>(
    payload,
    sql`select id from quiz_attempts where user_id = ${args.user} and quiz_id = ${args.quiz} and status = 'open' order by number desc limit 1`,
  )
  if (!open) return null
  const view = await attemptView(payload, { user: args.user, attempt: Number(open.id), now })
  return view.status === 'open' ? view : null
}

/** Saves answers in progress. After the deadline (+ grace) nothing is saved: the attempt is closed and returned. */
export async function saveAnswers(
  payload: Payload,
  args: { user: number; attempt: number; answers: Answers; now?: Date },
): Promise<{ saved: true; savedAt: string } | { saved: false; result: ResultView }> {
  return transaction(payload, async (db) => {
    const now = args.now ?? new Date()
    const { attempt, quiz } = await lockAttempt(db, args.user, args.attempt)
    if (attempt.status !== 'open') throw new RuleError('This attempt is already submitted.', 409)
    checkAnswers(attempt, await kindsOf(db, attempt), args.answers)
    if (expired(attempt, now)) {
      const closed = await close(payload, db, attempt, quiz, attempt.answers ?? {}, true, now)
      return { saved: false, result: await resultView(db, closed, quiz) }
    }
    const merged = { ...(attempt.answers ?? {}), ...args.answers }
    await query(db, sql`update quiz_attempts set answers = ${JSON.stringify(merged)}::jsonb, answers_saved_at = ${now.toISOString()}, updated_at = now() where id = ${attempt.id}`)
    return { saved: true, savedAt: now.toISOString() }
  })
}

/**
 * Submits an attempt: the answers sent (merged over those saved) are graded on the server. After the
 * deadline (+ grace) the answers sent are ignored and the saved ones graded (`late`). Submitting twice
 * returns the same result.
 */
export async function submitAttempt(payload: Payload, args: { user: number; attempt: number; answers?: Answers; now?: Date }): Promise<ResultView> {
  return transaction(payload, async (db) => {
    const now = args.now ?? new Date()
    const { attempt, quiz } = await lockAttempt(db, args.user, args.attempt)
    if (attempt.status !== 'open') return resultView(db, attempt, quiz)
    if (args.answers) checkAnswers(attempt, await kindsOf(db, attempt), args.answers)
    const late = expired(attempt, now)
    const answers = late ? (attempt.answers ?? {}) : { ...(attempt.answers ?? {}), ...(args.answers ?? {}) }
    const closed = await close(payload, db, attempt, quiz, answers, late, now)
    return resultView(db, closed, quiz)
  })
}

/** What the learner sees of their attempt: the open questions, or the result and review per the policy. */
export async function attemptView(payload: Payload, args: { user: number; attempt: number; now?: Date }): Promise<OpenAttemptView | ResultView> {
  const now = args.now ?? new Date()
  const [attempt] = await query<AttemptRow>(payload, sql`select ${ATTEMPT_COLUMNS} from quiz_attempts where id = ${args.attempt}`)
  if (!attempt || Number(attempt.user_id) !== args.user) throw new RuleError('No such attempt.', 404)
  if (attempt.status === 'open' && expired(attempt, now)) return submitAttempt(payload, { user: args.user, attempt: args.attempt, now })
  const db = drizzleOf(payload)
  if (attempt.status === 'open') return openView(db, attempt, now)
  return resultView(db, attempt, await requireQuiz(db, Number(attempt.quiz_id)))
}

export type QuizSummary = {
  id: number
  title: string
  instructions: string | null
  lesson: number
  passMark: number
  timeLimitSeconds: number | null
  attemptLimit: number | null
  reviewPolicy: string
  questionCount: number
  attemptsUsed: number
  attemptsLeft: number | null
  passed: boolean
  bestScore: number | null
  openAttempt: number | null
  attempts: { id: number; number: number; status: string; score: number | null; passed: boolean | null; submittedAt: string | null }[]
}

/** The quiz's intro for an enrolled learner: settings, their attempts and what is left (3 statements). */
export async function quizSummary(payload: Payload, args: { user: number; quiz: number }): Promise<QuizSummary> {
  const db = drizzleOf(payload)
  const quiz = await requireQuiz(db, args.quiz)
  const [enrollment] = await query<{ status: string }>(db, sql`select status from enrollments where user_id = ${args.user} and course_id = ${quiz.course}`)
  if (!enrollment || enrollment.status === 'cancelled') throw new RuleError('Enrol in the course first.', 403)
  const rows = await query<{ id: number; number: number; status: string; score: string | null; passed: boolean | null; submitted_at: string | null }>(
    db,
    sql`select id, number, status, score, passed, submitted_at from quiz_attempts where user_id = ${args.user} and quiz_id = ${quiz.id} order by number`,
  )
  const attempts = rows.map((r) => ({ id: Number(r.id), number: Number(r.number), status: r.status, score: r.score === null ? null : Number(r.score), passed: r.passed, submittedAt: iso(r.submitted_at) }))
  const scores = attempts.map((a) => a.score).filter((s): s is number => s !== null)
  return {
    id: quiz.id,
    title: quiz.title,
    instructions: quiz.instructions,
    lesson: quiz.lesson,
    passMark: quiz.passMark,
    timeLimitSeconds: quiz.timeLimitSeconds,
    attemptLimit: quiz.attemptLimit,
    reviewPolicy: quiz.reviewPolicy,
    questionCount: quiz.questionCount,
    attemptsUsed: attempts.length,
    attemptsLeft: quiz.attemptLimit === null ? null : Math.max(0, quiz.attemptLimit - attempts.length),
    passed: attempts.some((a) => a.passed),
    bestScore: scores.length ? Math.max(...scores) : null,
    openAttempt: attempts.find((a) => a.status === 'open')?.id ?? null,
    attempts,
  }
}

/** The quiz of a lesson, or null: for the lesson player. */
export async function quizForLesson(payload: Payload, lessonId: number): Promise<{ id: number; title: string } | null> {
  const [row] = await query<{ id: number; title: string }>(payload, sql`select id, title from quizzes where lesson_id = ${lessonId}`)
  return row ? { id: Number(row.id), title: row.title } : null
}
