import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { cardColumns, cardJoins, toCard, type CardRow, type CourseCard } from './catalogue'

export type MyCourse = {
  course: CourseCard
  enrollment: { id: number; status: 'active' | 'completed'; progress: number; enrolledAt: string; completedAt: string | null; lastActivityAt: string | null }
  /** Where "continue" leads: the last lesson opened, else the course's first lesson. */
  resumeLesson: number | null
}

/** At most this many enrollments are listed (a member takes far fewer courses than this). */
export const MY_LEARNING_LIMIT = 100

/**
 * The member's active and completed courses, most recently active first, with progress and where to
 * resume. One statement.
 */
export async function myLearning(payload: Payload, userId: number): Promise<{ active: MyCourse[]; completed: MyCourse[] }> {
  const rows = await query<CardRow & { enrollment_id: number; status: 'active' | 'completed'; progress: string | number | null; enrolled_at: string | Date; completed_at: string | Date | null; last_activity_at: string | Date | null; resume: number | null }>(
    payload,
    sql`select ${cardColumns}, e.id as enrollment_id, e.status, e.progress, e.enrolled_at, e.completed_at, e.last_activity_at,
          coalesce(e.last_lesson_id, (select l.id from lessons l join course_modules mo on mo.id = l.module_id
                                      where l.course_id = c.id order by mo."order", mo.id, l."order", l.id limit 1)) as resume
        from enrollments e join courses c on c.id = e.course_id ${cardJoins}
        where e.user_id = ${userId} and e.status in ('active', 'completed')
        order by coalesce(e.last_activity_at, e.enrolled_at) desc, e.id desc
        limit ${MY_LEARNING_LIMIT}`,
  )
  const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null)
  const all: MyCourse[] = rows.map((r) => ({
    course: toCard(r),
    enrollment: {
      id: Number(r.enrollment_id),
      status: r.status,
      progress: Number(r.progress ?? 0),
      enrolledAt: iso(r.enrolled_at)!,
      completedAt: iso(r.completed_at),
      lastActivityAt: iso(r.last_activity_at),
    },
    resumeLesson: r.resume === null ? null : Number(r.resume),
  }))
  return { active: all.filter((c) => c.enrollment.status === 'active'), completed: all.filter((c) => c.enrollment.status === 'completed') }
}
