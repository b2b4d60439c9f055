import { query, sql } from '@/db/sql'
import { SEARCH_CONFIG } from '@/db/searchSchema'
import { roomReadWhere } from '@/domain/social/visibility'
import { afterCursor, trigramThreshold, type SearchContext } from './context'
import { encodeCursor } from './input'
import { HEADLINE_OPTIONS, segments } from './snippet'
import type { RoomHit } from './types'
import { sqlWhere } from './where'

export const ROOM_CANDIDATES = 200
/** Room names are matched loosely too, so that "cardiolgy" still finds Cardiology. */
export const ROOM_NAME_THRESHOLD = 0.4

type Row = { id: number; score: number; name: string; slug: string; kind: string; member_count: string | number; headline: string | null }

/**
 * Rooms and channels the viewer may see (roomReadWhere), by the words of their name and description
 * (English stemming) or a name close to the query; name matches rank first.
 */
export async function searchRooms(ctx: SearchContext) {
  const { payload, viewer, q, limit } = ctx
  const tsq = sql`websearch_to_tsquery(${SEARCH_CONFIG}::regconfig, ${q})`
  const rows = await query<Row>(
    payload,
    sql`with candidates as (
      select rooms.id, rooms.name, rooms.search_vector from rooms
      where ${trigramThreshold(ROOM_NAME_THRESHOLD)}
        and (rooms.search_vector @@ ${tsq} or ${q} <% rooms.name)
        and ${sqlWhere(payload, 'rooms', roomReadWhere(viewer))}
        and ${ctx.specialty ? sql`rooms.specialty_id = ${ctx.specialty}` : sql`true`}
      limit ${ROOM_CANDIDATES}
    ), ranked as (
      select id, (ts_rank_cd(search_vector, ${tsq}, 32) + word_similarity(${q}, name))::float8 as score from candidates
    ), page as (
      select id, score from ranked where ${afterCursor(ctx.cursor)} order by score desc, id desc limit ${limit + 1}
    )
    select page.id, page.score, r.name, r.slug, r.kind, r.member_count,
      ts_headline(${SEARCH_CONFIG}::regconfig, coalesce(r.description, ''), ${tsq}, ${HEADLINE_OPTIONS}) as headline
    from page join rooms r on r.id = page.id
    order by page.score desc, page.id desc`,
  )
  const hits: RoomHit[] = rows.slice(0, limit).map((row) => ({
    type: 'room',
    id: row.id,
    url: `/rooms/${row.slug}`,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    snippet: segments(row.headline),
    memberCount: Number(row.member_count) || 0,
  }))
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { hits, nextCursor: last ? encodeCursor({ score: last.score, id: last.id, at: ctx.at.getTime() }) : null }
}
