import type { Payload } from 'payload'

import { isStaffUser } from '@/access/roles'
import { query, sql, type SQL } from '@/db/sql'
import { mediaUrl } from '@/lib/media'
import { RuleError } from '@/lib/ruleError'
import type { Media } from '../../../payload-types'
import { decodeCursor, encodeCursor } from './feed'
import type { Viewer } from './visibility'

/**
 * A post's comments as the post page shows them: top-level comments a page at a time (newest or oldest
 * first), each with its first replies (oldest first), more replies of one thread on demand, and what
 * arrived since a given comment. One SQL statement per page plus one for the avatars; keyset cursors,
 * no counts. Comments of members blocked either way are left out (a blocked member's top-level comment
 * takes its whole thread with it); a deleted top-level comment whose replies live on stays as a
 * placeholder without text or author.
 */

export const THREAD_ORDERS = ['newest', 'oldest'] as const
export type ThreadOrder = (typeof THREAD_ORDERS)[number]

export type CommentAuthor = { id: number; name: string; honorific: string | null; handle: string | null; verified: boolean; avatarUrl: string | null }
export type ThreadComment = {
  id: number
  postId: number
  parentId: number | null
  /** Null for a deleted comment kept as the head of its replies. */
  body: string | null
  deleted: boolean
  /** `visible` for everyone; authors see their own held comments, staff every state. */
  moderation: string
  author: CommentAuthor | null
  /** Handles of the members the body mentions (stored by the server), to link `@handle`. */
  mentions: string[]
  likeCount: number
  liked: boolean
  createdAt: string
  editedAt: string | null
}
export type Thread = ThreadComment & { replies: ThreadComment[]; repliesCursor: string | null }

export const REPLIES_SHOWN = 3
export const MAX_PAGE = 50

type Row = {
  id: number
  post_id: number
  parent_id: number | null
  author_id: number | null
  body: string
  like_count: string | number | null
  edited_at: Date | string | null
  created_at: Date | string
  deleted_at: Date | string | null
  moderation: string
  live: boolean
  name: string | null
  honorific: string | null
  handle: string | null
  verification_status: string | null
  avatar_id: number | null
  liked: boolean
  mentions: string[] | null
}

const iso = (d: Date | string) => new Date(d).toISOString()

// Table aliases of the statements below.
const C = sql.raw('c')
const R = sql.raw('r')

/** What the viewer may see of one comment, given its alias in the statement. */
function rules(viewer: Viewer) {
  const me = viewer ? Number(viewer.id) : 0
  const staff = isStaffUser(viewer)
  const live = (c: SQL) => (staff ? sql`${c}.deleted_at is null` : sql`(${c}.deleted_at is null and (${c}.moderation = 'visible' or ${c}.author_id = ${me}))`)
  const notBlocked = (c: SQL) =>
    me ? sql`(${c}.author_id is null or ${c}.author_id not in (select id from blocked))` : sql`true`
  const blockedCte = sql`blocked as (select blocked_id as id from blocks where blocker_id = ${me} union select blocker_id from blocks where blocked_id = ${me})`
  const columns = sql`${live(C)} as live, c.id, c.post_id, c.parent_id, c.author_id, c.body, c.like_count, c.edited_at, c.created_at, c.deleted_at, c.moderation,
    u.name, u.honorific, u.handle, u.verification_status, u.avatar_id,
    ${me ? sql`exists(select 1 from reactions x where x.user_id = ${me} and x.comment_id = c.id)` : sql`false`} as liked,
    array(select m.handle from comments_rels cr join users m on m.id = cr.users_id
          where cr.parent_id = c.id and cr.path = 'mentions' and m.handle is not null) as mentions`
  return { live, notBlocked, blockedCte, columns }
}

/** Avatars as URLs, in one query for every author on the page. */
async function avatarUrls(payload: Payload, rows: Row[]) {
  const ids = [...new Set(rows.map((r) => r.avatar_id).filter((id): id is number => id !== null))]
  if (!ids.length) return new Map<number, string | null>()
  const { docs } = await payload.find({ collection: 'media', where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true })
  return new Map(docs.map((m) => [Number(m.id), mediaUrl(m as Media, 'thumbnail')]))
}

function toComment(row: Row, avatars: Map<number, string | null>): ThreadComment {
  // Only a thread's head can be shown without being live (deleted, or hidden from this viewer).
  const deleted = !row.live
  return {
    id: Number(row.id),
    postId: Number(row.post_id),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    body: deleted ? null : row.body,
    deleted,
    moderation: deleted ? 'visible' : row.moderation,
    author:
      deleted || row.author_id === null || row.name === null
        ? null
        : {
            id: Number(row.author_id),
            name: row.name,
            honorific: row.honorific,
            handle: row.handle,
            verified: row.verification_status === 'verified',
            avatarUrl: row.avatar_id === null ? null : (avatars.get(Number(row.avatar_id)) ?? null),
          },
    mentions: deleted ? [] : (row.mentions ?? []),
    likeCount: Number(row.like_count ?? 0),
    liked: Boolean(row.liked),
    createdAt: iso(row.created_at),
    editedAt: deleted || !row.edited_at ? null : iso(row.edited_at),
  }
}

const cursorOf = (c: ThreadComment) => encodeCursor({ t: c.createdAt, id: c.id })

export class ThreadError extends RuleError {}

function keyset(cursor: string | null | undefined, direction: 'after' | 'before') {
  if (!cursor) return sql`true`
  const c = decodeCursor(cursor)
  if (!c) throw new ThreadError('That cursor is not valid.', 400)
  return direction === 'after'
    ? sql`(c.created_at, c.id) > (${c.t}::timestamptz, ${c.id})`
    : sql`(c.created_at, c.id) < (${c.t}::timestamptz, ${c.id})`
}

/**
 * One page of top-level comments of `postId` (the caller has checked the viewer may read the post),
 * each with up to REPLIES_SHOWN replies and a cursor for the rest.
 */
export async function threadPage(
  payload: Payload,
  viewer: Viewer,
  postId: number,
  opts: { order?: ThreadOrder; cursor?: string | null; limit?: number } = {},
): Promise<{ docs: Thread[]; nextCursor: string | null }> {
  const order = opts.order ?? 'newest'
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), MAX_PAGE)
  const { live, notBlocked, blockedCte, columns } = rules(viewer)
  const dir = order === 'newest' ? sql`desc` : sql`asc`
  const rows = await query<Row & { depth: number }>(
    payload,
    sql`with ${blockedCte},
      top as (
        select c.id from comments c
        where c.post_id = ${postId} and c.parent_id is null and ${notBlocked(C)}
          and (${live(C)} or exists (select 1 from comments r where r.parent_id = c.id and ${live(R)} and ${notBlocked(R)}))
          and ${keyset(opts.cursor, order === 'newest' ? 'before' : 'after')}
        order by c.created_at ${dir}, c.id ${dir}
        limit ${limit + 1}
      ),
      picked as (
        select t.id, 0 as depth from top t
        union all
        select r.id, 1 from top t cross join lateral (
          select r.id from comments r where r.parent_id = t.id and ${live(R)} and ${notBlocked(R)}
          order by r.created_at, r.id limit ${REPLIES_SHOWN + 1}
        ) r
      )
      select ${columns}, p.depth from picked p join comments c on c.id = p.id left join users u on u.id = c.author_id`,
  )
  const avatars = await avatarUrls(payload, rows)
  const all = rows.map((r) => toComment(r, avatars))
  const byTime = (a: ThreadComment, b: ThreadComment) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id
  const tops = all.filter((c) => c.parentId === null).sort(byTime)
  if (order === 'newest') tops.reverse()
  const page = tops.slice(0, limit)
  const docs = page.map((top): Thread => {
    const replies = all.filter((c) => c.parentId === top.id).sort(byTime)
    const shown = replies.slice(0, REPLIES_SHOWN)
    return { ...top, replies: shown, repliesCursor: replies.length > REPLIES_SHOWN ? cursorOf(shown[shown.length - 1]) : null }
  })
  return { docs, nextCursor: tops.length > limit ? cursorOf(page[page.length - 1]) : null }
}

/**
 * Replies of the top-level comment `parentId` after `cursor`, oldest first. Null when `parentId` is not
 * a top-level comment of the post.
 */
export async function repliesPage(
  payload: Payload,
  viewer: Viewer,
  postId: number,
  parentId: number,
  opts: { cursor?: string | null; limit?: number } = {},
): Promise<{ docs: ThreadComment[]; nextCursor: string | null } | null> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), MAX_PAGE)
  const { live, notBlocked, blockedCte, columns } = rules(viewer)
  // The thread's head is checked in the same statement: joined from it, a row without an id says
  // "this thread exists but has no (more) replies"; no row at all, "no such thread".
  const rows = await query<Row>(
    payload,
    sql`with ${blockedCte},
      head as (select c.id from comments c where c.id = ${parentId} and c.post_id = ${postId} and c.parent_id is null and ${notBlocked(C)}),
      page as (
        select c.id from comments c, head h
        where c.parent_id = h.id and ${live(C)} and ${notBlocked(C)} and ${keyset(opts.cursor, 'after')}
        order by c.created_at, c.id limit ${limit + 1}
      )
      select ${columns} from head h left join page p on true left join comments c on c.id = p.id left join users u on u.id = c.author_id`,
  )
  if (!rows.length) return null
  const found = rows.filter((r) => r.id !== null)
  const avatars = await avatarUrls(payload, found)
  const all = found.map((r) => toComment(r, avatars)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
  const docs = all.slice(0, limit)
  return { docs, nextCursor: all.length > limit ? cursorOf(docs[docs.length - 1]) : null }
}

/**
 * Comments (both levels) written after the comment `afterId`, oldest first: what a page that polls
 * adds to the threads it shows. `more` says another call is needed to catch up.
 */
export async function commentsSince(
  payload: Payload,
  viewer: Viewer,
  postId: number,
  afterId: number,
  opts: { limit?: number } = {},
): Promise<{ docs: ThreadComment[]; more: boolean }> {
  const limit = Math.min(Math.max(opts.limit ?? MAX_PAGE, 1), MAX_PAGE)
  const { live, notBlocked, blockedCte, columns } = rules(viewer)
  const rows = await query<Row>(
    payload,
    sql`with ${blockedCte}
      select ${columns} from comments c left join users u on u.id = c.author_id
      where c.post_id = ${postId} and c.id > ${afterId} and ${live(C)} and ${notBlocked(C)}
      order by c.id limit ${limit + 1}`,
  )
  const avatars = await avatarUrls(payload, rows)
  const docs = rows.slice(0, limit).map((r) => toComment(r, avatars))
  return { docs, more: rows.length > limit }
}
