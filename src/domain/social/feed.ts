import type { Payload, Where } from 'payload'

import { query, sql } from '@/db/sql'
import { relationId } from '@/lib/relation'
import { RuleError } from '@/lib/ruleError'
import { publishedPostWhere, roomReadWhere, type Viewer } from './visibility'

export const FEED_KINDS = ['home', 'public', 'room'] as const
export type FeedKind = (typeof FEED_KINDS)[number]

export type FeedViewer = NonNullable<Viewer> & { specialty?: unknown; subSpecialties?: unknown }

/** Position in a feed: the last post shown (newest first). Opaque to clients. */
type Cursor = { t: string; id: number }

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.t, c.id])).toString('base64url')

export function decodeCursor(value: string): Cursor | null {
  try {
    const [t, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [unknown, unknown]
    if (typeof t !== 'string' || Number.isNaN(Date.parse(t)) || typeof id !== 'number' || !Number.isInteger(id)) return null
    return { t, id }
  } catch {
    return null
  }
}

/**
 * Whom and what a member follows, in one statement: followed members, rooms and channels joined, and
 * members blocked either way.
 */
async function graphOf(payload: Payload, userId: number) {
  const [row] = await query<{ following: number[]; rooms: number[]; blocked: number[] }>(
    payload,
    sql`select
      array(select following_id from follows where follower_id = ${userId}) as following,
      array(select room_id from room_members where user_id = ${userId}) as rooms,
      array(select blocked_id from blocks where blocker_id = ${userId} union select blocker_id from blocks where blocked_id = ${userId}) as blocked`,
  )
  return row ?? { following: [], rooms: [], blocked: [] }
}

export class FeedError extends RuleError {}

/**
 * One page of a feed, newest first, by keyset (created-at, id): no counts, no offsets, so a page costs
 * the same at any depth. `home` is what the member follows (people, rooms and channels) plus posts in
 * their specialties and their own; `public` is what anyone may read; `room` one room's posts.
 * Posts by members blocked either way never appear.
 */
export async function feedPage(
  payload: Payload,
  viewer: FeedViewer | null,
  opts: { kind: FeedKind; room?: number; cursor?: string | null; limit?: number },
) {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 50)
  const constraints: Where[] = [publishedPostWhere(viewer)]
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor)
    if (!c) throw new FeedError('That cursor is not valid.', 400)
    constraints.push({ or: [{ createdAt: { less_than: c.t } }, { and: [{ createdAt: { equals: c.t } }, { id: { less_than: c.id } }] }] })
  }
  const graph = viewer ? await graphOf(payload, Number(viewer.id)) : { following: [], rooms: [], blocked: [] }
  if (graph.blocked.length) constraints.push({ author: { not_in: graph.blocked } })

  if (opts.kind === 'home') {
    if (!viewer) throw new FeedError('Log in to see your feed.', 401)
    const specialties = [relationId(viewer.specialty), ...((viewer.subSpecialties as unknown[]) ?? []).map(relationId)].filter((v): v is number => v !== null)
    const sources: Where[] = [{ author: { in: [Number(viewer.id), ...graph.following] } }]
    if (graph.rooms.length) sources.push({ room: { in: graph.rooms } })
    if (specialties.length) sources.push({ specialties: { in: specialties } })
    constraints.push({ or: sources })
  } else if (opts.kind === 'room') {
    if (!opts.room) throw new FeedError('Which room?', 400)
    const roomWhere = roomReadWhere(viewer)
    const { docs } = await payload.find({
      collection: 'rooms',
      where: roomWhere === true ? { id: { equals: opts.room } } : { and: [{ id: { equals: opts.room } }, roomWhere] },
      limit: 1,
      pagination: false,
      depth: 0,
      select: { slug: true },
      overrideAccess: true,
    })
    if (!docs.length) throw new FeedError('No such room.', 404)
    constraints.push({ room: { equals: opts.room } })
  }

  const { docs } = await payload.find({
    collection: 'posts',
    where: { and: constraints },
    sort: ['-createdAt', '-id'],
    limit: limit + 1,
    pagination: false,
    depth: 1,
    overrideAccess: false,
    user: viewer ?? undefined,
  })
  const page = docs.slice(0, limit) as unknown as Array<{ id: number; createdAt: string }>
  const last = page[page.length - 1]
  return { docs: page, nextCursor: docs.length > limit && last ? encodeCursor({ t: last.createdAt, id: last.id }) : null }
}
