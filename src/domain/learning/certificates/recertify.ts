import type { Payload } from 'payload'

import { query, sql, transaction } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { RECERTIFY_WINDOW_DAYS } from './status'

type Enrollment = { id: number; status: string }
type Latest = { expires_at: Date | null; revoked_at: Date | null; due: boolean }

/**
 * Re-opens a learner's enrollment so that completing the course again issues a new certificate: allowed
 * when their latest certificate of the course has expired or expires within 60 days. The enrollment goes
 * back to active with its progress, completion and lesson progress cleared, in one transaction; the old
 * certificates stay as they are (and verify as expired once they are). An enrollment already re-opened
 * is left alone (`reopened: false`).
 */
export async function recertify(payload: Payload, user: number, course: number): Promise<{ enrollment: number; reopened: boolean }> {
  return transaction(payload, async (db) => {
    const [enrollment] = await query<Enrollment>(
      db,
      sql`select id, status from enrollments where user_id = ${user} and course_id = ${course} for update`,
    )
    if (!enrollment) throw new RuleError('You are not enrolled in this course.', 404)
    const [latest] = await query<Latest>(
      db,
      sql`select expires_at, revoked_at, coalesce(expires_at <= now() + make_interval(days => ${RECERTIFY_WINDOW_DAYS}), false) as due
          from certificates where user_id = ${user} and course_id = ${course}
          order by issued_at desc, id desc limit 1`,
    )
    if (!latest) throw new RuleError('You have no certificate for this course to renew.', 409)
    if (latest.revoked_at) throw new RuleError('Your certificate for this course was revoked; contact the Rounds team.', 409)
    if (!latest.expires_at) throw new RuleError('Your certificate for this course does not expire.', 409)
    if (!latest.due) throw new RuleError(`You can recertify from ${RECERTIFY_WINDOW_DAYS} days before your certificate expires.`, 409)
    if (enrollment.status === 'cancelled') throw new RuleError('Enrol in the course again first.', 409)
    const id = Number(enrollment.id)
    if (enrollment.status === 'active') return { enrollment: id, reopened: false }

    await query(db, sql`delete from lesson_progress where user_id = ${user} and course_id = ${course}`)
    await query(
      db,
      sql`update enrollments set status = 'active', progress = 0, completed_at = null, last_lesson_id = null,
                                 last_activity_at = now(), updated_at = now()
          where id = ${id}`,
    )
    return { enrollment: id, reopened: true }
  })
}
