import type { SearchType } from './input'

/** Part of a snippet: `match` marks the words the search found. */
export type Segment = { text: string; match?: true }

export type PostHit = {
  type: 'post'
  id: number
  url: string
  title: string | null
  snippet: Segment[]
  publishedAt: string
  author: { id: number; name: string; honorific: string | null; handle: string | null } | null
  room: { name: string; slug: string } | null
}

export type PersonHit = {
  type: 'person'
  id: number
  url: string
  name: string
  honorific: string | null
  handle: string
  title: string | null
  avatar: string | null
  specialty: string | null
  verified: boolean
}

export type RoomHit = {
  type: 'room'
  id: number
  url: string
  name: string
  slug: string
  kind: string
  snippet: Segment[]
  memberCount: number
}

/** One result, tagged by `type`: a later section (courses) adds its own hit shape here. */
export type SearchHit = PostHit | PersonHit | RoomHit

export type SearchSection = { type: SearchType; hits: SearchHit[]; nextCursor: string | null }

export type SearchResult = { q: string; type: SearchType | 'all'; sections: SearchSection[] }
