import { query, sql } from '@/db/sql'
import { afterCursor, notBlocked, trigramThreshold, type SearchContext } from './context'
import { encodeCursor } from './input'
import type { PersonHit } from './types'
import { sqlWhere, usersReadWhere } from './where'

/** Members ranked at most per search: the first this many the trigram index finds close enough. */
export const PEOPLE_CANDIDATES = 300

/**
 * How close (pg_trgm word similarity, 0..1) a name or handle must come to the query: low enough that
 * two swapped letters in each word ("Jonh Smiht" for John Smith, about 0.29) still match.
 */
export const NAME_THRESHOLD = 0.25

type Row = {
  id: number
  score: number
  name: string
  honorific: string | null
  handle: string
  title: string | null
  avatar: string | null
  specialty: string | null
  verification_status: string
}

/**
 * Members of the directory (the users collection's read access: confirmed accounts; members with a
 * public handle, as /doctors lists them), not blocked either way, whose name or handle is close to
 * the query despite typos; a specialty filter matches the main specialty or a sub-specialty.
 */
export async function searchPeople(ctx: SearchContext) {
  const { payload, viewer, q, limit } = ctx
  const inSpecialty = ctx.specialty
    ? sql`(users.specialty_id = ${ctx.specialty} or exists (select 1 from users_rels r where r.parent_id = users.id and r.path = 'subSpecialties' and r.specialties_id = ${ctx.specialty}))`
    : sql`true`
  const rows = await query<Row>(
    payload,
    sql`with candidates as (
      select users.id, users.name, users.handle from users
      where ${trigramThreshold(NAME_THRESHOLD)}
        and (${q} <% users.name or ${q} <% users.handle)
        and users.handle is not null
        and exists (select 1 from users_roles role where role.parent_id = users.id and role.value = 'member')
        and ${sqlWhere(payload, 'users', await usersReadWhere(payload, viewer))}
        and ${notBlocked(viewer, sql`users.id`)}
        and ${inSpecialty}
      limit ${PEOPLE_CANDIDATES}
    ), ranked as (
      select id, (greatest(word_similarity(${q}, name), word_similarity(${q}, handle)) + 0.1 * similarity(${q}, name))::float8 as score
      from candidates
    ), page as (
      select id, score from ranked where ${afterCursor(ctx.cursor)} order by score desc, id desc limit ${limit + 1}
    )
    select page.id, page.score, u.name, u.honorific, u.handle, u.title, u.verification_status,
      coalesce(m.sizes_thumbnail_url, m.url) as avatar, s.name as specialty
    from page join users u on u.id = page.id
      left join media m on m.id = u.avatar_id
      left join specialties s on s.id = u.specialty_id
    order by page.score desc, page.id desc`,
  )
  const hits: PersonHit[] = rows.slice(0, limit).map((row) => ({
    type: 'person',
    id: row.id,
    url: `/doctors/${row.handle}`,
    name: row.name,
    honorific: row.honorific,
    handle: row.handle,
    title: row.title,
    avatar: row.avatar,
    specialty: row.specialty,
    verified: row.verification_status === 'verified',
  }))
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { hits, nextCursor: last ? encodeCursor({ score: last.score, id: last.id, at: ctx.at.getTime() }) : null }
}
