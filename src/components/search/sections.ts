import type { SearchType } from '@/domain/search/input'

/** The tabs of the search page, in order; a new section adds its label here. */
export const SECTION_LABELS: Record<SearchType, { tab: string; empty: string }> = {
  posts: { tab: 'Posts', empty: 'No posts match.' },
  people: { tab: 'People', empty: 'Nobody matches.' },
  rooms: { tab: 'Rooms', empty: 'No rooms match.' },
  courses: { tab: 'Courses', empty: 'No courses match.' },
}

export type SearchState = { q: string; type: SearchType | 'all'; specialty?: number }

/** The page's address for a search, without empty parameters. */
export function searchHref(state: SearchState) {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  if (state.type !== 'all') params.set('type', state.type)
  if (state.specialty) params.set('specialty', String(state.specialty))
  const query = params.toString()
  return query ? `/search?${query}` : '/search'
}
