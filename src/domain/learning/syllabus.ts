import type { Payload } from 'payload'

import { isStaffUser } from '@/access/roles'
import { query, sql } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { isReleased, releaseDate } from './availability'

export type SyllabusLesson = {
  id: number
  title: string
  kind: string
  order: number
  estimatedMinutes: number | null
  preview: boolean
  weight: number
  required: boolean
  /** When the lesson opens for this viewer (a learner: counted from their enrollment), or null when open. */
  opensAt: string | null
  released: boolean
  /** The viewer's progress, for an enrolled learner; null otherwise. */
  progress: { status: 'started' | 'completed'; fraction: number } | null
}

export type SyllabusModule = { id: number; title: string; summary: string | null; order: number; lessons: SyllabusLesson[] }

export type Syllabus = {
  course: { id: number; slug: string; title: string; status: string }
  enrollment: { id: number; status: string; progress: number; enrolledAt: string; lastLesson: number | null } | null
  modules: SyllabusModule[]
}

type Viewer = { id: number | string; roles?: string[] | null } | null

type HeadRow = {
  id: number
  slug: string
  title: string
  status: string | null
  teaches: boolean
  enrollment_id: number | null
  enrollment_status: string | null
  progress: string | number | null
  enrolled_at: string | Date | null
  last_lesson_id: number | null
}

type LineRow = {
  module_id: number
  module_title: string
  module_summary: string | null
  module_order: string | number | null
  lesson_id: number | null
  title: string | null
  kind: string | null
  order: string | number | null
  estimated_minutes: string | number | null
  preview: boolean | null
  weight: string | number | null
  required: boolean | null
  release_at: string | Date | null
  release_after_days: string | number | null
  progress_status: 'started' | 'completed' | null
  fraction: string | number | null
}

const num = (v: string | number | null | undefined, fallback: number) => (v === null || v === undefined ? fallback : Number(v))

/**
 * The syllabus of a course: modules and lessons in order (never their content) and, for an enrolled
 * learner, their progress and when each lesson opens (drip release counted from their enrollment).
 * Published courses are public; drafts only for their instructors and staff (404 for anyone else).
 * Two SQL statements whatever the size of the course.
 */
export async function courseSyllabus(payload: Payload, courseId: number, viewer: Viewer, now: Date = new Date()): Promise<Syllabus> {
  const me = viewer ? Number(viewer.id) : 0
  const [head] = await query<HeadRow>(
    payload,
    sql`select c.id, c.slug, c.title, c._status as status,
          exists (select 1 from courses_rels r where r.parent_id = c.id and r.path = 'instructors' and r.users_id = ${me}) as teaches,
          e.id as enrollment_id, e.status as enrollment_status, e.progress, e.enrolled_at, e.last_lesson_id
        from courses c left join enrollments e on e.course_id = c.id and e.user_id = ${me}
        where c.id = ${courseId}`,
  )
  if (!head) throw new RuleError('No such course.', 404)
  if (head.status !== 'published' && !isStaffUser(viewer as never) && !head.teaches) throw new RuleError('No such course.', 404)
  // A cancelled enrollment shows no progress and drips from nothing, as for a visitor.
  const enrolled = head.enrollment_id !== null && head.enrollment_status !== 'cancelled'
  const enrolledAt = enrolled ? head.enrolled_at : null

  const rows = await query<LineRow>(
    payload,
    sql`select m.id as module_id, m.title as module_title, m.summary as module_summary, m."order" as module_order,
          l.id as lesson_id, l.title, l.kind, l."order", l.estimated_minutes, l.preview, l.weight, l.required,
          l.release_at, l.release_after_days, p.status as progress_status, p.fraction
        from course_modules m
          left join lessons l on l.module_id = m.id
          left join lesson_progress p on ${enrolled} and p.lesson_id = l.id and p.user_id = ${me}
        where m.course_id = ${courseId}
        order by m."order", m.id, l."order", l.id`,
  )

  const modules: SyllabusModule[] = []
  for (const row of rows) {
    let mod = modules.at(-1)
    if (!mod || mod.id !== Number(row.module_id)) {
      mod = { id: Number(row.module_id), title: row.module_title, summary: row.module_summary, order: num(row.module_order, 0), lessons: [] }
      modules.push(mod)
    }
    if (row.lesson_id === null) continue
    const release = { at: row.release_at, afterDays: row.release_after_days === null ? null : Number(row.release_after_days) }
    const opens = releaseDate(release, enrolledAt)
    mod.lessons.push({
      id: Number(row.lesson_id),
      title: row.title ?? '',
      kind: row.kind ?? 'text',
      order: num(row.order, 0),
      estimatedMinutes: row.estimated_minutes === null ? null : Number(row.estimated_minutes),
      preview: Boolean(row.preview),
      weight: num(row.weight, 1),
      required: row.required ?? true,
      opensAt: opens && opens.getTime() > now.getTime() ? opens.toISOString() : null,
      released: isReleased(release, enrolledAt, now),
      progress: enrolled && row.progress_status ? { status: row.progress_status, fraction: num(row.fraction, 0) } : null,
    })
  }

  return {
    course: { id: Number(head.id), slug: head.slug, title: head.title, status: head.status ?? 'draft' },
    enrollment:
      head.enrollment_id === null
        ? null
        : {
            id: Number(head.enrollment_id),
            status: head.enrollment_status ?? 'active',
            progress: num(head.progress, 0),
            enrolledAt: new Date(head.enrolled_at!).toISOString(),
            lastLesson: head.last_lesson_id === null ? null : Number(head.last_lesson_id),
          },
    modules,
  }
}
