import type { Payload, TaskConfig } from 'payload'

import { query, sql } from '@/db/sql'
import { escape, layout } from '@/email/templates'
import { publicUrl } from '@/lib/publicUrl'

export const REMINDERS_TASK = 'liveSessionReminders'
const BATCH = 200

/**
 * The two reminders: a day ahead (sent from 24 h until 1 h before the start, so a late registration
 * still hears of it, but not twice in an hour) and 15 minutes ahead (until the start).
 */
const KINDS = {
  day: { column: 'reminded_day_at', from: '24 hours', until: '1 hour' },
  soon: { column: 'reminded_soon_at', from: '15 minutes', until: '0 seconds' },
} as const
export type ReminderKind = keyof typeof KINDS

type Due = { id: number; email: string | null; name: string | null; session_id: number; title: string; starts_at: string | Date; timezone: string | null }

/**
 * Sends the reminders that are due at `now`. Each is claimed first, by setting its marker column
 * where it is still empty (committed on its own), and only then sent: two runs at once claim each
 * reminder once, and a worker that dies between claim and send loses that email rather than sending it
 * twice. A send that fails clears its marker so the next run tries again.
 */
export async function sendLiveReminders(payload: Payload, now = new Date()): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  const at = now.toISOString()
  for (const kind of Object.keys(KINDS) as ReminderKind[]) {
    const { column, from, until } = KINDS[kind]
    const marker = sql.identifier(column)
    let after = 0
    for (;;) {
      const due = await query<Due>(
        payload,
        sql`select r.id, u.email, trim(concat_ws(' ', u.honorific, u.name)) as name, s.id as session_id, s.title, s.starts_at, s.timezone
            from live_registrations r
            join live_sessions s on s.id = r.session_id
            join users u on u.id = r.user_id
            where r.${marker} is null and r.id > ${after} and s.state = 'scheduled'
              and s.starts_at - ${from}::interval <= ${at}::timestamptz and s.starts_at - ${until}::interval > ${at}::timestamptz
            order by r.id limit ${BATCH}`,
      )
      for (const row of due) {
        const claimed = await query(payload, sql`update live_registrations set ${marker} = ${at}::timestamptz where id = ${row.id} and ${marker} is null returning id`)
        if (!claimed.length || !row.email) continue
        try {
          await payload.sendEmail({ to: row.email, ...reminderEmail(kind, row) })
          sent++
        } catch (err) {
          failed++
          await query(payload, sql`update live_registrations set ${marker} = null where id = ${row.id} and ${marker} = ${at}::timestamptz`)
          payload.logger.error({ err, registration: row.id }, `Live session reminder not sent`)
        }
      }
      if (due.length < BATCH) break
      after = Number(due[due.length - 1].id)
    }
  }
  return { sent, failed }
}

export function reminderEmail(kind: ReminderKind, row: Pick<Due, 'name' | 'session_id' | 'title' | 'starts_at' | 'timezone'>) {
  const url = `${publicUrl()}/learn/live/${row.session_id}`
  const zone = row.timezone || 'UTC'
  let when: string
  try {
    when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(new Date(row.starts_at))
  } catch {
    when = new Date(row.starts_at).toUTCString()
  }
  // The first reminder goes out 24 to 1 hours ahead (a late registration gets it late), so it names the time.
  const lead = kind === 'day' ? 'is coming up' : 'starts in 15 minutes'
  const subject = kind === 'day' ? `Coming up: ${row.title}` : `Starting soon: ${row.title}`
  return {
    subject,
    html: layout(
      `${row.title} ${lead}`,
      `<p>Hello${row.name ? ` ${escape(row.name)}` : ''},</p>
<p>The live session <strong>${escape(row.title)}</strong> you registered for ${lead}: ${escape(when)} (${escape(zone)}).</p>
<p><a href="${escape(url)}">Open the session page</a>. The Join button opens 15 minutes before the start.</p>`,
    ),
    text: `${row.title} ${lead}: ${when} (${zone}). Join from ${url} (the link opens 15 minutes before the start).`,
  }
}

/** The Jobs Queue task, run every minute (LIVE_REMINDERS_CRON, 6 fields, seconds first). */
export const liveRemindersTask: TaskConfig<{ input: object; output: { sent: number; failed: number } }> = {
  slug: REMINDERS_TASK,
  label: 'Live session reminders',
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  retries: 2,
  schedule: [{ cron: process.env.LIVE_REMINDERS_CRON || '0 * * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const result = await sendLiveReminders(req.payload)
    if (result.sent || result.failed) req.payload.logger.info({ msg: `Live session reminders: ${result.sent} sent, ${result.failed} failed` })
    return { output: result }
  },
}
