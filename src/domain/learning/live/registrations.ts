import type { Payload } from 'payload'

import { query, sql, transaction } from '@/db/sql'
import { recordLessonProgress } from '@/domain/learning/progress'
import { publish } from '@/realtime/hub'
import { RuleError } from '@/lib/ruleError'
import { announce, LIVE_EVENTS, liveTopic } from './realtime'
import { enrolledIn, loadSession, moderates, type Viewer } from './session'
import { isOpenForActivity, joinOpen, liveStatus } from './status'

export type Seats = { registered: number; capacity: number | null; seatsLeft: number | null }
const seats = (registered: number, capacity: number | null): Seats => ({ registered, capacity, seatsLeft: capacity === null ? null : Math.max(0, capacity - registered) })

/**
 * Takes a seat. Registrations of one session take its row lock in turn, so parallel requests never
 * exceed the capacity; registering twice is harmless (`created: false`). A session of a course is for
 * members enrolled in it.
 */
export async function register(payload: Payload, viewer: Viewer, sessionId: number, now = new Date()): Promise<Seats & { created: boolean }> {
  return transaction(payload, async (tx) => {
    const session = await loadSession(tx, sessionId, { lock: true })
    if (!isOpenForActivity(session, now)) throw new RuleError(liveStatus(session, now) === 'cancelled' ? 'This session was cancelled.' : 'This session is over.', 409)
    const [existing] = await query(tx, sql`select id from live_registrations where session_id = ${sessionId} and user_id = ${viewer.id}`)
    if (existing) return { ...seats(session.registeredCount, session.capacity), created: false }
    if (session.courseId !== null && !moderates(session, viewer) && !(await enrolledIn(tx, viewer.id, session.courseId)))
      throw new RuleError('Enrol in the course first: this session is part of it.', 403)
    if (session.capacity !== null && session.registeredCount >= session.capacity) throw new RuleError('This session is full.', 409)
    await query(tx, sql`insert into live_registrations (session_id, user_id, updated_at, created_at) values (${sessionId}, ${viewer.id}, now(), now())`)
    const [row] = await query<{ registered_count: number }>(
      tx,
      sql`update live_sessions set registered_count = registered_count + 1 where id = ${sessionId} returning registered_count`,
    )
    const result = seats(Number(row.registered_count), session.capacity)
    await announce(tx, liveTopic(sessionId), LIVE_EVENTS.seats, result)
    return { ...result, created: true }
  })
}

/** Gives the seat back (nothing happens when there was none). */
export async function cancelRegistration(payload: Payload, viewer: Viewer, sessionId: number): Promise<Seats & { cancelled: boolean }> {
  return transaction(payload, async (tx) => {
    const session = await loadSession(tx, sessionId, { lock: true })
    const gone = await query(tx, sql`delete from live_registrations where session_id = ${sessionId} and user_id = ${viewer.id} returning id`)
    if (!gone.length) return { ...seats(session.registeredCount, session.capacity), cancelled: false }
    const [row] = await query<{ registered_count: number }>(
      tx,
      sql`update live_sessions set registered_count = greatest(registered_count - 1, 0) where id = ${sessionId} returning registered_count`,
    )
    const result = seats(Number(row.registered_count), session.capacity)
    await announce(tx, liveTopic(sessionId), LIVE_EVENTS.seats, result)
    return { ...result, cancelled: true }
  })
}

export type JoinResult = { joinUrl: string; attendedAt: string | null; lessonCompleted: boolean }

/**
 * The join link, for registered members (and hosts and staff) from 15 minutes before the start until
 * the end. A member's first join records their attendance and, when the session is a lesson of a course
 * they are enrolled in, completes that lesson in the same transaction. Hosts are told the new count.
 */
export async function joinSession(payload: Payload, viewer: Viewer, sessionId: number, now = new Date()): Promise<JoinResult> {
  return transaction(payload, async (tx) => {
    const session = await loadSession(tx, sessionId)
    const status = liveStatus(session, now)
    if (status === 'cancelled') throw new RuleError('This session was cancelled.', 409)
    if (status === 'ended') throw new RuleError('This session is over.', 409)
    const host = moderates(session, viewer)
    const [registration] = await query<{ id: number; attended_at: string | Date | null }>(
      tx,
      sql`select id, attended_at from live_registrations where session_id = ${sessionId} and user_id = ${viewer.id} for update`,
    )
    if (!registration && !host) throw new RuleError('Register for this session to join it.', 403)
    if (!joinOpen(session, now)) throw new RuleError('The link opens 15 minutes before the start.', 403)
    if (!registration) return { joinUrl: session.joinUrl, attendedAt: null, lessonCompleted: false }
    if (registration.attended_at) return { joinUrl: session.joinUrl, attendedAt: new Date(registration.attended_at).toISOString(), lessonCompleted: false }

    await query(tx, sql`update live_registrations set attended_at = ${now.toISOString()}::timestamptz, updated_at = now() where id = ${registration.id}`)
    let lessonCompleted = false
    if (session.lessonId !== null && session.courseId !== null && (await enrolledIn(tx, viewer.id, session.courseId))) {
      const progress = await recordLessonProgress(payload, tx, { user: viewer.id, lesson: session.lessonId, update: { completed: true } })
      lessonCompleted = progress.lesson.justCompleted
    }
    const [{ attended }] = await query<{ attended: number | string }>(
      tx,
      sql`select count(*) as attended from live_registrations where session_id = ${sessionId} and attended_at is not null`,
    )
    if (session.hosts.length) await publish(tx, { type: LIVE_EVENTS.attendance, users: session.hosts, data: { sessionId, attended: Number(attended) } })
    return { joinUrl: session.joinUrl, attendedAt: now.toISOString(), lessonCompleted }
  })
}
