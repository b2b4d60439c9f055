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

export type CourseHit = {
  type: 'course'
  id: number
  url: string
  title: string
  slug: string
  snippet: Segment[]
  level: string
  pricing: string
  creditHours: number | null
  specialty: string | null
}

/** One result, tagged by `type`. */
export type SearchHit = PostHit | PersonHit | RoomHit | CourseHit

export type SearchSection = { type: SearchType; hits: SearchHit[]; nextCursor: string | null }

export type SearchResult = { q: string; type: SearchType | 'all'; sections: SearchSection[] }
