import type { Payload } from 'payload'

import { query, sql, transaction, type Db } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { RuleError } from '@/lib/ruleError'

/**
 * The social graph: follows and blocks, written with plain SQL so that the user's counters
 * (users.follower_count, users.following_count) move in the same transaction as the row, by an
 * atomic `count = count + 1`, never read-modify-write. Idempotent: following twice changes nothing.
 */

export class GraphError extends RuleError {}

/** Ids of every member `userId` has blocked or is blocked by: one indexed query. */
export async function blockedIds(payload: Payload | Db, userId: number | string): Promise<number[]> {
  const id = Number(userId)
  const rows = await query<{ id: number }>(
    payload,
    sql`select blocked_id as id from blocks where blocker_id = ${id} union select blocker_id from blocks where blocked_id = ${id}`,
  )
  return rows.map((r) => Number(r.id))
}

const eitherBlocked = (a: number, b: number) =>
  sql`exists(select 1 from blocks where (blocker_id = ${a} and blocked_id = ${b}) or (blocker_id = ${b} and blocked_id = ${a}))`

/** True when either of the two has blocked the other. */
export async function blockedBetween(db: Payload | Db, a: number, b: number): Promise<boolean> {
  const [row] = await query<{ blocked: boolean }>(db, sql`select ${eitherBlocked(a, b)} as blocked`)
  return row.blocked
}

/**
 * Counter update for follows that appeared (+1) or vanished (-1): one UPDATE per user, in primary key
 * order, so two members following each other at the same instant lock the rows in the same order.
 */
async function adjustCounts(db: Db, changes: { follower: number; following: number }[], delta: 1 | -1) {
  if (!changes.length) return
  const ids = [...new Set(changes.flatMap((c) => [c.follower, c.following]))].sort((a, b) => a - b)
  const followingDelta = (id: number) => changes.filter((c) => c.follower === id).length * delta
  const followerDelta = (id: number) => changes.filter((c) => c.following === id).length * delta
  for (const id of ids) {
    // ids are sorted: locks are always taken in the same order.
    await db.execute(
      sql`update users set following_count = greatest(0, coalesce(following_count, 0) + ${followingDelta(id)}),
                           follower_count = greatest(0, coalesce(follower_count, 0) + ${followerDelta(id)})
          where id = ${id}`,
    )
  }
}

/** PUT /api/users/:id/follow. Returns whether a new follow was stored. */
export async function follow(payload: Payload, follower: number, following: number): Promise<{ created: boolean }> {
  if (follower === following) throw new GraphError('You cannot follow yourself.', 400)
  return transaction(payload, async (tx) => {
    const [check] = await query<{ found: boolean; blocked: boolean }>(
      tx,
      sql`select exists(select 1 from users where id = ${following} and _verified = true) as found, ${eitherBlocked(follower, following)} as blocked`,
    )
    if (!check.found) throw new GraphError('No such member.', 404)
    if (check.blocked) throw new GraphError('You cannot follow this member.', 403)
    const inserted = await query(
      tx,
      sql`insert into follows (follower_id, following_id, updated_at, created_at) values (${follower}, ${following}, now(), now())
          on conflict do nothing returning id`,
    )
    if (!inserted.length) return { created: false }
    await adjustCounts(tx, [{ follower, following }], 1)
    await emitActivity(payload, tx, { type: 'follow.created', follower, following })
    return { created: true }
  })
}

async function removeFollows(tx: Db, a: number, b: number, bothWays: boolean) {
  const removed = await query<{ follower_id: number; following_id: number }>(
    tx,
    bothWays
      ? sql`delete from follows where (follower_id = ${a} and following_id = ${b}) or (follower_id = ${b} and following_id = ${a})
            returning follower_id, following_id`
      : sql`delete from follows where follower_id = ${a} and following_id = ${b} returning follower_id, following_id`,
  )
  await adjustCounts(
    tx,
    removed.map((r) => ({ follower: Number(r.follower_id), following: Number(r.following_id) })),
    -1,
  )
  return removed.length
}

/** DELETE /api/users/:id/follow. */
export async function unfollow(payload: Payload, follower: number, following: number): Promise<{ removed: boolean }> {
  return transaction(payload, async (tx) => ({ removed: (await removeFollows(tx, follower, following, false)) > 0 }))
}

/** PUT /api/users/:id/block: stores the block and ends follows in both directions, atomically. */
export async function block(payload: Payload, blocker: number, blocked: number): Promise<{ created: boolean }> {
  if (blocker === blocked) throw new GraphError('You cannot block yourself.', 400)
  return transaction(payload, async (tx) => {
    if (!(await query(tx, sql`select 1 from users where id = ${blocked}`)).length) throw new GraphError('No such member.', 404)
    const inserted = await query(
      tx,
      sql`insert into blocks (blocker_id, blocked_id, updated_at, created_at) values (${blocker}, ${blocked}, now(), now())
          on conflict do nothing returning id`,
    )
    await removeFollows(tx, blocker, blocked, true)
    return { created: inserted.length > 0 }
  })
}

/** DELETE /api/users/:id/block. Follows that the block ended stay ended. */
export async function unblock(payload: Payload, blocker: number, blocked: number): Promise<{ removed: boolean }> {
  const rows = await query(payload, sql`delete from blocks where blocker_id = ${blocker} and blocked_id = ${blocked} returning id`)
  return { removed: rows.length > 0 }
}

export type Relationship = { following: boolean; blocking: boolean }

/** Whether the viewer follows and whether they block another member (the profile's buttons): one statement. */
export async function relationship(payload: Payload, viewer: number, other: number): Promise<Relationship> {
  const [row] = await query<Relationship>(
    payload,
    sql`select exists(select 1 from follows where follower_id = ${viewer} and following_id = ${other}) as following,
               exists(select 1 from blocks where blocker_id = ${viewer} and blocked_id = ${other}) as blocking`,
  )
  return row
}

export type MemberCard = {
  id: number
  name: string
  honorific: string | null
  handle: string | null
  title: string | null
  verificationStatus: string | null
}
export type FollowPage = { docs: (MemberCard & { followedAt: string })[]; nextCursor: string | null }

/**
 * Followers (or followings) of `userId`, newest follow first, by keyset on the follow's id: the cost
 * of a page does not grow with the list. Members in a block with the viewer are left out.
 */
export async function followList(
  payload: Payload,
  opts: { userId: number; direction: 'followers' | 'following'; viewer?: number | null; after?: number | null; limit: number },
): Promise<FollowPage> {
  const viewer = opts.viewer ?? 0
  const after = opts.after ?? 2147483647
  const listed = opts.direction === 'followers' ? sql`f.follower_id` : sql`f.following_id`
  const owner = opts.direction === 'followers' ? sql`f.following_id` : sql`f.follower_id`
  const rows = await query<MemberCard & { followId: number; followedAt: Date | string }>(
    payload,
    sql`select f.id as "followId", f.created_at as "followedAt", u.id, u.name, u.honorific, u.handle, u.title,
               u.verification_status as "verificationStatus"
        from follows f join users u on u.id = ${listed}
        where ${owner} = ${opts.userId} and f.id < ${after} and u._verified = true
          and not exists (select 1 from blocks b where (b.blocker_id = ${viewer} and b.blocked_id = u.id)
                                                  or (b.blocker_id = u.id and b.blocked_id = ${viewer}))
        order by f.id desc limit ${opts.limit + 1}`,
  )
  const page = rows.slice(0, opts.limit)
  return {
    docs: page.map(({ followId: _id, followedAt, ...card }) => ({ ...card, id: Number(card.id), followedAt: new Date(followedAt).toISOString() })),
    nextCursor: rows.length > opts.limit ? String(page[page.length - 1].followId) : null,
  }
}
