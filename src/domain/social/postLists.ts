import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { decodeCursor, encodeCursor, visibleTo, type FeedViewer } from './feed'
import { loadCards, type PostCardData } from './postCards'

/**
 * Lists of posts other than the feeds, as cards, by keyset (no counts, no offsets): one member's
 * published posts, and the viewer's bookmarks. One statement picks the page, three load its cards.
 */

export const MAX_LIST = 50

export class ListError extends RuleError {}

type Page<T> = { docs: T[]; nextCursor: string | null }

function keyset(cursor: string | null | undefined, column: 'published_at' | 'created_at', alias: 'p' | 'b') {
  if (!cursor) return sql`true`
  const c = decodeCursor(cursor)
  if (!c) throw new ListError('That cursor is not valid.', 400)
  return sql`(${sql.raw(`${alias}.${column}`)}, ${sql.raw(`${alias}.id`)}) < (${c.t}::timestamptz, ${c.id})`
}

const clamp = (limit: number | undefined) => Math.min(Math.max(limit ?? 20, 1), MAX_LIST)

/**
 * The published posts of `authorId` the viewer may read, newest first (by publishing time): nothing
 * when either has blocked the other. Walks the (author, publishedAt) index.
 */
export async function authorPostsPage(
  payload: Payload,
  viewer: FeedViewer | null,
  authorId: number,
  opts: { cursor?: string | null; limit?: number } = {},
): Promise<Page<PostCardData>> {
  const limit = clamp(opts.limit)
  const rows = await query<{ id: number; mark: string }>(
    payload,
    sql`select p.id, to_char(p.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as mark
      from posts p where p.author_id = ${authorId} and ${visibleTo(viewer)} and ${keyset(opts.cursor, 'published_at', 'p')}
      order by p.published_at desc, p.id desc limit ${limit + 1}`,
  )
  const shown = rows.slice(0, limit)
  const docs = await loadCards(payload, viewer, shown.map((r) => Number(r.id)))
  const last = shown[shown.length - 1]
  return { docs, nextCursor: rows.length > limit ? encodeCursor({ t: last.mark, id: Number(last.id) }) : null }
}

/** A bookmark on the viewer's list: the card, or null when the post can no longer be read. */
export type BookmarkEntry = { postId: number; bookmarkedAt: string; post: PostCardData | null }

/**
 * The viewer's bookmarks, newest bookmark first. A bookmarked post the viewer may no longer read (deleted,
 * hidden, out of their audience, by someone in a block) stays on the list without its content, so it can
 * be removed.
 */
export async function bookmarksPage(
  payload: Payload,
  viewer: NonNullable<FeedViewer>,
  opts: { cursor?: string | null; limit?: number } = {},
): Promise<Page<BookmarkEntry>> {
  const limit = clamp(opts.limit)
  const rows = await query<{ id: number; post_id: number; mark: string; readable: boolean }>(
    payload,
    sql`select b.id, b.post_id, to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as mark,
        exists (select 1 from posts p where p.id = b.post_id and ${visibleTo(viewer)}) as readable
      from bookmarks b where b.user_id = ${Number(viewer.id)} and ${keyset(opts.cursor, 'created_at', 'b')}
      order by b.created_at desc, b.id desc limit ${limit + 1}`,
  )
  const shown = rows.slice(0, limit)
  // The feed's rules pick what is still readable (published, visible, audience, no block); the posts'
  // read access is applied again when they load.
  const cards = await loadCards(payload, viewer, shown.filter((r) => r.readable).map((r) => Number(r.post_id)))
  const byId = new Map(cards.map((c) => [c.id, c]))
  const docs = shown.map((r) => ({ postId: Number(r.post_id), bookmarkedAt: r.mark, post: byId.get(Number(r.post_id)) ?? null }))
  const last = shown[shown.length - 1]
  return { docs, nextCursor: rows.length > limit ? encodeCursor({ t: last.mark, id: Number(last.id) }) : null }
}
