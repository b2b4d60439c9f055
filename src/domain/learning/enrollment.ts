import type { Payload } from 'payload'

import { isStaffUser } from '@/access/roles'
import { query, sql, transaction, type Db } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'

/** Who asks to enrol: the signed-in member as the session knows them. */
export type Enroller = { id: number; roles?: string[] | null; tier?: string | null }

export type EnrollmentView = {
  id: number
  course: number
  user: number
  status: 'active' | 'completed' | 'cancelled'
  source: string
  progress: number
  enrolledAt: string
  completedAt: string | null
  lastLesson: number | null
}

export type EnrollResult = {
  enrollment: EnrollmentView
  /** A new enrollment was made. */
  created: boolean
  /** A cancelled enrollment was taken up again, with its progress. */
  reactivated: boolean
  enrollmentCount: number
}

export type UnenrollResult = { enrollment: EnrollmentView | null; cancelled: boolean; enrollmentCount: number }

/** Tiers whose members take premium courses without buying them. */
export const PREMIUM_TIERS = ['premium', 'pro'] as const

type CourseRow = { id: number; title: string; status: string | null; pricing: string }
type EnrollmentRow = {
  id: number
  user_id: number
  course_id: number
  status: EnrollmentView['status']
  source: string
  progress: string | number | null
  enrolled_at: string | Date
  completed_at: string | Date | null
  last_lesson_id: number | null
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString())

function view(row: EnrollmentRow): EnrollmentView {
  return {
    id: Number(row.id),
    course: Number(row.course_id),
    user: Number(row.user_id),
    status: row.status,
    source: row.source,
    progress: Number(row.progress ?? 0),
    enrolledAt: iso(row.enrolled_at)!,
    completedAt: iso(row.completed_at),
    lastLesson: row.last_lesson_id === null ? null : Number(row.last_lesson_id),
  }
}

const RETURNING = sql`id, user_id, course_id, status, source, progress, enrolled_at, completed_at, last_lesson_id`

/** The published course, locked for this transaction's counter update; 404 when there is none. */
async function publishedCourse(db: Db, courseId: number): Promise<CourseRow> {
  const [course] = await query<CourseRow>(db, sql`select id, title, _status as status, pricing from courses where id = ${courseId}`)
  if (!course || course.status !== 'published') throw new RuleError('No such course.', 404)
  return course
}

/** Adds `delta` to the course's enrollment count, on the document and on its latest version (which the admin edits). */
async function bumpCount(db: Db, courseId: number, delta: number): Promise<number> {
  const [row] = await query<{ n: number }>(
    db,
    sql`with c as (
          update courses set enrollment_count = greatest(coalesce(enrollment_count, 0) + ${delta}, 0) where id = ${courseId} returning enrollment_count
        ), v as (
          update _courses_v set version_enrollment_count = (select enrollment_count from c) where parent_id = ${courseId} and latest
        )
        select enrollment_count::int as n from c`,
  )
  return Number(row?.n ?? 0)
}

const currentCount = async (db: Db, courseId: number) =>
  Number((await query<{ n: number }>(db, sql`select coalesce(enrollment_count, 0)::int as n from courses where id = ${courseId}`))[0]?.n ?? 0)

/**
 * Whether `learner` may take the course, and by what right: the source of the enrollment. Throws a
 * RuleError (402/403/409) naming what is missing. Staff skip every check but publication.
 */
async function admission(db: Db, course: CourseRow, learner: { id: number; tier: string | null; verified: boolean }): Promise<string> {
  const [row] = await query<{ entitled: boolean; missing: { id: number; title: string; slug: string }[] | null }>(
    db,
    sql`select
          exists (select 1 from course_entitlements e where e.user_id = ${learner.id} and e.course_id = ${course.id}
                  and e.revoked_at is null and (e.expires_at is null or e.expires_at > now())) as entitled,
          (select json_agg(json_build_object('id', p.id, 'title', p.title, 'slug', p.slug) order by p.title)
             from courses_rels r join courses p on p.id = r.courses_id
            where r.parent_id = ${course.id} and r.path = 'prerequisites' and p._status = 'published'
              and not exists (select 1 from enrollments e where e.user_id = ${learner.id} and e.course_id = p.id and e.status = 'completed')) as missing`,
  )
  if (!learner.verified) throw new RuleError('Confirm your email address before enrolling.', 403)
  let source: string
  if (course.pricing === 'free') source = 'free'
  else if (course.pricing === 'premium') {
    if ((PREMIUM_TIERS as readonly string[]).includes(learner.tier ?? '')) source = 'premium'
    else if (row?.entitled) source = 'entitlement'
    else throw new RuleError('This course is included with Premium: upgrade your membership to enrol.', 402)
  } else {
    if (!row?.entitled) throw new RuleError('This course must be bought before enrolling.', 402)
    source = 'entitlement'
  }
  const missing = row?.missing ?? []
  if (missing.length) {
    throw new RuleError(`Complete ${missing.length === 1 ? 'the prerequisite' : 'the prerequisites'} first: ${missing.map((c) => c.title).join(', ')}.`, 409)
  }
  return source
}

/**
 * Enrols `learner` (the actor themself, or anyone when the actor is staff) in a published course.
 * Idempotent: an existing active or completed enrollment is returned as it is; a cancelled one is
 * reactivated with its progress. The course's enrollmentCount (active and completed enrollments)
 * changes in the same transaction as the enrollment, so it stays exact under concurrent enrolments.
 */
export async function enroll(payload: Payload, actor: Enroller, courseId: number, learnerId: number = actor.id): Promise<EnrollResult> {
  const byStaff = isStaffUser(actor as never)
  if (learnerId !== actor.id && !byStaff) throw new RuleError('Only staff enrol other members.', 403)
  return transaction(payload, async (db) => {
    const course = await publishedCourse(db, courseId)
    const [existing] = await query<EnrollmentRow>(db, sql`select ${RETURNING} from enrollments where user_id = ${learnerId} and course_id = ${courseId}`)
    if (existing && existing.status !== 'cancelled') {
      return { enrollment: view(existing), created: false, reactivated: false, enrollmentCount: await currentCount(db, courseId) }
    }
    const [learner] = await query<{ id: number; tier: string | null; verified: boolean | null }>(
      db,
      sql`select id, tier, _verified as verified from users where id = ${learnerId}`,
    )
    if (!learner) throw new RuleError('No such member.', 404)
    const source = byStaff ? 'staff' : await admission(db, course, { id: learnerId, tier: learner.tier, verified: Boolean(learner.verified) })

    // A parallel request for the same pair meets the unique index: the later one waits for the first
    // to commit, then updates nothing (the enrollment is no longer cancelled) and reads it below.
    const [row] = await query<EnrollmentRow & { inserted: boolean }>(
      db,
      sql`insert into enrollments as e (user_id, course_id, status, source, progress, enrolled_at, updated_at, created_at)
          values (${learnerId}, ${courseId}, 'active', ${source}, 0, now(), now(), now())
          on conflict (user_id, course_id) do update set status = 'active', source = excluded.source, updated_at = now()
            where e.status = 'cancelled'
          returning ${RETURNING}, (xmax = 0) as inserted`,
    )
    if (!row) {
      const [now] = await query<EnrollmentRow>(db, sql`select ${RETURNING} from enrollments where user_id = ${learnerId} and course_id = ${courseId}`)
      return { enrollment: view(now), created: false, reactivated: false, enrollmentCount: await currentCount(db, courseId) }
    }
    const enrollmentCount = await bumpCount(db, courseId, 1)
    return { enrollment: view(row), created: row.inserted, reactivated: !row.inserted, enrollmentCount }
  })
}

/**
 * Leaves a course: the enrollment is cancelled (its progress kept for a later return). A completed
 * course stays completed (409). Idempotent: not enrolled or already cancelled changes nothing.
 */
export async function unenroll(payload: Payload, actor: Enroller, courseId: number, learnerId: number = actor.id): Promise<UnenrollResult> {
  if (learnerId !== actor.id && !isStaffUser(actor as never)) throw new RuleError('Only staff unenrol other members.', 403)
  return transaction(payload, async (db) => {
    const [course] = await query<{ id: number }>(db, sql`select id from courses where id = ${courseId}`)
    if (!course) throw new RuleError('No such course.', 404)
    const [existing] = await query<EnrollmentRow>(
      db,
      sql`select ${RETURNING} from enrollments where user_id = ${learnerId} and course_id = ${courseId} for update`,
    )
    if (!existing || existing.status === 'cancelled') {
      return { enrollment: existing ? view(existing) : null, cancelled: false, enrollmentCount: await currentCount(db, courseId) }
    }
    if (existing.status === 'completed') throw new RuleError('You completed this course; a completed course stays on your record.', 409)
    const [row] = await query<EnrollmentRow>(
      db,
      sql`update enrollments set status = 'cancelled', updated_at = now() where id = ${existing.id} returning ${RETURNING}`,
    )
    const enrollmentCount = await bumpCount(db, courseId, -1)
    return { enrollment: view(row), cancelled: true, enrollmentCount }
  })
}

export type AdmissionFacts = {
  prerequisites: { id: number; title: string; slug: string; completed: boolean }[]
  /** The member holds a live entitlement to the course. */
  entitled: boolean
}

/** What the course page shows beside its action: the prerequisites (and whether the viewer completed them) and their entitlement. One statement. */
export async function admissionFacts(payload: Payload, courseId: number, userId: number | null): Promise<AdmissionFacts> {
  const me = userId ?? 0
  const [row] = await query<{ entitled: boolean; prerequisites: AdmissionFacts['prerequisites'] | null }>(
    payload,
    sql`select
          exists (select 1 from course_entitlements e where e.user_id = ${me} and e.course_id = ${courseId}
                  and e.revoked_at is null and (e.expires_at is null or e.expires_at > now())) as entitled,
          (select json_agg(json_build_object('id', p.id, 'title', p.title, 'slug', p.slug,
                  'completed', exists (select 1 from enrollments e where e.user_id = ${me} and e.course_id = p.id and e.status = 'completed'))
                  order by r."order")
             from courses_rels r join courses p on p.id = r.courses_id
            where r.parent_id = ${courseId} and r.path = 'prerequisites' and p._status = 'published') as prerequisites`,
  )
  return { entitled: Boolean(row?.entitled), prerequisites: (row?.prerequisites ?? []).map((p) => ({ ...p, id: Number(p.id) })) }
}
