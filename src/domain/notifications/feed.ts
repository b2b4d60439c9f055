import type { Payload } from 'payload'

import { query, sql, transaction, type Db, type SQL } from '@/db/sql'
import { mediaUrl } from '@/lib/media'
import { publish } from '@/realtime/hub'
import type { Media } from '../../../payload-types'
import { describe, linkOf, type Describable } from './describe'
import { LIVE_EVENTS, type NotificationType } from './types'

/** The badge shows "99+" past this: counting further would cost without telling the member more. */
export const UNREAD_CAP = 100

export type NotificationItem = {
  id: number
  type: NotificationType
  text: string
  link: string
  excerpt: string | null
  actor: { id: number; name: string; honorific: string | null; handle: string | null; avatarUrl: string | null } | null
  actorCount: number
  eventCount: number
  detail: string | null
  subject: { key: string; post: number | null; comment: number | null; conversation: number | null }
  read: boolean
  readAt: string | null
  activityAt: string
  createdAt: string
}
export type NotificationPage = { docs: NotificationItem[]; nextCursor: string | null }

const encodeCursor = (at: string, id: number) => Buffer.from(`${at}|${id}`).toString('base64url')
export function decodeCursor(cursor: string): { at: string; id: number } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const n = Number(id)
  return at && !Number.isNaN(Date.parse(at)) && Number.isSafeInteger(n) && n > 0 && n <= 2147483647 ? { at: new Date(at).toISOString(), id: n } : null
}

/** Rows from a member on the other side of a block stay out of the page and the badge, even if older than the block. */
const visible = (me: number) =>
  sql`(n.actor_id is null or not exists(select 1 from blocks b where (b.blocker_id = ${me} and b.blocked_id = n.actor_id)
                                                                  or (b.blocker_id = n.actor_id and b.blocked_id = ${me})))`

export type NotificationRow = {
  id: number
  type: NotificationType
  subject_key: string
  actor_count: string | number
  event_count: string | number
  detail: string | null
  activity_at: Date | string
  read_at: Date | string | null
  created_at: Date | string
  post_id: number | null
  comment_id: number | null
  conversation_id: number | null
  actor_id: number | null
  name: string | null
  honorific: string | null
  handle: string | null
  avatar_id: number | null
  excerpt: string | null
}

const iso = (value: Date | string) => new Date(value).toISOString()
const id = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/**
 * The member's notifications matching `filter`, latest activity first: one statement for the rows
 * with their actor, the subject's excerpt (a comment only while it is live) and the ids links need.
 */
export async function notificationRows(db: Payload | Db, me: number, opts: { filter?: SQL; limit: number }): Promise<NotificationRow[]> {
  return query<NotificationRow>(
    db,
    sql`select n.id, n.type, n.subject_key, n.actor_count, n.event_count, n.detail, n.activity_at, n.read_at, n.created_at,
               n.post_id, n.comment_id, n.conversation_id, a.id as actor_id, a.name, a.honorific, a.handle, a.avatar_id,
               case
                 when n.type = 'message' then cv.title
                 when n.subject_key like 'comment:%' or n.type in ('comment', 'mention')
                   then case when c.deleted_at is null and c.moderation = 'visible' then left(c.body, 140) end
                 else coalesce(nullif(p.title, ''), left(p.text, 140))
               end as excerpt
        from notifications n
        left join users a on a.id = n.actor_id
        left join posts p on p.id = n.post_id
        left join comments c on c.id = n.comment_id
        left join conversations cv on cv.id = n.conversation_id
        where n.recipient_id = ${me} and ${visible(me)} ${opts.filter ? sql`and ${opts.filter}` : sql``}
        order by n.activity_at desc, n.id desc
        limit ${opts.limit}`,
  )
}

/**
 * A page of the member's notifications by keyset on (activityAt, id): the rows in one statement,
 * the actors' avatars in a second.
 */
export async function notificationPage(payload: Payload, me: number, opts: { before?: { at: string; id: number } | null; limit: number }): Promise<NotificationPage> {
  const before = opts.before
  const rows = await notificationRows(payload, me, {
    filter: before ? sql`(n.activity_at, n.id) < (${before.at}::timestamptz, ${before.id})` : undefined,
    limit: opts.limit + 1,
  })
  const page = rows.slice(0, opts.limit)
  const avatars = await avatarUrls(payload, page)
  const last = page[page.length - 1]
  return {
    docs: page.map((row) => toItem(row, avatars)),
    nextCursor: rows.length > opts.limit ? encodeCursor(iso(last.activity_at), Number(last.id)) : null,
  }
}

async function avatarUrls(payload: Payload, rows: NotificationRow[]) {
  const ids = [...new Set(rows.map((r) => id(r.avatar_id)).filter((v): v is number => v !== null))]
  if (!ids.length) return new Map<number, string | null>()
  const { docs } = await payload.find({ collection: 'media', where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true })
  return new Map(docs.map((m) => [Number(m.id), mediaUrl(m as Media, 'thumbnail')]))
}

export function toItem(row: NotificationRow, avatars: Map<number, string | null> = new Map()): NotificationItem {
  const actor =
    row.actor_id === null || row.name === null
      ? null
      : { id: Number(row.actor_id), name: row.name, honorific: row.honorific, handle: row.handle, avatarUrl: avatars.get(Number(row.avatar_id)) ?? null }
  const facts: Describable = {
    type: row.type,
    subjectKey: row.subject_key,
    actor,
    actorCount: Number(row.actor_count),
    eventCount: Number(row.event_count),
    detail: row.detail,
    postId: id(row.post_id),
    commentId: id(row.comment_id),
    conversationId: id(row.conversation_id),
  }
  return {
    id: Number(row.id),
    type: row.type,
    text: describe(facts),
    link: linkOf(facts),
    excerpt: row.excerpt,
    actor,
    actorCount: facts.actorCount,
    eventCount: facts.eventCount,
    detail: row.detail,
    subject: { key: row.subject_key, post: facts.postId, comment: facts.commentId, conversation: facts.conversationId },
    read: row.read_at !== null,
    readAt: row.read_at === null ? null : iso(row.read_at),
    activityAt: iso(row.activity_at),
    createdAt: iso(row.created_at),
  }
}

/** The badge number: unread rows, counted over the (recipient, readAt) index and capped at UNREAD_CAP. */
export async function unreadCount(payload: Payload, me: number): Promise<number> {
  const [row] = await query<{ n: number }>(
    payload,
    sql`select count(*)::int as n from (select 1 from notifications n where n.recipient_id = ${me} and n.read_at is null and ${visible(me)} limit ${UNREAD_CAP}) x`,
  )
  return Number(row?.n ?? 0)
}

/**
 * Marks the member's notifications read: the given ids (others' ids match nothing and are ignored),
 * or all of them. The member's other open pages hear of it live. Returns the ids that changed and the
 * new badge number.
 */
export async function markRead(payload: Payload, me: number, which: { ids: number[] } | { all: true }) {
  const marked = await transaction(payload, async (tx) => {
    const rows = await query<{ id: number }>(
      tx,
      sql`update notifications set read_at = now()
          where recipient_id = ${me} and read_at is null
            ${'ids' in which ? sql`and id = any(${`{${which.ids.map(Number).join(',')}}`}::int[])` : sql``}
          returning id`,
    )
    if (rows.length) await publish(tx, { type: LIVE_EVENTS.read, data: { ids: rows.length <= 100 ? rows.map((r) => Number(r.id)) : [] }, users: [me] })
    return rows.map((r) => Number(r.id))
  })
  return { marked, unread: await unreadCount(payload, me) }
}
