import type { Payload } from 'payload'
import { z } from 'zod'

import { query, sql } from '@/db/sql'
import { SEARCH_CONFIG } from '@/db/searchSchema'
import { RuleError } from '@/lib/ruleError'
import { COURSE_LEVELS, COURSE_PRICING } from './types'

export type CourseCard = {
  id: number
  slug: string
  title: string
  summary: string | null
  cover: { url: string; alt: string | null } | null
  instructors: { id: number; name: string; honorific: string | null }[]
  durationMinutes: number | null
  creditHours: number | null
  level: string
  pricing: string
  price: { amount: number; currency: string } | null
  specialty: { id: number; name: string } | null
  enrollmentCount: number
}

export const CATALOGUE_PAGE = 12
export const CATALOGUE_MAX = 48

const wholeNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `${name} must be a whole number.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 2147483647, `${name} is out of range.`)

export const catalogueQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim())
    .refine((s) => s.length <= 200, 'Searches are at most 200 characters.')
    .optional(),
  specialty: wholeNumber('specialty').optional(),
  level: z.enum(COURSE_LEVELS, { error: `level must be one of ${COURSE_LEVELS.join(', ')}.` }).optional(),
  pricing: z.enum(COURSE_PRICING, { error: `pricing must be one of ${COURSE_PRICING.join(', ')}.` }).optional(),
  before: wholeNumber('before').optional(),
  limit: wholeNumber('limit')
    .refine((n) => n <= CATALOGUE_MAX, `limit is at most ${CATALOGUE_MAX}.`)
    .optional(),
})
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>

/** Reads the catalogue's filters from a query string (empty fields mean "any"); a bad value is a 400. */
export function parseCatalogueParams(params: URLSearchParams | Record<string, string | string[] | undefined>): CatalogueQuery {
  const raw: Record<string, string> = {}
  for (const key of ['q', 'specialty', 'level', 'pricing', 'before', 'limit']) {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key]
    const one = Array.isArray(value) ? value[0] : value
    if (one !== null && one !== undefined && one !== '') raw[key] = one
  }
  const parsed = catalogueQuerySchema.safeParse(raw)
  if (!parsed.success) throw new RuleError(parsed.error.issues[0]?.message ?? 'Invalid filters.', 400)
  return parsed.data
}

type Row = {
  id: number
  slug: string
  title: string
  summary: string | null
  cover_url: string | null
  cover_alt: string | null
  instructors: { id: number; name: string; honorific: string | null }[] | null
  duration_minutes: string | number | null
  credit_hours: string | number | null
  level: string
  pricing: string
  price_amount: string | number | null
  price_currency: string | null
  specialty_id: number | null
  specialty_name: string | null
  enrollment_count: string | number | null
}

/** The columns of a course card, over `courses c` (one row per course, instructors aggregated). */
export const cardColumns = sql`c.id, c.slug, c.title, c.summary, coalesce(m.sizes_card_url, m.url) as cover_url, m.alt as cover_alt,
  (select json_agg(json_build_object('id', u.id, 'name', u.name, 'honorific', u.honorific) order by r."order")
     from courses_rels r join users u on u.id = r.users_id where r.parent_id = c.id and r.path = 'instructors') as instructors,
  c.duration_minutes, c.credit_hours, c.level, c.pricing, c.price_amount, c.price_currency,
  s.id as specialty_id, s.name as specialty_name, c.enrollment_count`

export const cardJoins = sql`left join media m on m.id = c.cover_id left join specialties s on s.id = c.specialty_id`

export function toCard(r: Row): CourseCard {
  const n = (v: string | number | null) => (v === null ? null : Number(v))
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    cover: r.cover_url ? { url: r.cover_url, alt: r.cover_alt } : null,
    instructors: (r.instructors ?? []).map((i) => ({ id: Number(i.id), name: i.name, honorific: i.honorific })),
    durationMinutes: n(r.duration_minutes),
    creditHours: n(r.credit_hours),
    level: r.level,
    pricing: r.pricing,
    price: r.pricing === 'paid' && r.price_amount !== null ? { amount: Number(r.price_amount), currency: r.price_currency ?? 'usd' } : null,
    specialty: r.specialty_id ? { id: Number(r.specialty_id), name: r.specialty_name ?? '' } : null,
    enrollmentCount: Number(r.enrollment_count ?? 0),
  }
}
export type CardRow = Row

/**
 * Published courses, newest first, by keyset (`before`: the last id shown), filtered by specialty,
 * level, pricing and words of the title or summary (English stemming, or a plain substring of the
 * title for partial words). One statement.
 */
export async function cataloguePage(payload: Payload, filters: CatalogueQuery): Promise<{ courses: CourseCard[]; nextBefore: number | null }> {
  const limit = filters.limit ?? CATALOGUE_PAGE
  const q = filters.q && /[\p{L}\p{N}]/u.test(filters.q) ? filters.q : null
  const words = q
    ? sql`(c.search_vector @@ websearch_to_tsquery(${SEARCH_CONFIG}::regconfig, ${q}) or c.title ilike ${`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`})`
    : sql`true`
  const rows = await query<Row>(
    payload,
    sql`select ${cardColumns}
        from courses c ${cardJoins}
        where c._status = 'published'
          and ${filters.specialty ? sql`c.specialty_id = ${filters.specialty}` : sql`true`}
          and ${filters.level ? sql`c.level = ${filters.level}` : sql`true`}
          and ${filters.pricing ? sql`c.pricing = ${filters.pricing}` : sql`true`}
          and ${filters.before ? sql`c.id < ${filters.before}` : sql`true`}
          and ${words}
        order by c.id desc
        limit ${limit + 1}`,
  )
  const courses = rows.slice(0, limit).map(toCard)
  return { courses, nextBefore: rows.length > limit ? courses.at(-1)!.id : null }
}
