import { query, sql, type Db, type SQL } from '@/db/sql'
import { publish } from '@/realtime/hub'
import { LIVE_EVENTS, preferenceColumn, type NotificationType } from './types'

/** The subject a notification aggregates on, and what its link points at. */
export type Subject = {
  key: string
  post?: number | null
  comment?: number | null
  conversation?: number | null
}

const nullable = (value: number | null | undefined) => (value == null ? sql`null::int` : sql`${value}::int`)

/** True when the member wants this type in the app (a missing preference counts as on). */
const wants = (recipient: number, type: NotificationType) =>
  sql`exists(select 1 from users u where u.id = ${recipient} and coalesce(u.${sql.identifier(preferenceColumn('inApp', type))}, true))`

const notBlocked = (a: number, b: number) =>
  sql`not exists(select 1 from blocks b where (b.blocker_id = ${a} and b.blocked_id = ${b}) or (b.blocker_id = ${b} and b.blocked_id = ${a}))`

/**
 * Adds `actor`'s event to the recipient's notification of this type and subject (creating it), in
 * the transaction `db` of the change: two statements, whatever the row's history.
 *
 * 1. The row is inserted, or, when it exists, locked by a no-op update: simultaneous events on one
 *    subject then take turns on it, so every count below is read after the previous one committed.
 *    Nothing is written for a member acting on their own content, one who has turned the type off,
 *    or when a block stands between the two.
 * 2. The actor is recorded once per row: a first event of theirs counts them, a newer `source`
 *    (another comment or message) only brings the row back, the same or an older one does nothing.
 *    Only then do the row's counts, latest actor and links move, and it becomes unread again.
 *
 * Returns true when the notification changed (the caller announces it live).
 */
export async function addActorEvent(
  db: Db,
  opts: { recipient: number; type: NotificationType; subject: Subject; actor: number; source?: number; detail?: string | null; unless?: SQL },
): Promise<boolean> {
  const { recipient, type, subject, actor } = opts
  if (recipient === actor) return false
  const [row] = await query<{ id: number }>(
    db,
    sql`insert into notifications (recipient_id, type, subject_key, post_id, comment_id, conversation_id, actor_id, actor_count, event_count, activity_at, updated_at, created_at)
        select ${recipient}, ${type}::enum_notifications_type, ${subject.key}, ${nullable(subject.post)}, ${nullable(subject.comment)}, ${nullable(subject.conversation)},
               ${actor}, 0, 0, now(), now(), now()
        where ${wants(recipient, type)} and ${notBlocked(recipient, actor)} ${opts.unless ? sql`and not ${opts.unless}` : sql``}
        on conflict (recipient_id, type, subject_key) do update set recipient_id = notifications.recipient_id
        returning id`,
  )
  if (!row) return false
  const source = opts.source ?? 0
  const changed = await query(
    db,
    sql`with seen as (
          insert into notification_actors (notification_id, actor_id, source, updated_at, created_at)
          values (${row.id}, ${actor}, ${source}, now(), now())
          on conflict (notification_id, actor_id) do update set source = excluded.source, updated_at = now()
            where notification_actors.source < excluded.source
          returning (xmax = 0) as first
        )
        update notifications n set
          actor_id = ${actor},
          actor_count = n.actor_count + (case when seen.first then 1 else 0 end),
          event_count = n.event_count + 1,
          post_id = coalesce(${nullable(subject.post)}, n.post_id),
          comment_id = coalesce(${nullable(subject.comment)}, n.comment_id),
          conversation_id = coalesce(${nullable(subject.conversation)}, n.conversation_id),
          detail = coalesce(${opts.detail ?? null}::varchar, n.detail),
          activity_at = now(),
          read_at = null
        from seen where n.id = ${row.id}
        returning n.id`,
  )
  return changed.length > 0
}

/**
 * A decision about the recipient's post (moderation): no actor is named, and the row changes only
 * when the decision differs from the last one told, so an event emitted twice is told once.
 */
export async function setDecision(db: Db, opts: { recipient: number; type: NotificationType; subject: Subject; detail: string }): Promise<boolean> {
  const { recipient, type, subject } = opts
  const rows = await query(
    db,
    sql`insert into notifications (recipient_id, type, subject_key, post_id, detail, actor_count, event_count, activity_at, updated_at, created_at)
        select ${recipient}, ${type}::enum_notifications_type, ${subject.key}, ${nullable(subject.post)}, ${opts.detail}, 0, 1, now(), now(), now()
        where ${wants(recipient, type)}
        on conflict (recipient_id, type, subject_key) do update set
          detail = excluded.detail, event_count = notifications.event_count + 1, activity_at = now(), read_at = null
          where notifications.detail is distinct from excluded.detail
        returning id`,
  )
  return rows.length > 0
}

/** Tells the recipients' open pages (the header's bell) that their notifications changed; sent on commit. */
export async function announce(db: Db, recipients: number[]) {
  if (!recipients.length) return
  await publish(db, { type: LIVE_EVENTS.bumped, data: {}, users: [...new Set(recipients)] })
}
