import { z } from 'zod'

import { RuleError } from '@/lib/ruleError'

export class SearchError extends RuleError {}

/** Search sections; a collection becomes searchable by adding its name and source. */
export const SEARCH_TYPES = ['posts', 'people', 'rooms', 'courses'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export const MIN_QUERY = 2
export const MAX_QUERY = 200
export const MAX_LIMIT = 50
export const DEFAULT_LIMIT = 20
/** On the "all" page each section shows its best few; "more" opens the section's own tab. */
export const ALL_LIMIT = 5

const queryText = z
  .string({ error: 'Type something to search for (q).' })
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim())
  .refine((s) => s.length >= MIN_QUERY, `Type at least ${MIN_QUERY} characters to search.`)
  .refine((s) => s.length <= MAX_QUERY, `Searches are at most ${MAX_QUERY} characters.`)
  // Something a word can be made of: punctuation alone finds nothing and would only cost a scan.
  .refine((s) => /[\p{L}\p{N}]/u.test(s), 'Search with letters or digits.')

const wholeNumber = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `${name} must be a whole number.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${name} must be from 1 to ${max}.`)

export const searchParamsSchema = z.object({
  q: queryText,
  type: z.enum(['all', ...SEARCH_TYPES], { error: `type must be one of all, ${SEARCH_TYPES.join(', ')}.` }).default('all'),
  specialty: wholeNumber('specialty', 2147483647).optional(),
  cursor: z.string().max(200, 'That cursor is not valid.').optional(),
  limit: wholeNumber('limit', MAX_LIMIT).optional(),
})
export type SearchInput = z.infer<typeof searchParamsSchema>

/** Reads the query string; a bad value is a SearchError (400) with a message for the member. */
export function parseSearchParams(params: URLSearchParams): SearchInput {
  const raw: Record<string, string> = {}
  for (const key of ['q', 'type', 'specialty', 'cursor', 'limit']) {
    const value = params.get(key)
    // An empty specialty/cursor/limit field of a form means "none".
    if (value !== null && (value !== '' || key === 'q')) raw[key] = value
  }
  const parsed = searchParamsSchema.safeParse(raw)
  if (!parsed.success) throw new SearchError(parsed.error.issues[0]?.message ?? 'Invalid search.', 400)
  if (parsed.data.cursor && parsed.data.type === 'all') throw new SearchError('A cursor belongs to one type: pass type as well.', 400)
  return parsed.data
}

/**
 * Position after the last hit of a page: its score and id (ranked best first, id breaking ties), and
 * the time the first page was asked at, so that every page scores recency from the same moment.
 * Opaque to clients.
 */
export type Cursor = { score: number; id: number; at: number }

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.score, c.id, c.at])).toString('base64url')

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null
  try {
    const [score, id, at] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[]
    const valid =
      typeof score === 'number' && Number.isFinite(score) && Number.isSafeInteger(id) && (id as number) > 0 && (id as number) <= 2147483647
    if (valid && Number.isSafeInteger(at) && !Number.isNaN(new Date(at as number).getTime())) return { score, id: id as number, at: at as number }
  } catch {
    // fall through
  }
  throw new SearchError('That cursor is not valid.', 400)
}
