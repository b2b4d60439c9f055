import type { Payload } from 'payload'

import { isStaffUser } from '@/access/roles'
import { query, sql, type SQL } from '@/db/sql'
import { relationId } from '@/lib/relation'
import { RuleError } from '@/lib/ruleError'
import { postAudiences, roomAudiences, type Viewer } from './visibility'

export const FEED_KINDS = ['home', 'public', 'room'] as const
export type FeedKind = (typeof FEED_KINDS)[number]
export const FEED_SORTS = ['new', 'top'] as const
export type FeedSort = (typeof FEED_SORTS)[number]

export type FeedViewer = NonNullable<Viewer> & { specialty?: unknown; subSpecialties?: unknown }

/** `top` ranks the posts published in this window before the first page... */
export const TOP_WINDOW_DAYS = 7
/** ...among at most this many of the newest of them, so that a page costs the same on any table. */
export const TOP_CANDIDATES = 500

/** Position in a list by time: the last item shown (newest first). Opaque to clients. */
type Cursor = { t: string; id: number }
/**
 * Position in a `top` feed: the last score and id shown, and the instant the first page was ranked
 * at, so that every later page ranks the same candidates with the same decay.
 */
type TopCursor = { score: string; id: number; asOf: string }

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v))
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 2147483647
const SCORE = /^\d{1,12}(\.\d{1,12})?$/

const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url')
function parts(value: string): unknown[] | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown
    return Array.isArray(parsed) ? parsed : null
  } catch {
    return null
  }
}

export const encodeCursor = (c: Cursor) => encode([c.t, c.id])

export function decodeCursor(value: string): Cursor | null {
  const p = parts(value)
  return p && p.length === 2 && isDate(p[0]) && isId(p[1]) ? { t: p[0], id: p[1] } : null
}

const encodeTopCursor = (c: TopCursor) => encode(['top', c.score, c.id, c.asOf])

function decodeTopCursor(value: string): TopCursor | null {
  const p = parts(value)
  if (!p || p.length !== 4 || p[0] !== 'top') return null
  const [, score, id, asOf] = p
  return typeof score === 'string' && SCORE.test(score) && isId(id) && isDate(asOf) ? { score, id, asOf } : null
}

export class FeedError extends RuleError {}

const intArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::int[]`
/** A literal array of one of the schema's enum types (values from our own constants, never input). */
const enumArray = (values: readonly string[], type: 'enum_posts_visibility' | 'enum_posts_room_visibility' | 'enum_rooms_visibility') =>
  sql`${`{${values.join(',')}}`}::${sql.raw(type)}[]`

/**
 * Engagement over age, as Hacker News ranks: every like, net upvote, comment (x2) and share (x3)
 * counts, and the score halves roughly every time the post's age (plus two hours) grows by 60%.
 * Rounded to a fixed scale so that cursors compare exactly.
 */
const topScore = (asOf: SQL) => sql`round((
    (1 + p.like_count + greatest(p.upvotes - p.downvotes, 0) + 2 * p.comment_count + 3 * p.share_count)
    / power(extract(epoch from (${asOf} - p.published_at)) / 3600 + 2, 1.5)
  )::numeric, 12)`

type Plan = {
  /** Conditions every candidate meets (visibility, blocks, keyset or window), over `p` = posts. */
  where: SQL
  /** Candidates taken from each source, newest first. */
  take: number
  /** Whether `where` bounds publishedAt (a window), so that a source may be read by its rows. */
  windowed?: boolean
}

/**
 * The newest `take` rows of one source (`p.<column> = value`), read backwards on its (column,
 * publishedAt) index and stopped there: ties on publishedAt come along (WITH TIES), so the outer
 * (publishedAt, id) order never loses a tied row at the cut.
 */
const bySource = (column: 'author_id' | 'room_id', values: SQL, plan: Plan) => sql`
  select p.id, p.published_at from unnest(${values}) as s(v)
  cross join lateral (
    select p.id, p.published_at from posts p where p.${sql.identifier(column)} = s.v and ${plan.where}
    order by p.published_at desc fetch first ${plan.take} rows with ties
  ) p`

/**
 * The candidate posts of a feed (id and publishedAt), newest first, at most `plan.take`: each source
 * (followed authors and oneself, joined rooms, one's specialties; or all posts; or one room) gives
 * its newest rows by index, and the union of those is cut again, so that the cost is bounded by the
 * number of sources, never by the size of the table.
 */
function candidates(kind: FeedKind, plan: Plan, home: { userId: number; specialties: number[] } | null, room?: number): SQL {
  const newest = (from: SQL) => sql`select id, published_at from (${from}) c order by published_at desc, id desc limit ${plan.take}`
  const ordered = sql`order by p.published_at desc fetch first ${plan.take} rows with ties`
  if (kind === 'room') return newest(sql`select p.id, p.published_at from posts p where p.room_id = ${room} and ${plan.where} ${ordered}`)
  if (kind === 'public') return newest(sql`select p.id, p.published_at from posts p where ${plan.where} ${ordered}`)
  const { userId, specialties } = home!
  const sources = [
    bySource('author_id', sql`array_append(array(select following_id from follows where follower_id = ${userId}), ${userId})`, plan),
    bySource('room_id', sql`array(select room_id from room_members where user_id = ${userId})`, plan),
  ]
  if (specialties.length) {
    const tagged = sql`exists (select 1 from posts_rels r where r.parent_id = p.id and r.path = 'specialties' and r.specialties_id = any(${intArray(specialties)}))`
    // A page of the newest: walking the publishedAt index newest first finds one after a number of
    // rows set by the specialties' share of posts, not by the table. A window (top) is read from the
    // specialties' tags instead (OFFSET 0 keeps the planner from turning it back into a walk of the
    // whole window), so that its cost is that of the tagged posts.
    sources.push(
      plan.windowed
        ? sql`select * from (select p.id, p.published_at from (select distinct r.parent_id from posts_rels r
              where r.path = 'specialties' and r.specialties_id = any(${intArray(specialties)}) offset 0) t
            join posts p on p.id = t.parent_id where ${plan.where} ${ordered}) sp`
        : sql`select * from (select p.id, p.published_at from posts p where ${plan.where} and ${tagged} ${ordered}) sp`,
    )
  }
  return newest(sql.join(sources.map((s) => sql`(${s})`), sql` union `))
}

/**
 * Published, visible posts of an audience the viewer belongs to, in rooms they may see, not by a
 * member blocked either way: the rules of publishedPostWhere (visibility.ts), as SQL over `p`.
 */
export function visibleTo(viewer: FeedViewer | null): SQL {
  const blocked = viewer
    ? sql` and p.author_id not in (select blocked_id from blocks where blocker_id = ${Number(viewer.id)} union all select blocker_id from blocks where blocked_id = ${Number(viewer.id)})`
    : sql``
  // Compared as the columns' own enum types (not cast to text), so that the planner uses their
  // statistics: a cast hides them, every filter then looks rare, and Postgres reads whole tables.
  return sql`p._status = 'published' and p.moderation = 'visible' and p.deleted_at is null and p.published_at is not null
    and p.visibility = any(${enumArray(postAudiences(viewer), 'enum_posts_visibility')})
    and p.room_visibility = any(${enumArray(roomAudiences(viewer), 'enum_posts_room_visibility')})${blocked}`
}

/** Whether the viewer may see the room (roomReadWhere, as SQL). */
const roomVisible = (viewer: FeedViewer | null, room: number) =>
  isStaffUser(viewer)
    ? sql`exists (select 1 from rooms where id = ${room})`
    : sql`exists (select 1 from rooms where id = ${room} and visibility = any(${enumArray(roomAudiences(viewer), 'enum_rooms_visibility')}))`

type PageRow = { ids: number[] | null; marks: string[] | null; scores: string[] | null; room_ok: boolean | null }

type FeedOptions = { kind: FeedKind; sort?: FeedSort; room?: number; cursor?: string | null; limit?: number }

/**
 * The one statement that picks a feed page's ids (the follow, room and block graph inline), with the
 * cursor's marks: exported for benchmarks, which EXPLAIN it at scale.
 */
export function feedStatement(viewer: FeedViewer | null, opts: FeedOptions) {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 50)
  const sort = opts.sort ?? 'new'
  const after = opts.cursor ? (sort === 'new' ? decodeCursor(opts.cursor) : decodeTopCursor(opts.cursor)) : null
  if (opts.cursor && !after) throw new FeedError('That cursor is not valid.', 400)
  if (opts.kind === 'home' && !viewer) throw new FeedError('Log in to see your feed.', 401)
  if (opts.kind === 'room' && !opts.room) throw new FeedError('Which room?', 400)

  const home =
    opts.kind === 'home' && viewer
      ? {
          userId: Number(viewer.id),
          specialties: [relationId(viewer.specialty), ...((viewer.subSpecialties as unknown[]) ?? []).map(relationId)].filter((v): v is number => v !== null),
        }
      : null
  const visible = visibleTo(viewer)
  let statement: SQL
  let asOf = new Date().toISOString()
  if (sort === 'new') {
    const c = after as Cursor | null
    // The plain bound lets every index scan start at the cursor; the row comparison breaks ties.
    const keyset = c ? sql` and p.published_at <= ${c.t}::timestamptz and (p.published_at, p.id) < (${c.t}::timestamptz, ${c.id})` : sql``
    const page = candidates(opts.kind, { where: sql`${visible}${keyset}`, take: limit + 1 }, home, opts.room)
    statement = sql`with page as (${page})
      select array(select id from page order by published_at desc, id desc) as ids,
        array(select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from page order by published_at desc, id desc) as marks`
  } else {
    const c = after as TopCursor | null
    if (c) asOf = c.asOf
    const at = sql`${asOf}::timestamptz`
    const window = sql` and p.published_at <= ${at} and p.published_at > ${at} - make_interval(days => ${TOP_WINDOW_DAYS})`
    const pool = candidates(opts.kind, { where: sql`${visible}${window}`, take: TOP_CANDIDATES, windowed: true }, home, opts.room)
    const keyset = c ? sql`where (score, id) < (${c.score}::numeric, ${c.id})` : sql``
    statement = sql`with ranked as (
        select * from (select p.id, ${topScore(at)} as score from (${pool}) c join posts p on p.id = c.id) s
        ${keyset} order by score desc, id desc limit ${limit + 1})
      select array(select id from ranked order by score desc, id desc) as ids, array(select score::text from ranked order by score desc, id desc) as scores`
  }
  if (opts.kind === 'room') statement = sql`select page.*, ${roomVisible(viewer, opts.room!)} as room_ok from (${statement}) page`
  return { statement, limit, sort, asOf }
}

/**
 * One page of a feed by keyset: no counts, no offsets, so a page costs the same at any depth.
 * `home` is what the member follows (people, rooms and channels) plus posts in their specialties and
 * their own; `public` is what anyone may read; `room` one room's posts. Posts by members blocked
 * either way never appear. `new` orders by publishing time, newest first; `top` ranks the posts of
 * the last TOP_WINDOW_DAYS by engagement with time decay (see topScore).
 *
 * One statement picks the page's ids (feedStatement); one Payload read then loads those posts at
 * depth 1 with the collection's read access applied once more.
 */
export async function feedPage<T = Awaited<ReturnType<typeof loadPosts>>[number]>(
  payload: Payload,
  viewer: FeedViewer | null,
  opts: FeedOptions,
  load: (payload: Payload, viewer: FeedViewer | null, ids: number[]) => Promise<T[]> = loadPosts as never,
) {
  const { statement, limit, sort, asOf } = feedStatement(viewer, opts)
  const [row] = await query<PageRow>(payload, statement)
  if (opts.kind === 'room' && !row?.room_ok) throw new FeedError('No such room.', 404)
  const ids = row?.ids ?? []
  const shown = ids.slice(0, limit)
  const docs = shown.length ? await load(payload, viewer, shown) : []
  const last = shown.length - 1
  let nextCursor: string | null = null
  if (ids.length > limit) {
    nextCursor =
      sort === 'new'
        ? encodeCursor({ t: row.marks![last], id: shown[last] })
        : encodeTopCursor({ score: row.scores![last], id: shown[last], asOf })
  }
  return { docs, nextCursor }
}

/** The posts `ids` at depth 1, in that order, with the collection's read access applied again. */
async function loadPosts(payload: Payload, viewer: FeedViewer | null, ids: number[]) {
  const { docs } = await payload.find({
    collection: 'posts',
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 1,
    overrideAccess: false,
    user: viewer ?? undefined,
  })
  const byId = new Map(docs.map((d) => [Number(d.id), d]))
  return ids.map((id) => byId.get(id)).filter((d) => d !== undefined)
}
