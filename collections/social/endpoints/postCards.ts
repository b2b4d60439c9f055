import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { FEED_SORTS, feedPage, type FeedViewer } from '@/domain/social/feed'
import { loadCards } from '@/domain/social/postCards'
import { MAX_LIST, authorPostsPage, bookmarksPage } from '@/domain/social/postLists'
import { requestViewer } from '@/domain/social/readablePost'
import { error, json } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { forMembers } from './shared'

const id = z.coerce.number().int().positive().max(2147483647)
const cursor = z.string().min(1).max(300).optional()

const CardsQuery = z
  .object({
    kind: z.enum(['home', 'public', 'room', 'author']).default('home'),
    room: id.optional(),
    author: id.optional(),
    sort: z.enum(FEED_SORTS).default('new'),
    cursor,
    limit: z.coerce.number().int().min(1).max(MAX_LIST).default(20),
  })
  .refine((q) => q.kind !== 'room' || q.room !== undefined, { message: 'Which room?', path: ['room'] })
  .refine((q) => q.kind !== 'author' || q.author !== undefined, { message: 'Whose posts?', path: ['author'] })
  .refine((q) => q.kind !== 'author' || q.sort === 'new', { message: 'A member’s posts are listed newest first only.', path: ['sort'] })

const BookmarksQuery = z.object({ cursor, limit: z.coerce.number().int().min(1).max(MAX_LIST).default(20) })

function badQuery(req: PayloadRequest, issues: z.core.$ZodIssue[]) {
  const issue = issues[0]
  const field = issue.path.join('.')
  return error(req, 400, field ? `${field}: ${issue.message}` : issue.message, field ? { field } : undefined)
}

async function answer(req: PayloadRequest, work: () => Promise<unknown>) {
  try {
    return json(req, await work())
  } catch (err) {
    if (err instanceof RuleError) return error(req, err.status, err.message)
    throw err
  }
}

const cardSchema = {
  type: 'object',
  description:
    '`{ id, kind, title, text, truncated, formatted, status, visibility, publishedAt, createdAt, editedAt, images[{ id, url, wideUrl, fullUrl, alt, width, height }], video, link, card, tags, specialties, counts{ likeCount, upvotes, downvotes, commentCount, shareCount }, author{ id, name, honorific, handle, title, verified, specialty, avatarUrl }, room{ id, name, slug, kind, voting }, reaction, bookmarked, mine, original, originalMissing }`',
}

/** GET /api/posts/cards: a feed (or one member's posts) as the site's post cards. */
export const postCardsEndpoint: Endpoint = {
  path: '/cards',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Posts as display-ready cards: the home, public or room feed, or one member’s posts',
      description:
        'The feeds of GET /api/feed (same `kind`, `room`, `sort`, `cursor` and rules) or, with `kind=author&author=<id>`, one member’s published posts newest first; each post comes with its author card (avatar, verified, specialty), room, images, the shared original, and your reaction, bookmark and authorship. Keyset pages: pass `nextCursor` as `cursor`.',
      tags: ['posts'],
      security: [],
      parameters: [
        { in: 'query', name: 'kind', schema: { type: 'string', enum: ['home', 'public', 'room', 'author'], default: 'home' } },
        { in: 'query', name: 'room', schema: { type: 'integer' }, description: 'The room, for kind=room' },
        { in: 'query', name: 'author', schema: { type: 'integer' }, description: 'The member, for kind=author' },
        { in: 'query', name: 'sort', schema: { type: 'string', enum: [...FEED_SORTS], default: 'new' }, description: 'As GET /api/feed; feeds only' },
        { in: 'query', name: 'cursor', schema: { type: 'string' } },
        { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: MAX_LIST, default: 20 } },
      ],
      responses: {
        200: {
          description: '`{ docs, nextCursor }`; nextCursor is null on the last page',
          content: { 'application/json': { schema: { type: 'object', properties: { docs: { type: 'array', items: cardSchema }, nextCursor: { type: ['string', 'null'] } } } } },
        },
        400: { description: 'Unknown kind or sort, missing room or author, bad cursor or limit' },
        401: { description: 'The home feed needs a signed-in member' },
        404: { description: 'No such room (or not visible to you)' },
      },
    },
  },
  handler: async (req) => {
    const params = CardsQuery.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) return badQuery(req, params.error.issues)
    const q = params.data
    const viewer = requestViewer(req) as FeedViewer | null
    if (q.kind === 'author') return answer(req, () => authorPostsPage(req.payload, viewer, q.author!, q))
    return answer(req, () => feedPage(req.payload, viewer, { kind: q.kind as 'home' | 'public' | 'room', sort: q.sort, room: q.room, cursor: q.cursor, limit: q.limit }, loadCards))
  },
}

/** GET /api/posts/bookmarked: the member's bookmarks, newest bookmark first, as cards. */
export const bookmarkedPostsEndpoint: Endpoint = {
  path: '/bookmarked',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Your bookmarked posts, newest bookmark first (keyset pages)',
      description:
        'Each entry is `{ postId, bookmarkedAt, post }`, `post` being the card as GET /api/posts/cards gives it, or null when you may no longer read the post (deleted, hidden, out of your audience, or by a member in a block with you); remove such a bookmark with DELETE /api/posts/<postId>/bookmark.',
      tags: ['posts'],
      parameters: [
        { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
        { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: MAX_LIST, default: 20 } },
      ],
      responses: {
        200: { description: '`{ docs: [{ postId, bookmarkedAt, post }], nextCursor }`' },
        400: { description: 'Bad cursor or limit' },
        401: { description: 'Not signed in' },
      },
    },
  },
  handler: forMembers(async (req) => {
    const params = BookmarksQuery.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) return badQuery(req, params.error.issues)
    return answer(req, () => bookmarksPage(req.payload, requestViewer(req) as NonNullable<FeedViewer>, params.data))
  }),
}
