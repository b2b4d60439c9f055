import type { Payload } from 'payload'

import { isStaffUser } from '@/access/roles'
import { query, sql, type Db } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import type { LiveState } from './status'

export type Viewer = { id: number; roles?: string[] | null }

/** A session as the rules need it (one statement, hosts included). */
export type SessionRow = {
  id: number
  title: string
  courseId: number | null
  lessonId: number | null
  startsAt: Date
  endsAt: Date
  state: LiveState
  capacity: number | null
  registeredCount: number
  joinUrl: string
  hosts: number[]
}

type Raw = {
  id: number
  title: string
  course_id: number | null
  lesson_id: number | null
  starts_at: string | Date
  ends_at: string | Date
  state: LiveState
  capacity: number | string | null
  registered_count: number | string | null
  join_url: string
  hosts: number[] | null
}

/** Reads a session; `lock` takes its row (FOR NO KEY UPDATE) so seat counts change one at a time. */
export async function loadSession(db: Payload | Db, id: number, opts: { lock?: boolean } = {}): Promise<SessionRow> {
  const [row] = await query<Raw>(
    db,
    sql`select s.id, s.title, s.course_id, s.lesson_id, s.starts_at, s.ends_at, s.state, s.capacity, s.registered_count, s.join_url,
          array(select r.users_id from live_sessions_rels r where r.parent_id = s.id and r.path = 'hosts' and r.users_id is not null) as hosts
        from live_sessions s where s.id = ${id} ${opts.lock ? sql`for no key update of s` : sql``}`,
  )
  if (!row) throw new RuleError('No such live session.', 404)
  return {
    id: Number(row.id),
    title: row.title,
    courseId: row.course_id == null ? null : Number(row.course_id),
    lessonId: row.lesson_id == null ? null : Number(row.lesson_id),
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    state: row.state,
    capacity: row.capacity == null ? null : Number(row.capacity),
    registeredCount: Number(row.registered_count ?? 0),
    joinUrl: row.join_url,
    hosts: (row.hosts ?? []).map(Number),
  }
}

/** Hosts and staff run the session: they answer, hide and poll. */
export const moderates = (session: Pick<SessionRow, 'hosts'>, viewer: Viewer) => isStaffUser(viewer) || session.hosts.includes(Number(viewer.id))

/** Whether the member holds a seat. */
export async function isRegistered(db: Payload | Db, sessionId: number, userId: number): Promise<boolean> {
  const rows = await query(db, sql`select 1 from live_registrations where session_id = ${sessionId} and user_id = ${userId}`)
  return rows.length > 0
}

/** Registered members, hosts and staff take part (ask, vote, follow the stream); others are refused 403. */
export async function assertParticipant(db: Payload | Db, session: SessionRow, viewer: Viewer) {
  if (moderates(session, viewer)) return
  if (!(await isRegistered(db, session.id, viewer.id))) throw new RuleError('Register for this session to take part.', 403)
}

export function assertModerator(session: SessionRow, viewer: Viewer) {
  if (!moderates(session, viewer)) throw new RuleError('Only the hosts of this session can do that.', 403)
}

/** Whether the member is enrolled (active or completed) in the course. */
export async function enrolledIn(db: Payload | Db, userId: number, courseId: number): Promise<boolean> {
  const rows = await query(db, sql`select 1 from enrollments where user_id = ${userId} and course_id = ${courseId} and status in ('active', 'completed')`)
  return rows.length > 0
}
