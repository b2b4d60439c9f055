import type { Payload } from 'payload'
import { cache } from 'react'

import { isStaffUser } from '@/access/roles'
import { query, sql } from '@/db/sql'
import { threadPage } from '@/domain/social/commentThread'
import { readablePost } from '@/domain/social/readablePost'
import { mediaUrl } from '@/lib/media'
import { getViewer, payloadInstance, type Viewer } from '@/lib/session'
import type { Media, Post, User } from '../../../../payload-types'
import type { AuthorCard, OriginalPost, PostContext } from '@/components/post-page/types'

const MAX_ID = 2147483647

export const parsePostId = (raw: string) => {
  const id = Number(raw)
  return /^\d+$/.test(raw) && Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null
}

/** The post as the viewer may read it (the posts read access decides), at depth 1: author card and images. */
export const loadPost = cache(async (raw: string): Promise<Post | null> => {
  const id = parsePostId(raw)
  if (!id) return null
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  return readablePost(payload, viewer, id, { depth: 1 })
})

const cardOf = (author: Post['author'], avatars: Map<number, string | null>, specialty: string | null = null): AuthorCard | null => {
  if (!author || typeof author !== 'object') return null
  const u = author as User
  const avatar = typeof u.avatar === 'number' ? u.avatar : (u.avatar?.id ?? null)
  return {
    id: Number(u.id),
    name: u.name,
    honorific: u.honorific ?? null,
    handle: u.handle ?? null,
    title: u.title ?? null,
    verified: u.verificationStatus === 'verified',
    specialty,
    avatarUrl: avatar ? (avatars.get(avatar) ?? null) : null,
  }
}

const avatarId = (author: Post['author']) => {
  if (!author || typeof author !== 'object') return null
  const a = (author as User).avatar
  return typeof a === 'number' ? a : (a?.id ?? null)
}

/**
 * What the page shows around the post: the author's specialty, the room, the viewer's reaction and
 * bookmark (one statement), the avatars (one), the shared original if any, and the first comments.
 */
export async function loadPostContext(payload: Payload, post: Post, viewer: Viewer | null): Promise<PostContext> {
  const me = viewer ? Number(viewer.id) : 0
  const authorId = post.author && typeof post.author === 'object' ? Number(post.author.id) : Number(post.author ?? 0)
  const roomId = typeof post.room === 'number' ? post.room : (post.room?.id ?? 0)
  const [[row], original] = await Promise.all([
    query<{ specialty: string | null; room: PostContext['room']; reaction: string | null; bookmarked: boolean }>(
      payload,
      sql`select
        (select s.name from users u join specialties s on s.id = u.specialty_id where u.id = ${authorId}) as specialty,
        (select json_build_object('id', r.id, 'name', r.name, 'slug', r.slug, 'kind', r.kind, 'voting', r.voting) from rooms r where r.id = ${roomId}) as room,
        (select kind::text from reactions where user_id = ${me} and post_id = ${post.id}) as reaction,
        exists(select 1 from bookmarks where user_id = ${me} and post_id = ${post.id}) as bookmarked`,
    ),
    post.repostOf ? readablePost(payload, viewer, typeof post.repostOf === 'number' ? post.repostOf : post.repostOf.id, { published: true, depth: 1 }) : null,
  ])
  const avatarIds = [avatarId(post.author), original ? avatarId(original.author) : null].filter((v): v is number => v !== null)
  const [media, comments] = await Promise.all([
    avatarIds.length
      ? payload.find({ collection: 'media', where: { id: { in: avatarIds } }, depth: 0, limit: avatarIds.length, pagination: false, overrideAccess: true })
      : null,
    post._status === 'published' ? threadPage(payload, viewer, post.id, { order: 'newest' }) : { docs: [], nextCursor: null },
  ])
  const avatars = new Map((media?.docs ?? []).map((m) => [Number(m.id), mediaUrl(m as Media, 'thumbnail')]))
  const shared: OriginalPost | null = original
    ? {
        id: original.id,
        kind: original.kind,
        title: original.title ?? null,
        text: original.text ?? null,
        createdAt: original.createdAt,
        author: cardOf(original.author, avatars),
        image: firstImage(original),
      }
    : null
  return {
    author: cardOf(post.author, avatars, row?.specialty ?? null) ?? { id: authorId, name: 'Former member', honorific: null, handle: null, title: null, verified: false, specialty: null, avatarUrl: null },
    room: row?.room ?? null,
    reaction: (row?.reaction as PostContext['reaction']) ?? null,
    bookmarked: Boolean(row?.bookmarked),
    original: shared,
    originalMissing: Boolean(post.repostOf) && !original,
    comments,
    me: viewer
      ? {
          id: me,
          name: viewer.name,
          honorific: viewer.honorific ?? null,
          handle: viewer.handle ?? null,
          verified: viewer.verificationStatus === 'verified',
          avatarUrl: null,
          staff: isStaffUser(viewer),
        }
      : null,
  }
}

/** The first image of a post, for previews (Open Graph, a quoted post). */
export function firstImage(post: Post): { url: string; alt: string; width?: number | null; height?: number | null } | null {
  const first = (post.media ?? []).find((m): m is Media => typeof m === 'object' && m !== null)
  const url = first ? mediaUrl(first, 'card') : post.link?.imageUrl || null
  if (!url) return null
  return { url, alt: first?.alt ?? '', width: first?.sizes?.card?.width ?? first?.width, height: first?.sizes?.card?.height ?? first?.height }
}
