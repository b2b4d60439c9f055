import type { Payload, TaskConfig } from 'payload'

import { query, sql, transaction } from '@/db/sql'
import { displayName } from './describe'
import { digestEmail } from './digestEmail'
import { notificationRows, toItem } from './feed'
import { NOTIFICATION_TYPES, preferenceColumn } from './types'

export const DIGEST_TASK = 'notificationDigest'
/** How far back a digest looks at most (a member's first digest, or after the job was down for days). */
const LOOKBACK_DAYS = 7
/** Notifications listed in one email; the rest are counted. */
const LISTED = 20
const BATCH = 200

/** The UTC day a digest belongs to: one digest per member per day. */
export const digestDay = (at: Date) => at.toISOString().slice(0, 10)

/** True when the member wants this notification's type in the digest, for the row `n` and its recipient `u`. */
const wantsByEmail = sql`(case n.type ${sql.join(
  NOTIFICATION_TYPES.map((type) => sql`when ${type} then coalesce(u.${sql.identifier(preferenceColumn('email', type))}, true)`),
  sql` `,
)} else false end)`

/**
 * Sends today's digest to every member who has unread notifications since their last digest (of
 * types they want by email). Members are taken in id order in batches; each member's digest is
 * claimed by a (member, day) row under a unique key in the transaction that sends it, so a retried
 * or doubled run sends nobody a second digest that day, and a failed send releases the claim.
 */
export async function sendDigests(payload: Payload, now = new Date()): Promise<{ members: number; sent: number }> {
  const day = digestDay(now)
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 24 * 3600 * 1000).toISOString()
  let after = 0
  let members = 0
  let sent = 0
  for (;;) {
    const batch = await query<{ id: number }>(
      payload,
      sql`select distinct n.recipient_id as id from notifications n
          where n.read_at is null and n.activity_at > ${since}::timestamptz and n.recipient_id > ${after}
            and not exists(select 1 from notification_digests d where d.member_id = n.recipient_id and d.day = ${day})
          order by 1 limit ${BATCH}`,
    )
    for (const { id } of batch) {
      members++
      if (await digestFor(payload, Number(id), { day, since, now })) sent++
    }
    if (batch.length < BATCH) return { members, sent }
    after = Number(batch[batch.length - 1].id)
  }
}

async function digestFor(payload: Payload, member: number, opts: { day: string; since: string; now: Date }): Promise<boolean> {
  return transaction(payload, async (tx) => {
    const [user] = await query<{ email: string | null; name: string; honorific: string | null; last_sent: Date | string | null }>(
      tx,
      sql`select u.email, u.name, u.honorific, (select max(d.sent_at) from notification_digests d where d.member_id = u.id) as last_sent
          from users u where u.id = ${member} and coalesce(u._verified, true)`,
    )
    if (!user?.email) return false
    const from = user.last_sent && new Date(user.last_sent).toISOString() > opts.since ? new Date(user.last_sent).toISOString() : opts.since
    const filter = sql`n.read_at is null and n.activity_at > ${from}::timestamptz
      and exists(select 1 from users u where u.id = n.recipient_id and ${wantsByEmail})`
    const rows = await notificationRows(tx, member, { filter, limit: 100 })
    if (!rows.length) return false
    const claimed = await query(
      tx,
      sql`insert into notification_digests (member_id, day, items, sent_at, updated_at, created_at)
          values (${member}, ${opts.day}, ${rows.length}, ${opts.now.toISOString()}::timestamptz, now(), now())
          on conflict (member_id, day) do nothing returning id`,
    )
    if (!claimed.length) return false
    const email = digestEmail({ name: displayName(user), items: rows.slice(0, LISTED).map((r) => toItem(r)), total: rows.length, capped: rows.length >= 100 })
    // Inside the claim's transaction: if the email cannot be handed over, the claim is released for a retry.
    await payload.sendEmail({ to: user.email, ...email })
    return true
  })
}

/** The Jobs Queue task, scheduled once a day (NOTIFICATION_DIGEST_CRON, 6 fields, seconds first; default 07:00 UTC). */
export const notificationDigestTask: TaskConfig<{ input: object; output: { members: number; sent: number } }> = {
  slug: DIGEST_TASK,
  label: 'Daily notification digest',
  outputSchema: [
    { name: 'members', type: 'number' },
    { name: 'sent', type: 'number' },
  ],
  retries: 3,
  schedule: [{ cron: process.env.NOTIFICATION_DIGEST_CRON || '0 0 7 * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const result = await sendDigests(req.payload)
    req.payload.logger.info({ msg: `Notification digests: ${result.sent} sent to ${result.members} members with unread notifications` })
    return { output: result }
  },
}
