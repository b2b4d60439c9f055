import { query, sql, type Db } from '@/db/sql'
import type { ActivityListener } from '@/domain/events/types'
import { announce, setDecision } from '@/domain/notifications/store'
import { newCertificateCode } from './code'

/**
 * Issues the certificate of a completed enrollment, in the transaction that completed it: the learner's
 * name, the course's title and credit hours are copied as they are now, and the expiry follows the
 * course's validity (none when it is 0). Does nothing when the course awards no certificate, when the
 * enrollment is not completed, or when this completion already has its certificate (the unique
 * enrollment + completion time): announcing one completion twice issues one certificate, while a
 * recertification (which clears the completion) issues a new one. Returns the new certificate, if any.
 */
export async function issueCertificate(db: Db, enrollment: number): Promise<{ id: number; courseTitle: string } | null> {
  const [row] = await query<{ id: number; course_title: string }>(
    db,
    sql`insert into certificates as c (code, user_id, course_id, enrollment_id, learner_name, course_title, credit_hours,
                                       completed_at, issued_at, expires_at, updated_at, created_at)
        select ${newCertificateCode()}, e.user_id, e.course_id, e.id,
               left(concat_ws(' ', u.honorific::text, u.name), 200), left(co.title, 200), co.credit_hours,
               e.completed_at, now(),
               case when coalesce(co.certificate_validity_months, 0) > 0
                    then e.completed_at + make_interval(months => co.certificate_validity_months::int) end,
               now(), now()
        from enrollments e
        join courses co on co.id = e.course_id
        join users u on u.id = e.user_id
        where e.id = ${enrollment} and e.status = 'completed' and e.completed_at is not null
          and coalesce(co.certificate_enabled, true)
        on conflict (enrollment_id, completed_at) do nothing
        returning c.id, c.course_title`,
  )
  return row ? { id: Number(row.id), courseTitle: row.course_title } : null
}

/**
 * The activity listener: a completed course issues its certificate, and the learner is told (unless
 * they turned certificate notifications off).
 */
export const issueOnCompletion: ActivityListener = async (event, { db }) => {
  if (event.type !== 'course.completed') return
  const certificate = await issueCertificate(db, event.enrollment)
  if (!certificate) return
  const told = await setDecision(db, {
    recipient: event.user,
    type: 'certificate',
    subject: { key: `certificate:${certificate.id}` },
    detail: certificate.courseTitle,
  })
  if (told) await announce(db, [event.user])
}
