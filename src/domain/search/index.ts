import type { Payload } from 'payload'

import type { Viewer } from '@/domain/social/visibility'
import type { SearchContext } from './context'
import { ALL_LIMIT, DEFAULT_LIMIT, SEARCH_TYPES, decodeCursor, type SearchInput, type SearchType } from './input'
import { searchCourses } from './courses'
import { searchPeople } from './people'
import { searchPosts } from './posts'
import { searchRooms } from './rooms'
import type { SearchHit, SearchResult, SearchSection } from './types'

export { SearchError, parseSearchParams, SEARCH_TYPES, MIN_QUERY, MAX_QUERY, type SearchInput, type SearchType } from './input'
export type * from './types'

/** One source per section, each a single bounded SQL statement. */
const SOURCES: Record<SearchType, (ctx: SearchContext) => Promise<{ hits: SearchHit[]; nextCursor: string | null }>> = {
  posts: searchPosts,
  people: searchPeople,
  rooms: searchRooms,
  courses: searchCourses,
}

/**
 * Searches one section (a page of it, by cursor) or, for `all`, the best few of every section at once.
 * Sections run in parallel; a signed-in single-section search is one SQL statement.
 */
export async function search(payload: Payload, viewer: NonNullable<Viewer> | null, input: SearchInput): Promise<SearchResult> {
  const cursor = decodeCursor(input.cursor)
  const types = input.type === 'all' ? [...SEARCH_TYPES] : [input.type]
  const base = {
    payload,
    viewer,
    q: input.q,
    specialty: input.specialty,
    cursor,
    limit: input.type === 'all' ? Math.min(input.limit ?? ALL_LIMIT, ALL_LIMIT) : (input.limit ?? DEFAULT_LIMIT),
    at: cursor ? new Date(cursor.at) : new Date(),
  }
  const sections: SearchSection[] = await Promise.all(
    types.map(async (type) => ({ type, ...(await SOURCES[type]({ ...base })) })),
  )
  return { q: input.q, type: input.type, sections }
}
