import type { Payload, PayloadRequest } from 'payload'

import { CHANNEL } from '@/realtime/hub'
import { drizzleOf, query, sql } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { MessagingError, spendSend, type Sender } from './policy'
import { messageStates, type MemberState, type Message } from './shared'

/** Message bodies up to this size travel inside the live event; longer ones are fetched by id. */
const INLINE_BODY_BYTES = 2000

const messageColumns = sql`id, conversation_id as "conversationId", sender_id as "senderId", body, client_id as "clientId", created_at as "createdAt"`

function toMessage(row: Record<string, unknown>): Message {
  return {
    id: Number(row.id),
    conversationId: Number(row.conversationId),
    senderId: Number(row.senderId),
    body: String(row.body),
    clientId: (row.clientId as string) ?? null,
    createdAt: new Date(row.createdAt as string).toISOString(),
  }
}

/**
 * Stores a message and announces it, in one statement: the insert, the conversation's and members'
 * last activity, the sender's own read marker and the NOTIFY commit together or not at all. A retry
 * with the same clientId returns the stored message (created: false) and announces nothing again.
 */
export async function sendMessage(
  payload: Payload,
  me: Sender,
  conversationId: number,
  input: { body: string; clientId?: string | null },
  req?: PayloadRequest,
): Promise<{ message: Message; created: boolean }> {
  const clientId = input.clientId ?? null
  const [check] = await query<{ member: boolean; blocked: boolean; direct: boolean; existing: Record<string, unknown> | null }>(
    payload,
    sql`select exists(select 1 from conversation_members where conversation_id = ${conversationId} and user_id = ${me.id}) as member,
               exists(select 1 from conversation_members o join blocks b
                        on (b.blocker_id = ${me.id} and b.blocked_id = o.user_id) or (b.blocked_id = ${me.id} and b.blocker_id = o.user_id)
                      where o.conversation_id = ${conversationId}) as blocked,
               (select kind = 'direct' from conversations where id = ${conversationId}) as direct,
               (select row_to_json(m) from (select ${messageColumns} from messages
                  where sender_id = ${me.id} and client_id = ${clientId} and conversation_id = ${conversationId}) m) as existing`,
  )
  if (!check.member) throw new MessagingError('No such conversation.', 404)
  if (check.existing) return { message: toMessage(check.existing), created: false }
  if (check.blocked)
    throw new MessagingError(
      check.direct ? 'You cannot message this member.' : 'You cannot write here: a block stands between you and a participant.',
      403,
    )
  await spendSend(payload, me, req)

  const [row] = await query(
    payload,
    sql`with ins as (
          insert into messages (conversation_id, sender_id, body, client_id, updated_at, created_at)
          select ${conversationId}, ${me.id}, ${input.body}, ${clientId}, now(), now()
          where not exists (select 1 from conversation_members o join blocks b
                              on (b.blocker_id = ${me.id} and b.blocked_id = o.user_id) or (b.blocked_id = ${me.id} and b.blocker_id = o.user_id)
                            where o.conversation_id = ${conversationId})
          on conflict (sender_id, client_id) do nothing
          returning id, conversation_id, sender_id, body, client_id, created_at
        ), conv as (
          update conversations c set last_message_at = greatest(c.last_message_at, ins.created_at),
                                     last_message_id = greatest(coalesce(c.last_message_id, 0), ins.id)
          from ins where c.id = ins.conversation_id
        ), members as (
          update conversation_members cm set
            last_message_at = greatest(cm.last_message_at, ins.created_at),
            last_read_message_id = case when cm.user_id = ins.sender_id then greatest(coalesce(cm.last_read_message_id, 0), ins.id) else cm.last_read_message_id end,
            last_delivered_message_id = case when cm.user_id = ins.sender_id then greatest(coalesce(cm.last_delivered_message_id, 0), ins.id) else cm.last_delivered_message_id end
          from ins where cm.conversation_id = ins.conversation_id returning cm.user_id
        )
        select ins.id, ins.conversation_id as "conversationId", ins.sender_id as "senderId", ins.body, ins.client_id as "clientId", ins.created_at as "createdAt",
               pg_notify(${CHANNEL}, json_build_object(
                 'id', 'm' || ins.id, 'type', 'message', 'users', (select json_agg(user_id) from members),
                 'data', json_build_object('id', ins.id, 'conversationId', ins.conversation_id, 'senderId', ins.sender_id,
                   'clientId', ins.client_id, 'createdAt', ins.created_at,
                   'body', case when octet_length(ins.body) <= ${INLINE_BODY_BYTES} then ins.body end))::text) as notified,
               array(select user_id from members where user_id <> ins.sender_id) as recipients
        from ins`,
  )
  if (row) {
    const message = toMessage(row)
    // After the message's own statement: what listeners add (a notification) never delays or undoes it.
    await emitActivity(payload, drizzleOf(payload), {
      type: 'message.sent',
      conversation: conversationId,
      message: message.id,
      sender: me.id,
      recipients: (row.recipients as unknown[]).map(Number),
    })
    return { message, created: true }
  }
  // Nothing inserted: the same clientId won a race, or a block appeared meanwhile.
  if (clientId) {
    const [existing] = await query(payload, sql`select ${messageColumns} from messages where sender_id = ${me.id} and client_id = ${clientId}`)
    if (existing) return { message: toMessage(existing), created: false }
  }
  throw new MessagingError('You cannot message this member.', 403)
}

/**
 * Marks messages as received by `me`'s client, up to `upTo` (a message id just pushed live) or up to
 * the latest message of each conversation (a fetch), and tells the participants. Markers only move
 * forward, so concurrent calls settle on the highest value and each step is announced once.
 */
export async function markDelivered(payload: Payload, me: number, conversationIds: number[], upTo?: number) {
  if (!conversationIds.length) return 0
  const target = upTo ? sql`least(c.last_message_id, ${upTo})` : sql`c.last_message_id`
  const rows = await query(
    payload,
    sql`with upd as (
          update conversation_members cm set last_delivered_message_id = ${target}, last_delivered_at = now()
          from conversations c
          where c.id = cm.conversation_id and cm.user_id = ${me} and cm.conversation_id = any(${sql.param(conversationIds)}::int[])
            and coalesce(cm.last_delivered_message_id, 0) < ${target}
          returning cm.conversation_id, cm.last_delivered_message_id::int as message_id, cm.last_delivered_at
        )
        select pg_notify(${CHANNEL}, json_build_object('type', 'delivered',
                 'users', (select json_agg(o.user_id) from conversation_members o where o.conversation_id = upd.conversation_id),
                 'data', json_build_object('conversationId', upd.conversation_id, 'userId', ${me}::int, 'messageId', upd.message_id, 'at', upd.last_delivered_at))::text)
        from upd`,
  )
  return rows.length
}

/** POST /api/conversations/:id/read: `me` has read up to `messageId` (never moves back). */
export async function markRead(payload: Payload, me: number, conversationId: number, messageId: number) {
  const rows = await query<{ messageId: number }>(
    payload,
    sql`with target as (select id from messages where id = ${messageId} and conversation_id = ${conversationId}),
        upd as (
          update conversation_members cm set last_read_message_id = target.id, last_read_at = now(),
            last_delivered_message_id = greatest(coalesce(cm.last_delivered_message_id, 0), target.id),
            last_delivered_at = case when coalesce(cm.last_delivered_message_id, 0) < target.id then now() else cm.last_delivered_at end
          from target
          where cm.conversation_id = ${conversationId} and cm.user_id = ${me} and coalesce(cm.last_read_message_id, 0) < target.id
          returning cm.last_read_message_id::int as message_id, cm.last_read_at
        )
        select upd.message_id as "messageId", pg_notify(${CHANNEL}, json_build_object('type', 'read',
                 'users', (select json_agg(o.user_id) from conversation_members o where o.conversation_id = ${conversationId}),
                 'data', json_build_object('conversationId', ${conversationId}::int, 'userId', ${me}::int, 'messageId', upd.message_id, 'at', upd.last_read_at))::text)
        from upd`,
  )
  if (rows.length) return { changed: true }
  const [why] = await query<{ member: boolean; message: boolean }>(
    payload,
    sql`select exists(select 1 from conversation_members where conversation_id = ${conversationId} and user_id = ${me}) as member,
               exists(select 1 from messages where id = ${messageId} and conversation_id = ${conversationId}) as message`,
  )
  if (!why.member) throw new MessagingError('No such conversation.', 404)
  if (!why.message) throw new MessagingError('That message is not in this conversation.', 400)
  return { changed: false }
}

/**
 * A page of a conversation: newest first below `before`, or oldest first above `after` (catching up
 * after a live event or a reconnect). With the participants' read and delivery markers, and the state
 * of the caller's own messages. Two statements, a third when the page brings news to the caller.
 */
export async function listMessages(
  payload: Payload,
  me: number,
  conversationId: number,
  opts: { before?: number | null; after?: number | null; limit: number },
) {
  const members = await query<Record<string, unknown>>(
    payload,
    sql`select u.id, u.name, u.honorific, u.handle, coalesce(cm.last_read_message_id, 0)::int as "lastReadMessageId", cm.last_read_at as "lastReadAt",
               coalesce(cm.last_delivered_message_id, 0)::int as "lastDeliveredMessageId", c.last_message_id::int as "latest", c.kind, c.title
        from conversation_members cm join users u on u.id = cm.user_id join conversations c on c.id = cm.conversation_id
        where cm.conversation_id = ${conversationId}
          and exists (select 1 from conversation_members mine where mine.conversation_id = ${conversationId} and mine.user_id = ${me})
        order by u.id`,
  )
  const mine = members.find((m) => Number(m.id) === me)
  if (!mine) throw new MessagingError('No such conversation.', 404)
  const after = opts.after ?? null
  const rows = await query(
    payload,
    after !== null
      ? sql`select ${messageColumns} from messages where conversation_id = ${conversationId} and id > ${after} order by id asc limit ${opts.limit + 1}`
      : sql`select ${messageColumns} from messages where conversation_id = ${conversationId} and id < ${opts.before ?? 2147483647}
            order by id desc limit ${opts.limit + 1}`,
  )
  const page = rows.slice(0, opts.limit).map(toMessage)
  const states = members.map(
    (m): MemberState => ({
      id: Number(m.id),
      name: String(m.name),
      honorific: (m.honorific as string) ?? null,
      handle: (m.handle as string) ?? null,
      lastReadMessageId: Number(m.lastReadMessageId),
      lastReadAt: m.lastReadAt ? new Date(m.lastReadAt as string).toISOString() : null,
      lastDeliveredMessageId: Number(m.lastDeliveredMessageId),
    }),
  )
  const stateOf = messageStates(states.filter((m) => m.id !== me))
  for (const message of page) if (message.senderId === me) message.state = stateOf(message.id)
  if (mine.latest && Number(mine.latest) > Number(mine.lastDeliveredMessageId)) await markDelivered(payload, me, [conversationId])
  const last = page[page.length - 1]
  return {
    conversation: { id: conversationId, kind: mine.kind as string, title: (mine.title as string) ?? null },
    docs: page,
    nextCursor: rows.length > opts.limit && last ? String(last.id) : null,
    members: states,
  }
}

/** Messages after `afterId` in the member's conversations, oldest first: the replay after a reconnect. */
export async function messagesSince(payload: Payload, me: number, afterId: number, limit = 200): Promise<Message[]> {
  const rows = await query(
    payload,
    sql`select m.id, m.conversation_id as "conversationId", m.sender_id as "senderId", m.body, m.client_id as "clientId", m.created_at as "createdAt"
        from conversation_members cm join messages m on m.conversation_id = cm.conversation_id and m.id > ${afterId}
        where cm.user_id = ${me} order by m.id asc limit ${limit}`,
  )
  return rows.map(toMessage)
}
