import type { Payload } from 'payload'

import { query, sql, transaction, type Db } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { RuleError } from '@/lib/ruleError'

/** What one kind of lesson measured. Every field is optional; what is absent stays as it was. */
export type ProgressUpdate = {
  /** Share of the lesson done, 0..1. Progress never goes back: the stored value is the highest seen. */
  fraction?: number
  /** The lesson is done. Sticky: a completed lesson stays completed. */
  completed?: boolean
  /** Percent, for graded lessons (quiz, SCORM). Replaces the stored score. */
  score?: number | null
  /** Where to resume (seconds, page ...). */
  position?: number | null
  /** What the kind of lesson keeps to measure itself (merged intervals, pages viewed, cmi summary ...). */
  detail?: Record<string, unknown>
}

export type ProgressResult = {
  lesson: { id: number; status: 'started' | 'completed'; fraction: number; score: number | null; position: number | null; justCompleted: boolean }
  course: { id: number; enrollment: number; progress: number; completed: boolean; justCompleted: boolean }
}

type LessonRow = { id: number; course_id: number | null }
type EnrollmentRow = { id: number; status: string }
type ProgressRow = { status: 'started' | 'completed'; fraction: string | number; score: string | number | null; position: string | number | null; was_completed: boolean }
type CourseRow = { progress: string | number | null; all_required: boolean | null; lessons: number; rule: string | null; percent: string | number | null }

const clamp01 = (n: number) => Math.min(1, Math.max(0, n))
const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v))

/**
 * Records what a learner did in a lesson and keeps the course progress of their enrollment: weighted by
 * the lessons' weights, completed by the course's completion rule. Runs in the caller's transaction when
 * `db` is one, else in its own. Concurrent updates of one learner in one course are serialised by
 * locking their enrollment, so the course completes exactly once.
 *
 * Emits `lesson.completed` and `course.completed` the first time each happens (certificates and points
 * listen). Throws RuleError 404 for an unknown lesson and 403 when the learner is not enrolled.
 */
export async function recordLessonProgress(
  payload: Payload,
  db: Db | null,
  args: { user: number; lesson: number; update: ProgressUpdate },
): Promise<ProgressResult> {
  const run = (tx: Db) => record(payload, tx, args)
  return db ? run(db) : transaction(payload, run)
}

async function record(payload: Payload, db: Db, { user, lesson, update }: { user: number; lesson: number; update: ProgressUpdate }): Promise<ProgressResult> {
  const [row] = await query<LessonRow>(db, sql`select id, course_id from lessons where id = ${lesson}`)
  if (!row || row.course_id === null) throw new RuleError('No such lesson.', 404)
  const course = Number(row.course_id)

  const [enrollment] = await query<EnrollmentRow>(
    db,
    sql`select id, status from enrollments where user_id = ${user} and course_id = ${course} for update`,
  )
  if (!enrollment || enrollment.status === 'cancelled') throw new RuleError('Enrol in the course first.', 403)

  const fraction = update.fraction === undefined ? 0 : clamp01(update.fraction)
  const completed = update.completed === true
  const score = update.score === undefined ? null : update.score === null ? null : Math.min(100, Math.max(0, update.score))
  const detail = update.detail === undefined ? null : JSON.stringify(update.detail)
  const [saved] = await query<ProgressRow>(
    db,
    sql`with previous as (
          select status from lesson_progress where user_id = ${user} and lesson_id = ${lesson}
        )
        insert into lesson_progress as p (user_id, lesson_id, course_id, status, fraction, score, position, detail, completed_at, updated_at, created_at)
        values (${user}, ${lesson}, ${course}, ${completed ? 'completed' : 'started'}, ${completed ? 1 : fraction},
                ${score}, ${update.position ?? null}, ${detail}::jsonb, ${completed ? sql`now()` : null}, now(), now())
        on conflict (user_id, lesson_id) do update set
          status = case when p.status = 'completed' or ${completed} then 'completed' else 'started' end::enum_lesson_progress_status,
          fraction = case when p.status = 'completed' or ${completed} then 1 else greatest(p.fraction, excluded.fraction) end,
          score = ${update.score === undefined ? sql`p.score` : sql`excluded.score`},
          position = coalesce(excluded.position, p.position),
          detail = coalesce(excluded.detail, p.detail),
          completed_at = coalesce(p.completed_at, excluded.completed_at),
          updated_at = now()
        returning p.status, p.fraction, p.score, p.position,
          coalesce((select status = 'completed' from previous), false) as was_completed`,
  )
  const lessonJustCompleted = saved.status === 'completed' && !saved.was_completed

  const [totals] = await query<CourseRow>(
    db,
    sql`select
          sum(coalesce(l.weight, 1) * case when p.status = 'completed' then 1 else coalesce(p.fraction, 0) end) / nullif(sum(coalesce(l.weight, 1)), 0) as progress,
          bool_and(not coalesce(l.required, true) or coalesce(p.status = 'completed', false)) as all_required,
          count(*)::int as lessons,
          (select completion_rule from courses where id = ${course}) as rule,
          (select completion_percent from courses where id = ${course}) as percent
        from lessons l
        left join lesson_progress p on p.lesson_id = l.id and p.user_id = ${user}
        where l.course_id = ${course}`,
  )
  const progress = Math.round(clamp01(num(totals?.progress) ?? 0) * 10000) / 100
  const rule = totals?.rule ?? 'required'
  const done =
    (totals?.lessons ?? 0) > 0 && (rule === 'percent' ? progress >= (num(totals?.percent) ?? 100) : Boolean(totals?.all_required))

  const [updated] = await query<{ status: string; just_completed: boolean }>(
    db,
    sql`update enrollments set
          progress = ${progress},
          last_lesson_id = ${lesson},
          last_activity_at = now(),
          status = case when status = 'active' and ${done} then 'completed' else status end,
          completed_at = case when status = 'active' and ${done} then now() else completed_at end,
          updated_at = now()
        where id = ${enrollment.id}
        returning status, (${done} and ${enrollment.status} = 'active') as just_completed`,
  )
  const courseJustCompleted = Boolean(updated?.just_completed)

  if (lessonJustCompleted) await emitActivity(payload, db, { type: 'lesson.completed', user, lesson, course })
  if (courseJustCompleted) await emitActivity(payload, db, { type: 'course.completed', user, course, enrollment: Number(enrollment.id) })

  return {
    lesson: {
      id: lesson,
      status: saved.status,
      fraction: Number(saved.fraction),
      score: num(saved.score),
      position: num(saved.position),
      justCompleted: lessonJustCompleted,
    },
    course: { id: course, enrollment: Number(enrollment.id), progress, completed: updated?.status === 'completed', justCompleted: courseJustCompleted },
  }
}
