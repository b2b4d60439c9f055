import type { Payload, PayloadRequest } from 'payload'

import { pgCode, query, sql, transaction } from '@/db/sql'
import { markDelivered } from './messages'
import { GROUP_LIMIT, isTrusted, MessagingError, spendStart, type Sender } from './policy'

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`)

/**
 * Starts a conversation, or returns the existing 1:1 one. Refused when a block stands between any two
 * of the participants (a group never holds a blocked pair), and for members who are not trusted yet
 * unless every other participant follows them.
 */
export async function startConversation(
  payload: Payload,
  me: Sender,
  input: { participantIds: number[]; title?: string | null },
  req?: PayloadRequest,
): Promise<{ id: number; created: boolean }> {
  const others = [...new Set(input.participantIds.map(Number))].filter((id) => id !== me.id)
  if (!others.length) throw new MessagingError('Add at least one other member.', 400)
  if (others.length + 1 > GROUP_LIMIT) throw new MessagingError(`A conversation has at most ${GROUP_LIMIT} participants.`, 400)
  const everyone = [me.id, ...others]
  const direct = others.length === 1
  const key = direct ? pairKey(me.id, others[0]) : null

  const [check] = await query<{ found: number; blocked: boolean; followers: number; existing: number | null }>(
    payload,
    sql`select (select count(*)::int from users where id = any(${sql.param(others)}::int[]) and _verified = true) as found,
               exists(select 1 from blocks where blocker_id = any(${sql.param(everyone)}::int[]) and blocked_id = any(${sql.param(everyone)}::int[])) as blocked,
               (select count(*)::int from follows where following_id = ${me.id} and follower_id = any(${sql.param(others)}::int[])) as followers,
               (select id from conversations where pair_key = ${key}) as existing`,
  )
  if (check.found !== others.length) throw new MessagingError(direct ? 'No such member.' : 'One of these members does not exist.', 404)
  if (check.blocked)
    throw new MessagingError(direct ? 'You cannot message this member.' : 'These members cannot all be in one conversation.', 403)
  if (check.existing) return { id: Number(check.existing), created: false }
  if (!isTrusted(me) && check.followers !== others.length)
    throw new MessagingError(
      'Until your doctor verification is complete you can only start conversations with members who follow you.',
      403,
    )
  await spendStart(payload, me, req)

  try {
    return await transaction(payload, async (tx) => {
      const [conversation] = await query<{ id: number }>(
        tx,
        sql`insert into conversations (kind, title, pair_key, created_by_id, last_message_at, updated_at, created_at)
            values (${direct ? 'direct' : 'group'}, ${direct ? null : (input.title?.trim() || null)}, ${key}, ${me.id}, now(), now(), now())
            on conflict (pair_key) do nothing returning id`,
      )
      // The other member started the same 1:1 at the same instant: theirs is the conversation.
      if (!conversation) throw Object.assign(new Error('pair exists'), { code: 'PAIR_EXISTS' })
      await tx.execute(
        sql`insert into conversations_rels ("order", parent_id, path, users_id)
            select ord, ${conversation.id}, 'participants', uid from unnest(${sql.param(everyone)}::int[]) with ordinality as p(uid, ord)`,
      )
      await tx.execute(
        sql`insert into conversation_members (conversation_id, user_id, last_message_at, updated_at, created_at)
            select ${conversation.id}, uid, now(), now(), now() from unnest(${sql.param(everyone)}::int[]) as p(uid)`,
      )
      return { id: Number(conversation.id), created: true }
    })
  } catch (err) {
    if ((err as { code?: string }).code !== 'PAIR_EXISTS' && pgCode(err) !== '23505') throw err
    const [row] = await query<{ id: number }>(payload, sql`select id from conversations where pair_key = ${key}`)
    if (!row) throw err
    return { id: Number(row.id), created: false }
  }
}

export type InboxEntry = {
  id: number
  kind: 'direct' | 'group'
  title: string | null
  lastMessageAt: string
  unread: number
  lastMessage: { id: number; senderId: number; preview: string; createdAt: string } | null
  participants: { id: number; name: string; honorific: string | null; handle: string | null }[]
}

const UNREAD_CAP = 100
const encodeCursor = (at: string, id: number) => Buffer.from(`${at}|${id}`).toString('base64url')
export function decodeCursor(cursor: string): { at: string; id: number } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const n = Number(id)
  return at && !Number.isNaN(Date.parse(at)) && Number.isSafeInteger(n) ? { at: new Date(at).toISOString(), id: n } : null
}

/**
 * The member's conversations, most recent activity first: one index range over
 * conversation_members (user, last_message_at), with the last message, the other participants and an
 * unread count (capped at 100) per row. Listing also marks the listed messages delivered.
 */
export async function inbox(payload: Payload, me: number, opts: { before?: { at: string; id: number } | null; limit: number }) {
  const before = opts.before
  const rows = await query<Record<string, unknown>>(
    payload,
    sql`select c.id, c.kind, c.title, me.last_message_at as "lastMessageAt", c.last_message_id::int as "lastMessageId",
               coalesce(me.last_delivered_message_id, 0)::int as "delivered",
               (select count(*)::int from (select 1 from messages m where m.conversation_id = c.id
                   and m.id > coalesce(me.last_read_message_id, 0) and m.sender_id <> ${me} limit ${UNREAD_CAP}) u) as unread,
               (select json_build_object('id', m.id, 'senderId', m.sender_id, 'preview', left(m.body, 140), 'createdAt', m.created_at)
                  from messages m where m.id = c.last_message_id) as "lastMessage",
               (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'honorific', u.honorific, 'handle', u.handle) order by u.id), '[]')
                  from conversation_members o join users u on u.id = o.user_id
                  where o.conversation_id = c.id and o.user_id <> ${me}) as participants
        from conversation_members me join conversations c on c.id = me.conversation_id
        where me.user_id = ${me}
          ${before ? sql`and (me.last_message_at, me.conversation_id) < (${before.at}::timestamptz, ${before.id})` : sql``}
        order by me.last_message_at desc, me.conversation_id desc
        limit ${opts.limit + 1}`,
  )
  const page = rows.slice(0, opts.limit)
  const undelivered = page.filter((r) => r.lastMessageId && Number(r.lastMessageId) > Number(r.delivered)).map((r) => Number(r.id))
  if (undelivered.length) await markDelivered(payload, me, undelivered)
  const docs: InboxEntry[] = page.map((r) => ({
    id: Number(r.id),
    kind: r.kind as InboxEntry['kind'],
    title: (r.title as string) ?? null,
    lastMessageAt: new Date(r.lastMessageAt as string).toISOString(),
    unread: Number(r.unread),
    lastMessage: r.lastMessage
      ? { ...(r.lastMessage as InboxEntry['lastMessage'] & object), createdAt: new Date((r.lastMessage as { createdAt: string }).createdAt).toISOString() }
      : null,
    participants: r.participants as InboxEntry['participants'],
  }))
  const last = page[page.length - 1]
  return { docs, nextCursor: rows.length > opts.limit ? encodeCursor(new Date(last.lastMessageAt as string).toISOString(), Number(last.id)) : null }
}
