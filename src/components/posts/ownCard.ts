import type { CardAuthor, CardImage, CardOriginal, CardRoom, PostCardData } from '@/domain/social/postCards'
import type { Media, Post } from '../../../payload-types'

const size = (m: Media, name: 'card' | 'wide') => (m.sizes as Record<string, { url?: string | null } | undefined> | undefined)?.[name]?.url || m.url || ''

const image = (m: Media): CardImage => ({
  id: Number(m.id),
  url: size(m, 'card'),
  wideUrl: size(m, 'wide'),
  fullUrl: m.url ?? '',
  alt: m.alt ?? '',
  width: m.sizes?.card?.width ?? m.width ?? null,
  height: m.sizes?.card?.height ?? m.height ?? null,
})

/**
 * The card of a post the member has just written, from the server's answer (depth 1) and what the
 * page already knows (the member, the room, the shared post), so it shows at once without a reload.
 */
export function ownCard(doc: Post, me: CardAuthor, extra: { room?: CardRoom | null; original?: CardOriginal | null; specialties?: string[] } = {}): PostCardData {
  const media = (doc.media ?? []).filter((m): m is Media => typeof m === 'object' && m !== null && Boolean(m.url))
  return {
    id: Number(doc.id),
    kind: doc.kind,
    title: doc.title ?? null,
    text: doc.text ?? '',
    truncated: false,
    formatted: false,
    status: doc._status === 'draft' ? 'draft' : 'published',
    visibility: doc.visibility,
    publishedAt: doc.publishedAt ?? null,
    createdAt: doc.createdAt,
    editedAt: doc.editedAt ?? null,
    images: media.map(image),
    video: doc.video ?? null,
    link: doc.link?.url
      ? { url: doc.link.url, title: doc.link.title ?? null, description: doc.link.description ?? null, imageUrl: doc.link.imageUrl ?? null, siteName: doc.link.siteName ?? null }
      : null,
    card: null,
    tags: doc.tags ?? [],
    specialties: extra.specialties ?? [],
    counts: { likeCount: 0, upvotes: 0, downvotes: 0, commentCount: 0, shareCount: 0 },
    author: me,
    room: extra.room ?? null,
    reaction: null,
    bookmarked: false,
    mine: true,
    original: extra.original ?? null,
    originalMissing: false,
  }
}

/** What a repost or quote of `card` shares: the original itself when `card` is a repost (as the server does). */
export function sharedOf(card: PostCardData): CardOriginal {
  if (card.kind === 'repost' && card.original) return card.original
  return { id: card.id, kind: card.kind, title: card.title, text: card.text.slice(0, 400), publishedAt: card.publishedAt, author: card.author, image: card.images[0] ?? null }
}
