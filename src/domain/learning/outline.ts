import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { isReleased, releaseDate } from './availability'
import type { LessonKind } from './types'

export type OutlineLesson = {
  id: number
  title: string
  kind: LessonKind
  preview: boolean
  status: 'started' | 'completed' | null
  fraction: number
  position: number | null
  /** When it opens for this learner, if that is still ahead. */
  opensAt: string | null
}
export type OutlineModule = { id: number; title: string; lessons: OutlineLesson[] }
export type CourseOutline = {
  course: { id: number; title: string; slug: string }
  enrollment: { status: string; progress: number; lastLesson: number | null } | null
  modules: OutlineModule[]
  /** Every lesson in syllabus order, for previous/next. */
  lessons: OutlineLesson[]
}

type Row = {
  module_id: number
  module_title: string
  id: number | null
  title: string | null
  kind: LessonKind | null
  preview: boolean | null
  release_at: string | null
  release_after_days: number | null
  status: 'started' | 'completed' | null
  fraction: string | number | null
  position: string | number | null
}

/**
 * The player's outline of a course for one learner (0 for a visitor): modules and lessons in order, with
 * their progress and drip dates, and the learner's enrollment. Two statements.
 */
export async function courseOutline(payload: Payload, courseId: number, user: number | null, now = new Date()): Promise<CourseOutline | null> {
  const uid = user ?? 0
  const [head] = await query<{ id: number; title: string; slug: string; status: string | null; progress: string | number | null; last_lesson_id: number | null; enrolled_at: string | null }>(
    payload,
    sql`select c.id, c.title, c.slug, e.status, e.progress, e.last_lesson_id, e.enrolled_at
        from courses c left join enrollments e on e.course_id = c.id and e.user_id = ${uid}
        where c.id = ${courseId}`,
  )
  if (!head) return null
  const rows = await query<Row>(
    payload,
    sql`select m.id as module_id, m.title as module_title, l.id, l.title, l.kind, l.preview, l.release_at, l.release_after_days,
          p.status, p.fraction, p.position
        from course_modules m
        left join lessons l on l.module_id = m.id
        left join lesson_progress p on p.lesson_id = l.id and p.user_id = ${uid}
        where m.course_id = ${courseId}
        order by m."order", m.id, l."order", l.id`,
  )
  const modules: OutlineModule[] = []
  const lessons: OutlineLesson[] = []
  for (const r of rows) {
    let mod = modules[modules.length - 1]
    if (!mod || mod.id !== Number(r.module_id)) modules.push((mod = { id: Number(r.module_id), title: r.module_title, lessons: [] }))
    if (r.id === null) continue
    const release = { at: r.release_at, afterDays: r.release_after_days === null ? null : Number(r.release_after_days) }
    const opens = head.enrolled_at || release.at ? releaseDate(release, head.enrolled_at) : null
    const lesson: OutlineLesson = {
      id: Number(r.id),
      title: r.title ?? '',
      kind: r.kind ?? 'text',
      preview: Boolean(r.preview),
      status: r.status,
      fraction: r.status === 'completed' ? 1 : Number(r.fraction ?? 0),
      position: r.position === null ? null : Number(r.position),
      opensAt: opens && !isReleased(release, head.enrolled_at, now) ? opens.toISOString() : null,
    }
    mod.lessons.push(lesson)
    lessons.push(lesson)
  }
  return {
    course: { id: Number(head.id), title: head.title, slug: head.slug },
    enrollment: head.status ? { status: head.status, progress: Number(head.progress ?? 0), lastLesson: head.last_lesson_id === null ? null : Number(head.last_lesson_id) } : null,
    modules,
    lessons,
  }
}

/**
 * Where "continue" takes a learner: the last lesson they worked in unless it is done, else the first
 * open lesson after it that is not done, else the first lesson not done; null when all are done.
 */
export function resumeLesson(outline: Pick<CourseOutline, 'enrollment' | 'lessons'>): number | null {
  const open = (l: OutlineLesson) => l.status !== 'completed' && !l.opensAt
  const lessons = outline.lessons
  const last = outline.enrollment?.lastLesson ?? null
  const at = last === null ? -1 : lessons.findIndex((l) => l.id === last)
  if (at >= 0 && open(lessons[at])) return lessons[at].id
  const after = lessons.slice(at + 1).find(open) ?? lessons.find(open)
  return after?.id ?? null
}
