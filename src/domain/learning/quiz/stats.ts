import type { Payload } from 'payload'

import { drizzleOf, query, sql } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { loadQuestions, loadQuiz } from './questions'

/**
 * Item statistics of a quiz, over its submitted attempts (every attempt counts, retries included):
 *
 * - difficulty: percent of attempts that answered the question fully correctly (higher = easier);
 *   `meanCredit` is the mean share of its points earned, which differs with partial credit.
 * - discrimination: the point-biserial correlation between answering the question correctly (0/1)
 *   and the attempt's score percent, i.e. Pearson's r computed by Postgres' corr(). The question's own
 *   points are part of the score (uncorrected), which raises r a little for short quizzes. Null when
 *   everyone (or no one) got it right, or every score is the same: there is nothing to discriminate.
 *   Rough reading: >= 0.3 good, 0.1-0.3 fair, < 0.1 or negative: review the question.
 * - option choice counts: how many attempts chose each option.
 *
 * Computed in Postgres from the per-question grading stored on each attempt (3 statements).
 */
export type ItemStat = {
  question: number
  kind: string
  prompt: string
  points: number
  attempts: number
  answered: number
  difficulty: number | null
  meanCredit: number | null
  discrimination: number | null
  options: { id: string; label: string; correct: boolean; chosen: number }[]
}

export type QuizItemStats = { quiz: number; title: string; attempts: number; meanScore: number | null; passRate: number | null; items: ItemStat[] }

const round = (v: unknown, places = 4) => (v === null || v === undefined ? null : Math.round(Number(v) * 10 ** places) / 10 ** places)

export async function quizItemStats(payload: Payload, quizId: number): Promise<QuizItemStats> {
  const db = drizzleOf(payload)
  const quiz = await loadQuiz(db, quizId)
  if (!quiz) throw new RuleError('No such quiz.', 404)
  const rows = await query<Record<string, unknown>>(
    db,
    sql`with attempts as (
          select id, score::float8 as total, passed, grading from quiz_attempts
          where quiz_id = ${quizId} and status = 'submitted' and grading is not null
        ),
        items as (
          select a.id as attempt, a.total, g.item
          from attempts a cross join lateral jsonb_array_elements(a.grading) as g(item)
        ),
        per_item as (
          select (item->>'question')::int as question,
                 count(*)::int as attempts,
                 count(*) filter (where (item->>'answered')::boolean)::int as answered,
                 avg(case when (item->>'correct')::boolean then 1.0 else 0.0 end)::float8 as difficulty,
                 avg((item->>'earned')::float8 / nullif((item->>'max')::float8, 0))::float8 as mean_credit,
                 corr(case when (item->>'correct')::boolean then 1.0 else 0.0 end, total) as discrimination
          from items group by 1
        ),
        choices as (
          select (i.item->>'question')::int as question, s.option, count(*)::int as chosen
          from items i cross join lateral jsonb_array_elements_text(coalesce(i.item->'selected', '[]'::jsonb)) as s(option)
          group by 1, 2
        )
        select p.*,
               (select coalesce(json_object_agg(c.option, c.chosen), '{}'::json) from choices c where c.question = p.question) as chosen,
               (select count(*)::int from attempts) as total_attempts,
               (select avg(total) from attempts) as mean_score,
               (select avg(case when passed then 1.0 else 0.0 end) from attempts) as pass_rate
        from per_item p order by p.question`,
  )
  const ids = rows.map((r) => Number(r.question))
  const questions = new Map((await loadQuestions(db, ids)).map((q) => [q.id, q]))
  const items: ItemStat[] = rows.map((r) => {
    const q = questions.get(Number(r.question))
    const chosen = (r.chosen ?? {}) as Record<string, number>
    return {
      question: Number(r.question),
      kind: q?.kind ?? 'single',
      prompt: q?.prompt ?? '(deleted question)',
      points: q?.points ?? 0,
      attempts: Number(r.attempts),
      answered: Number(r.answered),
      difficulty: round(r.difficulty),
      meanCredit: round(r.mean_credit),
      discrimination: round(r.discrimination),
      options: (q?.options ?? []).map((o) => ({ id: o.id, label: o.label, correct: o.correct, chosen: Number(chosen[o.id] ?? 0) })),
    }
  })
  const first = rows[0]
  return {
    quiz: quiz.id,
    title: quiz.title,
    attempts: Number(first?.total_attempts ?? 0),
    meanScore: round(first?.mean_score ?? null, 2),
    passRate: round(first?.pass_rate ?? null),
    items,
  }
}

/** Item statistics are for staff and the instructors of the quiz's course. */
export async function mayReadItemStats(payload: Payload, user: { id: number | string; roles?: string[] | null } | null, quizId: number): Promise<boolean> {
  if (!user) return false
  if ((user.roles ?? []).some((r) => r === 'admin' || r === 'moderator' || r === 'editor')) return true
  if (!(user.roles ?? []).includes('instructor')) return false
  const [row] = await query(
    payload,
    sql`select 1 from quizzes z join lessons l on l.id = z.lesson_id
        join courses_rels r on r.parent_id = l.course_id and r.path = 'instructors' and r.users_id = ${Number(user.id)}
        where z.id = ${quizId} limit 1`,
  )
  return Boolean(row)
}
