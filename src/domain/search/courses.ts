import { query, sql } from '@/db/sql'
import { SEARCH_CONFIG } from '@/db/searchSchema'
import { afterCursor, trigramThreshold, type SearchContext } from './context'
import { encodeCursor } from './input'
import { HEADLINE_OPTIONS, segments } from './snippet'
import type { CourseHit } from './types'

export const COURSE_CANDIDATES = 200
/** Course titles are matched loosely too, so that "cardiolgy" still finds a cardiology course. */
export const COURSE_TITLE_THRESHOLD = 0.4

type Row = {
  id: number
  score: number
  title: string
  slug: string
  level: string
  pricing: string
  credit_hours: string | number | null
  specialty: string | null
  headline: string | null
}

/**
 * Published courses (everyone may read them), by the words of their title and summary (English
 * stemming) or a title close to the query; title matches rank first. The specialty filter is the
 * course's specialty.
 */
export async function searchCourses(ctx: SearchContext) {
  const { payload, q, limit } = ctx
  const tsq = sql`websearch_to_tsquery(${SEARCH_CONFIG}::regconfig, ${q})`
  const rows = await query<Row>(
    payload,
    sql`with candidates as (
      select courses.id, courses.title, courses.search_vector from courses
      where ${trigramThreshold(COURSE_TITLE_THRESHOLD)}
        and (courses.search_vector @@ ${tsq} or ${q} <% courses.title)
        and courses._status = 'published'
        and ${ctx.specialty ? sql`courses.specialty_id = ${ctx.specialty}` : sql`true`}
      limit ${COURSE_CANDIDATES}
    ), ranked as (
      select id, (ts_rank_cd(search_vector, ${tsq}, 32) + word_similarity(${q}, title))::float8 as score from candidates
    ), page as (
      select id, score from ranked where ${afterCursor(ctx.cursor)} order by score desc, id desc limit ${limit + 1}
    )
    select page.id, page.score, c.title, c.slug, c.level, c.pricing, c.credit_hours, s.name as specialty,
      ts_headline(${SEARCH_CONFIG}::regconfig, coalesce(c.summary, ''), ${tsq}, ${HEADLINE_OPTIONS}) as headline
    from page join courses c on c.id = page.id
      left join specialties s on s.id = c.specialty_id
    order by page.score desc, page.id desc`,
  )
  const hits: CourseHit[] = rows.slice(0, limit).map((row) => ({
    type: 'course',
    id: row.id,
    url: `/learn/${row.slug}`,
    title: row.title,
    slug: row.slug,
    snippet: segments(row.headline),
    level: row.level,
    pricing: row.pricing,
    creditHours: row.credit_hours === null ? null : Number(row.credit_hours),
    specialty: row.specialty,
  }))
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { hits, nextCursor: last ? encodeCursor({ score: last.score, id: last.id, at: ctx.at.getTime() }) : null }
}
