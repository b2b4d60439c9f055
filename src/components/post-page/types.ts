import type { Thread } from '@/domain/social/commentThread'

export type { Thread, ThreadComment, CommentAuthor } from '@/domain/social/commentThread'

/** The author as the post page shows them. */
export type AuthorCard = {
  id: number
  name: string
  honorific: string | null
  handle: string | null
  title: string | null
  verified: boolean
  specialty: string | null
  avatarUrl: string | null
}

export type RoomCard = { id: number; name: string; slug: string; kind: 'room' | 'channel'; voting: boolean }

/** The post a repost or quote shares, when the viewer may read it. */
export type OriginalPost = {
  id: number
  kind: string
  title: string | null
  text: string | null
  createdAt: string
  author: AuthorCard | null
  image: { url: string; alt: string; width?: number | null; height?: number | null } | null
}

/** The signed-in member, as the page's interactive parts need them. */
export type Me = { id: number; name: string; honorific: string | null; handle: string | null; verified: boolean; avatarUrl: string | null; staff: boolean }

export type PostContext = {
  author: AuthorCard
  room: RoomCard | null
  reaction: 'like' | 'up' | 'down' | null
  bookmarked: boolean
  original: OriginalPost | null
  /** A repost or quote whose original the viewer may not (or no longer) read. */
  originalMissing: boolean
  comments: { docs: Thread[]; nextCursor: string | null }
  me: Me | null
}
