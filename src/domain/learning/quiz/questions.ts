import { query, sql, type Db } from '@/db/sql'
import type { GradableQuestion, QuestionKind, ReviewPolicy } from './grading'

/** A question as the server knows it, answers included. Never sent to a learner as is. */
export type FullQuestion = Omit<GradableQuestion, 'options' | 'numeric'> & {
  prompt: string
  details: unknown
  explanation: string | null
  options: { id: string; label: string; correct: boolean }[]
  numeric: { value: number | null; tolerance: number | null; unit: string | null } | null
}

export type QuizRow = {
  id: number
  title: string
  instructions: string | null
  lesson: number
  course: number
  passMark: number
  timeLimitSeconds: number | null
  attemptLimit: number | null
  reviewPolicy: ReviewPolicy
  shuffleOptions: boolean
  release: { at: string | null; afterDays: number | null }
  /** Fixed questions plus the questions drawn from banks per attempt. */
  questionCount: number
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** The quiz's settings and its lesson's release (one statement), or null. */
export async function loadQuiz(db: Db, id: number): Promise<QuizRow | null> {
  const [row] = await query<Record<string, unknown>>(
    db,
    sql`select z.id, z.title, z.instructions, z.lesson_id, l.course_id, z.pass_mark, z.time_limit_seconds, z.attempt_limit,
          z.review_policy, z.shuffle_options, l.release_at, l.release_after_days,
          (select count(*)::int from quizzes_rels r where r.parent_id = z.id and r.path = 'questions')
            + coalesce((select sum(d.count)::int from quizzes_draws d where d._parent_id = z.id), 0) as question_count
        from quizzes z join lessons l on l.id = z.lesson_id
        where z.id = ${id}`,
  )
  if (!row || row.course_id === null) return null
  return {
    id: Number(row.id),
    title: String(row.title),
    instructions: (row.instructions as string | null) ?? null,
    lesson: Number(row.lesson_id),
    course: Number(row.course_id),
    passMark: Number(row.pass_mark ?? 70),
    timeLimitSeconds: num(row.time_limit_seconds),
    attemptLimit: num(row.attempt_limit),
    reviewPolicy: (row.review_policy as ReviewPolicy) ?? 'after-submit',
    shuffleOptions: row.shuffle_options !== false,
    release: { at: row.release_at ? new Date(row.release_at as string).toISOString() : null, afterDays: num(row.release_after_days) },
    questionCount: Number(row.question_count ?? 0),
  }
}

/** Questions with their options, in the order of `ids` (one statement). */
export async function loadQuestions(db: Db, ids: number[]): Promise<FullQuestion[]> {
  if (!ids.length) return []
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select q.id, q.kind, q.prompt, q.details, q.points, q.partial_credit, q.numeric_value, q.numeric_tolerance, q.numeric_unit, q.explanation,
          coalesce((select json_agg(json_build_object('id', o.id, 'label', o.label, 'correct', coalesce(o.correct, false)) order by o._order)
                    from quiz_questions_options o where o._parent_id = q.id), '[]'::json) as options
        from quiz_questions q where q.id = any(${`{${ids.join(',')}}`}::int[])`,
  )
  const byId = new Map<number, FullQuestion>(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        kind: r.kind as QuestionKind,
        prompt: String(r.prompt),
        details: r.details ?? null,
        points: Number(r.points ?? 1),
        partialCredit: Boolean(r.partial_credit),
        explanation: (r.explanation as string | null) ?? null,
        options: r.options as FullQuestion['options'],
        numeric: r.kind === 'numeric' ? { value: num(r.numeric_value), tolerance: num(r.numeric_tolerance), unit: (r.numeric_unit as string | null) ?? null } : null,
      } as FullQuestion,
    ]),
  )
  return ids.map((id) => byId.get(id)).filter((q): q is FullQuestion => Boolean(q))
}

/**
 * The questions of a new attempt: the fixed ones in their order, then for each draw `count` questions
 * picked at random from its bank (never one already asked in this attempt). One statement.
 */
export async function drawQuestions(db: Db, quiz: number): Promise<number[]> {
  const rows = await query<{ id: number; part: number; ord: number }>(
    db,
    sql`with fixed as (
          select r.quiz_questions_id as id, r."order" as ord from quizzes_rels r
          where r.parent_id = ${quiz} and r.path = 'questions' and r.quiz_questions_id is not null
        )
        select id, 0 as part, ord from fixed
        union all
        select q.id, 1 + d._order as part, q.pick as ord
        from quizzes_draws d
        cross join lateral (
          select qq.id, row_number() over () as pick from (
            select id from quiz_questions where bank_id = d.bank_id and id not in (select id from fixed)
            order by random() limit d.count
          ) qq
        ) q
        where d._parent_id = ${quiz}
        order by part, ord`,
  )
  return [...new Set(rows.map((r) => Number(r.id)))]
}
