import type { Payload } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { query, sql } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'

type Teacher = { id: number | string; roles?: string[] | null }

export type EnrollmentStats = {
  active: number
  completed: number
  cancelled: number
  /** Completed out of everyone who stayed (active + completed), 0..1; null without learners. */
  completionRate: number | null
  /** Mean progress (percent) of active and completed learners; null without learners. */
  averageProgress: number | null
}

export type TaughtCourse = {
  id: number
  slug: string
  title: string
  status: string
  pricing: string
  stats: EnrollmentStats
  /** The course's quizzes (their statistics pages), in syllabus order. */
  quizzes: { id: number; title: string }[]
}

export type Enrollee = {
  enrollment: number
  user: { id: number; name: string; honorific: string | null; handle: string | null }
  status: string
  enrolledAt: string
  progress: number
  lastActivityAt: string | null
}

export const TEACHING_PAGE = 20
export const ENROLLEES_PAGE = 20
export const MAX_PAGE = 100

type StatsRow = { active: number; completed: number; cancelled: number; average: string | number | null }

function stats(row: StatsRow | undefined): EnrollmentStats {
  const active = Number(row?.active ?? 0)
  const completed = Number(row?.completed ?? 0)
  const stayed = active + completed
  return {
    active,
    completed,
    cancelled: Number(row?.cancelled ?? 0),
    completionRate: stayed ? Math.round((completed / stayed) * 1000) / 1000 : null,
    averageProgress: stayed && row?.average !== null && row?.average !== undefined ? Math.round(Number(row.average) * 10) / 10 : null,
  }
}

/** The statistics of one course's enrollments, as a SQL fragment over `enrollments` aliased `e` for course `course`. */
const statsColumns = sql`count(*) filter (where e.status = 'active')::int as active,
  count(*) filter (where e.status = 'completed')::int as completed,
  count(*) filter (where e.status = 'cancelled')::int as cancelled,
  avg(e.progress) filter (where e.status <> 'cancelled') as average`

/** Whether the member may see who is enrolled in courses: staff, and instructors for theirs. */
export const mayTeach = (user: Teacher | null) => isStaffUser(user as never) || hasRole(user as never, 'instructor')

/**
 * The courses the member teaches (every course, for staff), newest first by keyset (`before`: the
 * last id of the previous page), each with its enrollment statistics computed in SQL. One statement.
 */
export async function teachingSummary(payload: Payload, user: Teacher, opts: { before?: number; limit?: number } = {}) {
  if (!mayTeach(user)) throw new RuleError('Only instructors and staff see teaching statistics.', 403)
  const limit = Math.min(Math.max(opts.limit ?? TEACHING_PAGE, 1), MAX_PAGE)
  const me = Number(user.id)
  const mine = isStaffUser(user as never)
    ? sql`true`
    : sql`exists (select 1 from courses_rels r where r.parent_id = c.id and r.path = 'instructors' and r.users_id = ${me})`
  const rows = await query<StatsRow & { id: number; slug: string; title: string; status: string | null; pricing: string; quizzes: { id: number; title: string }[] | null }>(
    payload,
    sql`select c.id, c.slug, c.title, c._status as status, c.pricing, s.*,
          (select json_agg(json_build_object('id', q.id, 'title', q.title) order by l."order", l.id)
             from lessons l join quizzes q on q.lesson_id = l.id where l.course_id = c.id) as quizzes
        from courses c
          cross join lateral (select ${statsColumns} from enrollments e where e.course_id = c.id) s
        where ${mine} and ${opts.before ? sql`c.id < ${opts.before}` : sql`true`}
        order by c.id desc
        limit ${limit + 1}`,
  )
  const courses: TaughtCourse[] = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    status: r.status ?? 'draft',
    pricing: r.pricing,
    stats: stats(r),
    quizzes: (r.quizzes ?? []).map((q) => ({ id: Number(q.id), title: q.title })),
  }))
  return { courses, nextBefore: rows.length > limit ? courses.at(-1)!.id : null }
}

export type EnrolleeCursor = { at: string; id: number }

export const encodeEnrolleeCursor = (c: EnrolleeCursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url')

export function decodeEnrolleeCursor(value: string | undefined | null): EnrolleeCursor | null {
  if (!value) return null
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[]
    // `at` keeps Postgres' microseconds, so that no enrollment is skipped or repeated between pages.
    const valid = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) && !Number.isNaN(new Date(at).getTime())
    if (valid && Number.isSafeInteger(id) && (id as number) > 0 && (id as number) <= 2147483647) return { at: at as string, id: id as number }
  } catch {
    // fall through
  }
  throw new RuleError('That cursor is not valid.', 400)
}

/**
 * One course's learners for its instructors and staff: the statistics and the newest enrollments
 * (keyset on enrolledAt, id). 404 for an unknown course, 403 for anyone who does not teach it.
 * Two statements (the first answers the access question and the statistics at once).
 */
export async function courseEnrollees(payload: Payload, user: Teacher, courseId: number, opts: { cursor?: string | null; limit?: number } = {}) {
  const cursor = decodeEnrolleeCursor(opts.cursor)
  const limit = Math.min(Math.max(opts.limit ?? ENROLLEES_PAGE, 1), MAX_PAGE)
  const me = Number(user.id)
  const [head] = await query<StatsRow & { id: number; title: string; slug: string; teaches: boolean }>(
    payload,
    sql`select c.id, c.title, c.slug,
          exists (select 1 from courses_rels r where r.parent_id = c.id and r.path = 'instructors' and r.users_id = ${me}) as teaches,
          s.*
        from courses c cross join lateral (select ${statsColumns} from enrollments e where e.course_id = c.id) s
        where c.id = ${courseId}`,
  )
  if (!head) throw new RuleError('No such course.', 404)
  if (!isStaffUser(user as never) && !(head.teaches && hasRole(user as never, 'instructor'))) {
    throw new RuleError('Only the instructors of this course and staff see its learners.', 403)
  }
  const rows = await query<{ id: number; status: string; enrolled_at: string | Date; at_key: string; progress: string | number | null; last_activity_at: string | Date | null; user_id: number; name: string | null; honorific: string | null; handle: string | null }>(
    payload,
    sql`select e.id, e.status, e.enrolled_at, to_char(e.enrolled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key, e.progress, e.last_activity_at, u.id as user_id, u.name, u.honorific, u.handle
        from enrollments e join users u on u.id = e.user_id
        where e.course_id = ${courseId}
          and ${cursor ? sql`(e.enrolled_at, e.id) < (${cursor.at}::timestamptz, ${cursor.id})` : sql`true`}
        order by e.enrolled_at desc, e.id desc
        limit ${limit + 1}`,
  )
  const enrollees: Enrollee[] = rows.slice(0, limit).map((r) => ({
    enrollment: Number(r.id),
    user: { id: Number(r.user_id), name: r.name ?? '', honorific: r.honorific, handle: r.handle },
    status: r.status,
    enrolledAt: new Date(r.enrolled_at).toISOString(),
    progress: Number(r.progress ?? 0),
    lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at).toISOString() : null,
  }))
  const last = rows.length > limit ? rows[limit - 1] : null
  return {
    course: { id: Number(head.id), title: head.title, slug: head.slug },
    stats: stats(head),
    enrollees,
    nextCursor: last ? encodeEnrolleeCursor({ at: last.at_key, id: Number(last.id) }) : null,
  }
}
