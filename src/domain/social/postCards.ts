import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { mediaUrl } from '@/lib/media'
import { relationId } from '@/lib/relation'
import type { Media, Post } from '../../../payload-types'
import { visibleTo, type FeedViewer } from './feed'

/**
 * Posts as the site's lists show them (feeds, bookmarks, a member's posts): everything a card needs
 * in one shape, so that a page loads in a fixed number of statements whatever it holds: the posts
 * (read access applied), one statement for authors, rooms, specialties, shared originals and the
 * viewer's reactions and bookmarks, and one for every image.
 */

export type CardAuthor = {
  id: number
  name: string
  honorific: string | null
  handle: string | null
  title: string | null
  verified: boolean
  specialty: string | null
  avatarUrl: string | null
}
export type CardRoom = { id: number; name: string; slug: string; kind: 'room' | 'channel'; voting: boolean }
export type CardImage = { id: number; url: string; wideUrl: string; fullUrl: string; alt: string; width: number | null; height: number | null }
export type CardLink = { url: string; title: string | null; description: string | null; imageUrl: string | null; siteName: string | null }
export type CardOriginal = {
  id: number
  kind: string
  title: string | null
  text: string | null
  publishedAt: string | null
  author: CardAuthor | null
  image: CardImage | null
}
export type Reaction = 'like' | 'up' | 'down'

export type PostCardData = {
  id: number
  kind: string
  title: string | null
  /** The plain text, cut at TEXT_SHOWN characters (`truncated` then says so). */
  text: string
  truncated: boolean
  /** The body has formatting (lists, bold, links) that editing as plain text would drop. */
  formatted: boolean
  status: 'draft' | 'published'
  visibility: string
  publishedAt: string | null
  createdAt: string
  editedAt: string | null
  images: CardImage[]
  video: string | null
  link: CardLink | null
  card: { kind: string; ref: string } | null
  tags: string[]
  specialties: string[]
  counts: { likeCount: number; upvotes: number; downvotes: number; commentCount: number; shareCount: number }
  author: CardAuthor | null
  room: CardRoom | null
  /** The viewer's own: reaction, bookmark, authorship. */
  reaction: Reaction | null
  bookmarked: boolean
  mine: boolean
  /** The post a repost or quote shares; `originalMissing` when the viewer may not (or no longer) read it. */
  original: CardOriginal | null
  originalMissing: boolean
}

export const TEXT_SHOWN = 1200
const ORIGINAL_SHOWN = 400

type Person = {
  id: number
  name: string
  honorific: string | null
  handle: string | null
  title: string | null
  verification_status: string | null
  avatar_id: number | null
  specialty: string | null
}
type OriginalRow = {
  id: number
  kind: string
  title: string | null
  text: string | null
  published_at: string | null
  author_id: number | null
  media_id: number | null
  link_image_url: string | null
}
type ContextRow = {
  people: Person[] | null
  rooms: CardRoom[] | null
  originals: OriginalRow[] | null
  specialties: { post: number; name: string }[] | null
  reactions: { post: number; kind: Reaction }[] | null
  bookmarked: number[] | null
}

const intArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::int[]`
const unique = (values: (number | null | undefined)[]) => [...new Set(values.filter((v): v is number => typeof v === 'number' && v > 0))]
const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null)
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text)

type TextNode = { type?: string; format?: number | string; children?: TextNode[] }
/** True unless the body is paragraphs of unformatted text (what the composer writes). */
function hasFormatting(body: unknown): boolean {
  const root = (body as { root?: TextNode } | null)?.root
  if (!root) return false
  return !(root.children ?? []).every(
    (p) => p.type === 'paragraph' && (p.children ?? []).every((c) => c.type === 'linebreak' || (c.type === 'text' && !c.format)),
  )
}

/**
 * Everything around the posts in one statement: authors (of the posts and of what they share) with
 * their specialty, rooms, the posts' specialty tags, the shared originals the viewer may read (the
 * feed's own visibility rules), and the viewer's reactions and bookmarks.
 */
async function context(payload: Payload, viewer: FeedViewer | null, posts: Post[]) {
  const ids = posts.map((p) => Number(p.id))
  const me = viewer ? Number(viewer.id) : 0
  const authors = unique(posts.map((p) => relationId(p.author)))
  const rooms = unique(posts.map((p) => relationId(p.room)))
  const originals = unique(posts.map((p) => relationId(p.repostOf)))
  const [row] = await query<ContextRow>(
    payload,
    sql`with orig as (
        select p.id, p.kind, p.title, p.text, p.published_at, p.author_id, p.link_image_url,
          (select r.media_id from posts_rels r where r.parent_id = p.id and r.path = 'media' order by r."order" limit 1) as media_id
        from posts p where p.id = any(${intArray(originals)}) and ${visibleTo(viewer)}
      ),
      people as (
        select u.id, u.name, u.honorific, u.handle, u.title, u.verification_status, u.avatar_id, s.name as specialty
        from users u left join specialties s on s.id = u.specialty_id
        where u.id = any(${intArray(authors)}) or u.id in (select author_id from orig)
      )
      select
        (select json_agg(people) from people) as people,
        (select json_agg(orig) from orig) as originals,
        (select json_agg(json_build_object('id', r.id, 'name', r.name, 'slug', r.slug, 'kind', r.kind, 'voting', r.voting))
          from rooms r where r.id = any(${intArray(rooms)})) as rooms,
        (select json_agg(json_build_object('post', r.parent_id, 'name', s.name) order by r.parent_id, r."order")
          from posts_rels r join specialties s on s.id = r.specialties_id
          where r.parent_id = any(${intArray(ids)}) and r.path = 'specialties') as specialties,
        (select json_agg(json_build_object('post', x.post_id, 'kind', x.kind))
          from reactions x where x.user_id = ${me} and x.post_id = any(${intArray(ids)})) as reactions,
        array(select b.post_id from bookmarks b where b.user_id = ${me} and b.post_id = any(${intArray(ids)})) as bookmarked`,
  )
  return row
}

function image(m: Media | undefined): CardImage | null {
  if (!m?.url) return null
  const card = m.sizes?.card
  return {
    id: Number(m.id),
    url: mediaUrl(m, 'card')!,
    wideUrl: mediaUrl(m, 'wide')!,
    fullUrl: m.url,
    alt: m.alt ?? '',
    width: card?.width ?? m.width ?? null,
    height: card?.height ?? m.height ?? null,
  }
}

/**
 * The cards of `posts` (loaded at depth 0 with the viewer's access), in their order. Two statements:
 * the context above, then every image on the page (post images, avatars, originals' first images).
 */
export async function postCards(payload: Payload, viewer: FeedViewer | null, posts: Post[]): Promise<PostCardData[]> {
  if (!posts.length) return []
  const row = await context(payload, viewer, posts)
  const people = new Map((row?.people ?? []).map((p) => [Number(p.id), p]))
  const originals = new Map((row?.originals ?? []).map((o) => [Number(o.id), o]))
  const mediaIds = unique([
    ...posts.flatMap((p) => (p.media ?? []).map(relationId)),
    ...[...people.values()].map((p) => p.avatar_id),
    ...[...originals.values()].map((o) => o.media_id),
  ])
  const media = mediaIds.length
    ? (await payload.find({ collection: 'media', where: { id: { in: mediaIds } }, depth: 0, limit: mediaIds.length, pagination: false, overrideAccess: true })).docs
    : []
  const byMedia = new Map(media.map((m) => [Number(m.id), m as Media]))
  const rooms = new Map((row?.rooms ?? []).map((r) => [Number(r.id), r]))
  const reactions = new Map((row?.reactions ?? []).map((r) => [Number(r.post), r.kind]))
  const bookmarked = new Set((row?.bookmarked ?? []).map(Number))
  const specialties = new Map<number, string[]>()
  for (const s of row?.specialties ?? []) specialties.set(Number(s.post), [...(specialties.get(Number(s.post)) ?? []), s.name])

  const author = (id: number | null): CardAuthor | null => {
    const p = id ? people.get(id) : undefined
    if (!p) return null
    const avatar = p.avatar_id ? byMedia.get(Number(p.avatar_id)) : undefined
    return {
      id: Number(p.id),
      name: p.name,
      honorific: p.honorific,
      handle: p.handle,
      title: p.title,
      verified: p.verification_status === 'verified',
      specialty: p.specialty,
      avatarUrl: avatar ? mediaUrl(avatar, 'thumbnail') : null,
    }
  }
  const me = viewer ? Number(viewer.id) : null

  return posts.map((post): PostCardData => {
    const id = Number(post.id)
    const authorId = relationId(post.author)
    const originalId = relationId(post.repostOf)
    const o = originalId ? originals.get(originalId) : undefined
    const text = post.text ?? ''
    return {
      id,
      kind: post.kind,
      title: post.title ?? null,
      text: cut(text, TEXT_SHOWN),
      truncated: text.length > TEXT_SHOWN,
      formatted: hasFormatting(post.body),
      status: post._status === 'draft' ? 'draft' : 'published',
      visibility: post.visibility,
      publishedAt: iso(post.publishedAt),
      createdAt: iso(post.createdAt)!,
      editedAt: iso(post.editedAt),
      images: (post.media ?? []).map((m) => image(byMedia.get(relationId(m) ?? 0))).filter((m): m is CardImage => m !== null),
      video: post.video ?? null,
      link: post.link?.url
        ? { url: post.link.url, title: post.link.title ?? null, description: post.link.description ?? null, imageUrl: post.link.imageUrl ?? null, siteName: post.link.siteName ?? null }
        : null,
      card: post.card?.kind && post.card.ref ? { kind: post.card.kind, ref: post.card.ref } : null,
      tags: post.tags ?? [],
      specialties: specialties.get(id) ?? [],
      counts: {
        likeCount: Number(post.likeCount ?? 0),
        upvotes: Number(post.upvotes ?? 0),
        downvotes: Number(post.downvotes ?? 0),
        commentCount: Number(post.commentCount ?? 0),
        shareCount: Number(post.shareCount ?? 0),
      },
      author: author(authorId),
      room: rooms.get(relationId(post.room) ?? 0) ?? null,
      reaction: reactions.get(id) ?? null,
      bookmarked: bookmarked.has(id),
      mine: me !== null && authorId === me,
      original: o
        ? {
            id: Number(o.id),
            kind: o.kind,
            title: o.title,
            text: o.text ? cut(o.text, ORIGINAL_SHOWN) : null,
            publishedAt: iso(o.published_at),
            author: author(o.author_id ? Number(o.author_id) : null),
            image: o.media_id ? image(byMedia.get(Number(o.media_id))) : null,
          }
        : null,
      originalMissing: Boolean(originalId) && !o,
    }
  })
}

/**
 * The posts `ids` the viewer may read (the collection's read access), as cards in the order given;
 * ids the viewer may not read are left out. Three statements.
 */
export async function loadCards(payload: Payload, viewer: FeedViewer | null, ids: number[]): Promise<PostCardData[]> {
  if (!ids.length) return []
  const { docs } = await payload.find({
    collection: 'posts',
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: viewer ?? undefined,
  })
  const byId = new Map(docs.map((d) => [Number(d.id), d as Post]))
  const posts = ids.map((id) => byId.get(id)).filter((p): p is Post => p !== undefined)
  return postCards(payload, viewer, posts)
}
