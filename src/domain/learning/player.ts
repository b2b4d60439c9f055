import type { Payload } from 'payload'

import { query, sql, transaction, type Db } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { isReleased, releaseDate } from './availability'
import { applyHeartbeat, type Interval } from './intervals'
import { signLessonMedia, type SignedMedia } from './lessonMedia'
import { recordLessonProgress, type ProgressResult } from './progress'
import type { LessonKind } from './types'

/** Who opens a lesson and why they may. */
export type LessonAccess =
  | { ok: true; as: 'staff' | 'instructor' | 'learner' | 'preview'; lesson: OpenedLesson; enrolled: boolean }
  | { ok: false; reason: 'not-found' | 'sign-in' | 'not-enrolled'; lesson?: OpenedLesson }
  | { ok: false; reason: 'not-released'; opensAt: Date; lesson: OpenedLesson }

export type OpenedLesson = {
  id: number
  course: number
  courseSlug: string
  kind: LessonKind
  preview: boolean
  videoFile: number | null
  videoUrl: string | null
  durationSeconds: number | null
  documentFile: number | null
  pageCount: number | null
}

type Row = {
  id: number
  kind: LessonKind
  preview: boolean | null
  release_at: string | null
  release_after_days: number | null
  course_id: number
  slug: string
  course_status: string | null
  video_file_id: number | null
  video_url: string | null
  video_duration_seconds: string | number | null
  document_file_id: number | null
  document_page_count: number | null
  enrollment_status: string | null
  enrolled_at: string | null
  teaches: boolean
}

export type Opener = { id: number; staff?: boolean } | null

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/**
 * Whether `user` may open the lesson now (one statement): staff and the course's instructors always;
 * everyone a preview lesson of a published course; otherwise learners enrolled (not cancelled) once the
 * lesson's drip release has come.
 */
export async function lessonAccess(payload: Payload | Db, user: Opener, lessonId: number, now = new Date()): Promise<LessonAccess> {
  const uid = user?.id ?? 0
  const [row] = await query<Row>(
    payload,
    sql`select l.id, l.kind, l.preview, l.release_at, l.release_after_days, l.course_id, c.slug, c._status as course_status,
          l.video_file_id, l.video_url, l.video_duration_seconds, l.document_file_id, l.document_page_count,
          e.status as enrollment_status, e.enrolled_at,
          exists(select 1 from courses_rels r where r.parent_id = c.id and r.path = 'instructors' and r.users_id = ${uid}) as teaches
        from lessons l
        join courses c on c.id = l.course_id
        left join enrollments e on e.course_id = l.course_id and e.user_id = ${uid}
        where l.id = ${lessonId}`,
  )
  if (!row) return { ok: false, reason: 'not-found' }
  const lesson: OpenedLesson = {
    id: Number(row.id),
    course: Number(row.course_id),
    courseSlug: row.slug,
    kind: row.kind,
    preview: Boolean(row.preview),
    videoFile: n(row.video_file_id),
    videoUrl: row.video_url,
    durationSeconds: n(row.video_duration_seconds),
    documentFile: n(row.document_file_id),
    pageCount: n(row.document_page_count),
  }
  const enrolled = row.enrollment_status === 'active' || row.enrollment_status === 'completed'
  if (user?.staff) return { ok: true, as: 'staff', lesson, enrolled }
  if (user && row.teaches) return { ok: true, as: 'instructor', lesson, enrolled }
  if (row.course_status !== 'published') return { ok: false, reason: 'not-found' }
  const release = { at: row.release_at, afterDays: n(row.release_after_days) }
  if (enrolled) {
    if (isReleased(release, row.enrolled_at, now)) return { ok: true, as: 'learner', lesson, enrolled }
    if (!lesson.preview) return { ok: false, reason: 'not-released', opensAt: releaseDate(release, row.enrolled_at)!, lesson }
  }
  if (lesson.preview) return { ok: true, as: 'preview', lesson, enrolled: false }
  return { ok: false, reason: user ? 'not-enrolled' : 'sign-in', lesson }
}

/** The access, or the RuleError an endpoint answers with. */
export async function requireLesson(payload: Payload | Db, user: Opener, lessonId: number, now = new Date()) {
  const access = await lessonAccess(payload, user, lessonId, now)
  if (access.ok) return access
  switch (access.reason) {
    case 'not-found':
      throw new RuleError('No such lesson.', 404)
    case 'sign-in':
      throw new RuleError('Sign in first.', 401)
    case 'not-enrolled':
      throw new RuleError('Enrol in the course first.', 403)
    case 'not-released':
      throw new RuleError(`This lesson opens on ${access.opensAt.toISOString()}.`, 403)
  }
}

/** A signed URL of the lesson's video or document for this user. */
export async function lessonMediaUrl(payload: Payload, user: Opener, lessonId: number, now = Date.now()): Promise<SignedMedia> {
  const access = await requireLesson(payload, user, lessonId, new Date(now))
  const { lesson } = access
  const file = lesson.kind === 'video' ? lesson.videoFile : lesson.kind === 'document' ? lesson.documentFile : null
  if (file === null) throw new RuleError('This lesson has no file.', 404)
  const [media] = await query<{ id: number; filename: string | null; mime_type: string | null }>(
    payload,
    sql`select id, filename, mime_type from lesson_media where id = ${file}`,
  )
  const signed = media && signLessonMedia({ id: Number(media.id), filename: media.filename, mimeType: media.mime_type }, user?.id ?? null, now)
  if (!signed) throw new RuleError('This lesson has no file.', 404)
  return signed
}

/** Progress is kept for enrolled learners of an open lesson (staff and instructors too when enrolled). */
async function requireLearner(db: Db, user: number, lessonId: number, kind: LessonKind, staff: boolean, now: Date) {
  const access = await requireLesson(db, { id: user, staff }, lessonId, now)
  if (!access.enrolled) throw new RuleError('Enrol in the course first.', 403)
  if (access.lesson.kind !== kind) throw new RuleError(`This is a ${access.lesson.kind} lesson, not a ${kind} lesson.`, 400)
  // Serialises this learner's beats in the course with recordLessonProgress, which takes the same lock.
  await query(db, sql`select id from enrollments where user_id = ${user} and course_id = ${access.lesson.course} for update`)
  const [stored] = await query<{ detail: Record<string, unknown> | null }>(
    db,
    sql`select detail from lesson_progress where user_id = ${user} and lesson_id = ${lessonId}`,
  )
  return { lesson: access.lesson, detail: stored?.detail ?? {} }
}

/** Longest video the player accepts a duration for when the lesson does not state one (6 hours). */
const MAX_DURATION = 6 * 3600

export type HeartbeatInput = { intervals: unknown; position?: number; duration?: number }
export type HeartbeatResult = ProgressResult & { watchedSeconds: number; duration: number }

/**
 * A video heartbeat: merges the reported watched intervals into the stored ones, counting only what the
 * wall clock since the previous beat allows (src/domain/learning/intervals.ts). The duration is the
 * lesson's; when the lesson states none, the first one the player reported is kept and never changed.
 */
export async function recordHeartbeat(
  payload: Payload,
  who: { id: number; staff?: boolean },
  lessonId: number,
  input: HeartbeatInput,
  now = Date.now(),
): Promise<HeartbeatResult> {
  return transaction(payload, async (tx) => {
    const { lesson, detail } = await requireLearner(tx, who.id, lessonId, 'video', Boolean(who.staff), new Date(now))
    const storedDuration = n(detail.duration)
    const duration =
      lesson.durationSeconds ??
      (storedDuration && storedDuration > 0 ? storedDuration : input.duration && input.duration > 0 ? Math.min(input.duration, MAX_DURATION) : null)
    if (!duration) throw new RuleError('The length of this video is not known yet; report duration with the first heartbeat.', 400)
    const beat = applyHeartbeat(
      { watched: (Array.isArray(detail.watched) ? detail.watched : []) as Interval[], lastBeatAt: n(detail.lastBeatAt) },
      input.intervals,
      duration,
      now,
    )
    const position = typeof input.position === 'number' && Number.isFinite(input.position) ? Math.min(Math.max(0, input.position), duration) : undefined
    const result = await recordLessonProgress(payload, tx, {
      user: who.id,
      lesson: lessonId,
      update: {
        fraction: beat.fraction,
        completed: beat.completed,
        position,
        detail: { watched: beat.state.watched, lastBeatAt: beat.state.lastBeatAt, duration, watchedSeconds: Math.round(beat.watched * 10) / 10 },
      },
    })
    return { ...result, watchedSeconds: beat.watched, duration }
  })
}

/**
 * Pages of a document the learner has viewed. Pages are 1..pageCount; the lesson is complete once every
 * page was shown. Position is the page shown last, to reopen there.
 */
export async function recordPagesViewed(payload: Payload, who: { id: number; staff?: boolean }, lessonId: number, pages: number[], now = Date.now()) {
  return transaction(payload, async (tx) => {
    const { lesson, detail } = await requireLearner(tx, who.id, lessonId, 'document', Boolean(who.staff), new Date(now))
    const count = lesson.pageCount
    if (!count) throw new RuleError('This document has no page count.', 409)
    const bad = pages.find((p) => !Number.isInteger(p) || p < 1 || p > count)
    if (bad !== undefined) throw new RuleError(`Pages run from 1 to ${count}; ${bad} is not one of them.`, 400)
    const previous = Array.isArray(detail.pages) ? (detail.pages as unknown[]).filter((p): p is number => Number.isInteger(p) && (p as number) >= 1 && (p as number) <= count) : []
    const viewed = [...new Set([...previous, ...pages])].sort((a, b) => a - b)
    const result = await recordLessonProgress(payload, tx, {
      user: who.id,
      lesson: lessonId,
      update: { fraction: viewed.length / count, completed: viewed.length === count, position: pages.length ? pages[pages.length - 1] : undefined, detail: { pages: viewed, pageCount: count } },
    })
    return { ...result, pages: viewed, pageCount: count }
  })
}

/**
 * A text lesson is read when the learner reached its end: the page reports it once the end of the text
 * has been on screen (or the learner pressed "Mark as read" there). The server cannot see a reader's
 * eyes; what it can hold is that the lesson was open and released to an enrolled learner.
 */
export async function markLessonRead(payload: Payload, who: { id: number; staff?: boolean }, lessonId: number, now = Date.now()) {
  return transaction(payload, async (tx) => {
    await requireLearner(tx, who.id, lessonId, 'text', Boolean(who.staff), new Date(now))
    return recordLessonProgress(payload, tx, { user: who.id, lesson: lessonId, update: { completed: true, detail: { readAt: new Date(now).toISOString() } } })
  })
}
