import type { Payload } from 'payload'

import { drizzleOf, query, sql } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { isStaffUser } from '@/access/roles'
import { listPolls, type Poll } from './polls'
import { listQuestions, type Question } from './qa'
import { LIVE_QA } from './board'
import { LIVE_REACTIONS } from './reactions'
import { joinOpen, liveStatus, type LiveStatus } from './status'
import type { Viewer } from './session'

export type LiveSessionState = {
  session: {
    id: number
    title: string
    description: string | null
    startsAt: string
    endsAt: string
    timezone: string | null
    status: LiveStatus
    capacity: number | null
    registered: number
    seatsLeft: number | null
    course: { id: number; title: string; slug: string } | null
    lessonId: number | null
    hosts: { id: number; name: string }[]
  }
  me: { signedIn: boolean; registered: boolean; attendedAt: string | null; moderator: boolean; participant: boolean; canJoin: boolean; enrolled: boolean | null }
  /** Hosts and staff only. */
  attendance: { registered: number; attended: number } | null
  questions: Question[]
  polls: Poll[]
  reactions: readonly string[]
  serverTime: string
}

type Raw = {
  id: number
  title: string
  description: string | null
  starts_at: string | Date
  ends_at: string | Date
  timezone: string | null
  state: string
  capacity: number | string | null
  registered_count: number | string
  lesson_id: number | null
  course: { id: number; title: string; slug: string } | null
  hosts: { id: number; name: string }[] | null
  registered: boolean
  attended_at: string | Date | null
  enrolled: boolean | null
  attended: number | string
}

/**
 * Everything the session panel shows, for a viewer (null when signed out): details, seats, the viewer's
 * registration and, for those taking part, questions and polls; attendance for hosts and staff.
 * Three statements.
 */
export async function liveSessionState(payload: Payload, viewer: Viewer | null, sessionId: number, now = new Date()): Promise<LiveSessionState> {
  const db = drizzleOf(payload)
  const me = viewer?.id ?? 0
  const [row] = await query<Raw>(
    db,
    sql`select s.id, s.title, s.description, s.starts_at, s.ends_at, s.timezone, s.state, s.capacity, s.registered_count, s.lesson_id,
          (select json_build_object('id', c.id, 'title', c.title, 'slug', c.slug) from courses c where c.id = s.course_id) as course,
          (select coalesce(json_agg(json_build_object('id', u.id, 'name', trim(concat_ws(' ', u.honorific, u.name))) order by r."order"), '[]'::json)
             from live_sessions_rels r join users u on u.id = r.users_id where r.parent_id = s.id and r.path = 'hosts') as hosts,
          exists(select 1 from live_registrations g where g.session_id = s.id and g.user_id = ${me}) as registered,
          (select g.attended_at from live_registrations g where g.session_id = s.id and g.user_id = ${me}) as attended_at,
          case when s.course_id is null then null else exists(select 1 from enrollments e where e.course_id = s.course_id and e.user_id = ${me} and e.status in ('active', 'completed')) end as enrolled,
          (select count(*) from live_registrations g where g.session_id = s.id and g.attended_at is not null) as attended
        from live_sessions s where s.id = ${sessionId}`,
  )
  if (!row) throw new RuleError('No such live session.', 404)
  const hosts = row.hosts ?? []
  const moderator = Boolean(viewer) && (isStaffUser(viewer) || hosts.some((h) => Number(h.id) === me))
  const participant = moderator || Boolean(row.registered)
  const timed = { startsAt: row.starts_at, endsAt: row.ends_at, state: row.state }
  const capacity = row.capacity == null ? null : Number(row.capacity)
  const registered = Number(row.registered_count)
  const [questions, polls] = participant
    ? await Promise.all([listQuestions(db, LIVE_QA, sessionId, me, { includeHidden: moderator }), listPolls(db, sessionId, me)])
    : [[], []]
  return {
    session: {
      id: Number(row.id),
      title: row.title,
      description: row.description,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      timezone: row.timezone,
      status: liveStatus(timed, now),
      capacity,
      registered,
      seatsLeft: capacity === null ? null : Math.max(0, capacity - registered),
      course: row.course,
      lessonId: row.lesson_id == null ? null : Number(row.lesson_id),
      hosts: hosts.map((h) => ({ id: Number(h.id), name: h.name })),
    },
    me: {
      signedIn: Boolean(viewer),
      registered: Boolean(row.registered),
      attendedAt: row.attended_at ? new Date(row.attended_at).toISOString() : null,
      moderator,
      participant,
      canJoin: participant && joinOpen(timed, now),
      enrolled: row.enrolled,
    },
    attendance: moderator ? { registered, attended: Number(row.attended) } : null,
    questions,
    polls,
    reactions: LIVE_REACTIONS,
    serverTime: now.toISOString(),
  }
}

/** The live session of a lesson of kind live (the next one when several), or null. */
export async function liveSessionForLesson(payload: Payload, lessonId: number): Promise<{ id: number; title: string; startsAt: string; endsAt: string; status: LiveStatus } | null> {
  const [row] = await query<{ id: number; title: string; starts_at: string | Date; ends_at: string | Date; state: string }>(
    payload,
    sql`select id, title, starts_at, ends_at, state from live_sessions where lesson_id = ${lessonId}
        order by (state <> 'cancelled' and ends_at > now()) desc, starts_at asc limit 1`,
  )
  if (!row) return null
  return {
    id: Number(row.id),
    title: row.title,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    status: liveStatus({ startsAt: row.starts_at, endsAt: row.ends_at, state: row.state }),
  }
}
