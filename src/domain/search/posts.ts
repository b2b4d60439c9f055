import { query, sql } from '@/db/sql'
import { SEARCH_CONFIG } from '@/db/searchSchema'
import { publishedPostWhere } from '@/domain/social/visibility'
import { afterCursor, notBlocked, type SearchContext } from './context'
import { encodeCursor } from './input'
import { HEADLINE_OPTIONS, segments } from './snippet'
import type { PostHit } from './types'
import { sqlWhere, usersReadWhere } from './where'

/**
 * How many matching posts are ranked at most: the newest matches (by publishedAt, as feeds order),
 * taken from the GIN index (or, for common words, by walking the publishedAt index until enough
 * match). Ranking never touches the rest.
 */
export const POST_CANDIDATES = 400

type Row = {
  id: number
  score: number
  title: string | null
  headline: string | null
  published_at: string | Date
  author_id: number | null
  author_name: string | null
  author_honorific: string | null
  author_handle: string | null
  room_name: string | null
  room_slug: string | null
}

/**
 * Posts the viewer may read (the feed's rule: publishedPostWhere), not by members blocked either way,
 * matching the words (English stemming), best first: text rank (title > tags > body) plus a bonus for
 * recency that halves every 90 days, so that the newer of two equal matches comes first.
 */
export async function searchPosts(ctx: SearchContext) {
  const { payload, viewer, q, limit } = ctx
  const tsq = sql`websearch_to_tsquery(${SEARCH_CONFIG}::regconfig, ${q})`
  const inSpecialty = ctx.specialty
    ? sql`exists (select 1 from posts_rels r where r.parent_id = posts.id and r.path = 'specialties' and r.specialties_id = ${ctx.specialty})`
    : sql`true`
  const rows = await query<Row>(
    payload,
    sql`with candidates as (
      select posts.id, coalesce(posts.published_at, posts.created_at) as published_at, posts.search_vector from posts
      where posts.search_vector @@ ${tsq}
        and ${sqlWhere(payload, 'posts', publishedPostWhere(viewer))}
        and ${notBlocked(viewer, sql`posts.author_id`)}
        and ${inSpecialty}
      order by posts.published_at desc, posts.id desc
      limit ${POST_CANDIDATES}
    ), ranked as (
      select id, (ts_rank_cd(search_vector, ${tsq}, 1 | 32)
        + 0.1 * power(0.5, greatest(extract(epoch from (${ctx.at.toISOString()}::timestamptz - published_at)), 0) / (90 * 86400)))::float8 as score
      from candidates
    ), page as (
      select id, score from ranked where ${afterCursor(ctx.cursor)} order by score desc, id desc limit ${limit + 1}
    )
    select page.id, page.score, p.title, coalesce(p.published_at, p.created_at) as published_at,
      ts_headline(${SEARCH_CONFIG}::regconfig, coalesce(nullif(p.text, ''), p.tags_text, p.title, ''), ${tsq}, ${HEADLINE_OPTIONS}) as headline,
      users.id as author_id, users.name as author_name, users.honorific as author_honorific, users.handle as author_handle,
      r.name as room_name, r.slug as room_slug
    from page join posts p on p.id = page.id
      left join users on users.id = p.author_id and ${sqlWhere(payload, 'users', await usersReadWhere(payload, viewer))}
      left join rooms r on r.id = p.room_id
    order by page.score desc, page.id desc`,
  )
  const hits: PostHit[] = rows.slice(0, limit).map((row) => ({
    type: 'post',
    id: row.id,
    url: `/posts/${row.id}`,
    title: row.title,
    snippet: segments(row.headline),
    publishedAt: new Date(row.published_at).toISOString(),
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '', honorific: row.author_honorific, handle: row.author_handle } : null,
    room: row.room_slug ? { name: row.room_name ?? '', slug: row.room_slug } : null,
  }))
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { hits, nextCursor: last ? encodeCursor({ score: last.score, id: last.id, at: ctx.at.getTime() }) : null }
}
