import type { Payload } from 'payload'

import { query, sql, transaction, type Db } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { bump } from './db'

export const REACTION_KINDS = ['like', 'up', 'down'] as const
export type ReactionKind = (typeof REACTION_KINDS)[number]
export type ReactionTarget = { collection: 'posts' | 'comments'; id: number }

const POST_COLUMN = { like: 'like_count', up: 'upvotes', down: 'downvotes' } as const

async function adjust(tx: Db, target: ReactionTarget, kind: ReactionKind, delta: number) {
  if (target.collection === 'posts') await bump(tx, 'posts', POST_COLUMN[kind], target.id, delta)
  else if (kind === 'like') await bump(tx, 'comments', 'like_count', target.id, delta)
}

const targetColumn = (target: ReactionTarget) => sql.identifier(target.collection === 'posts' ? 'post_id' : 'comment_id')

async function targetAuthor(tx: Db, target: ReactionTarget): Promise<number | null> {
  const [row] = await query<{ author_id: number | null }>(tx, sql`select author_id from ${sql.identifier(target.collection)} where id = ${target.id}`)
  return row?.author_id ?? null
}

/**
 * Sets the member's one reaction on a post or comment (insert, or change up <-> down), and the target's
 * counters with it, in one transaction. Idempotent: setting the same kind again changes nothing.
 * Returns the kind that was replaced, if any.
 */
export async function setReaction(payload: Payload, userId: number, target: ReactionTarget, kind: ReactionKind) {
  const column = targetColumn(target)
  return transaction(payload, async (tx) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await tx.execute(sql`
        insert into reactions (user_id, ${column}, kind, updated_at, created_at)
        values (${userId}, ${target.id}, ${kind}, now(), now())
        on conflict (user_id, ${column}) do nothing returning id`)
      if (inserted.rows.length) {
        await adjust(tx, target, kind, 1)
        await emitActivity(payload, tx, { type: 'reaction.set', target, targetAuthor: await targetAuthor(tx, target), kind, previous: null, by: userId })
        return { changed: true, previous: null as ReactionKind | null }
      }
      // The row exists: lock it, then change its kind if it differs.
      const existing = await tx.execute(sql`select id, kind from reactions where user_id = ${userId} and ${column} = ${target.id} for update`)
      const row = existing.rows[0] as { id: number; kind: ReactionKind } | undefined
      if (!row) continue // removed in between: insert again
      if (row.kind === kind) return { changed: false, previous: kind }
      await tx.execute(sql`update reactions set kind = ${kind}, updated_at = now() where id = ${row.id}`)
      await adjust(tx, target, row.kind, -1)
      await adjust(tx, target, kind, 1)
      await emitActivity(payload, tx, { type: 'reaction.set', target, targetAuthor: await targetAuthor(tx, target), kind, previous: row.kind, by: userId })
      return { changed: true, previous: row.kind }
    }
    throw new Error('Could not set the reaction; try again.')
  })
}

/** Removes the member's reaction (if any) and its count. Returns the kind removed. */
export async function removeReaction(payload: Payload, userId: number, target: ReactionTarget): Promise<ReactionKind | null> {
  const column = targetColumn(target)
  return transaction(payload, async (tx) => {
    const { rows } = await tx.execute(sql`delete from reactions where user_id = ${userId} and ${column} = ${target.id} returning kind`)
    const removed = (rows[0]?.kind as ReactionKind | undefined) ?? null
    if (removed) {
      await adjust(tx, target, removed, -1)
      await emitActivity(payload, tx, { type: 'reaction.removed', target, targetAuthor: await targetAuthor(tx, target), kind: removed, by: userId })
    }
    return removed
  })
}

/** Bookmarks: one per member and post; bookmarkCount follows. */
export async function setBookmark(payload: Payload, userId: number, postId: number, on: boolean): Promise<boolean> {
  return transaction(payload, async (tx) => {
    const { rows } = on
      ? await tx.execute(sql`
          insert into bookmarks (user_id, post_id, updated_at, created_at) values (${userId}, ${postId}, now(), now())
          on conflict (user_id, post_id) do nothing returning id`)
      : await tx.execute(sql`delete from bookmarks where user_id = ${userId} and post_id = ${postId} returning id`)
    if (rows.length) await bump(tx, 'posts', 'bookmark_count', postId, on ? 1 : -1)
    return rows.length > 0
  })
}

export const SHARE_CHANNELS = ['in_app', 'copy_link', 'external'] as const

/** A share (in_app by a repost or quote, or by link): one row per share, shareCount + 1. */
export async function recordShare(db: Db, userId: number, postId: number, channel: (typeof SHARE_CHANNELS)[number], repost?: number) {
  const { rows } = await db.execute(sql`
    insert into shares (user_id, post_id, channel, repost_id, updated_at, created_at)
    values (${userId}, ${postId}, ${channel}, ${repost ?? null}, now(), now()) returning id`)
  await bump(db, 'posts', 'share_count', postId, 1)
  return rows[0]?.id as number
}
