import type { Endpoint, PayloadRequest } from 'payload'

import { FEED_KINDS, FEED_SORTS, TOP_CANDIDATES, TOP_WINDOW_DAYS, feedPage, type FeedKind, type FeedSort, type FeedViewer } from '@/domain/social/feed'
import { RuleError } from '@/lib/ruleError'
import { error, json } from '@/lib/http'

const parameters = [
  { in: 'query', name: 'kind', schema: { type: 'string', enum: [...FEED_KINDS], default: 'home' }, description: 'home (signed in), public, or room' },
  { in: 'query', name: 'room', schema: { type: 'integer' }, description: 'The room, for kind=room' },
  {
    in: 'query',
    name: 'sort',
    schema: { type: 'string', enum: [...FEED_SORTS], default: 'new' },
    description: `new: newest first by publishing time. top: the posts published in the last ${TOP_WINDOW_DAYS} days (at most the newest ${TOP_CANDIDATES}) ranked by engagement with time decay, (1 + likes + net upvotes + 2 x comments + 3 x shares) / (hours since publishing + 2)^1.5; later pages rank as of the first page's time.`,
  },
  { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor of the previous page (of the same sort)' },
  { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
]

/** GET /api/feed: pages of posts, newest or top first, by keyset cursor. */
export const feed: Endpoint = {
  path: '/feed',
  method: 'get',
  custom: {
    openapi: {
      summary: 'A page of the home, public or room feed (newest or top first; keyset cursor, no totals)',
      tags: ['posts'],
      parameters,
      responses: {
        200: { description: '{ docs, nextCursor } — nextCursor is null on the last page' },
        400: { description: 'Unknown kind or sort, bad cursor (or a cursor of the other sort) or limit' },
        401: { description: 'The home feed needs a signed-in member' },
        404: { description: 'No such room (or not visible to you)' },
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    const params = req.searchParams
    const kind = (params.get('kind') ?? 'home') as FeedKind
    if (!FEED_KINDS.includes(kind)) return error(req, 400, `kind must be one of ${FEED_KINDS.join(', ')}.`)
    const sort = (params.get('sort') ?? 'new') as FeedSort
    if (!FEED_SORTS.includes(sort)) return error(req, 400, `sort must be one of ${FEED_SORTS.join(', ')}.`)
    const limitParam = params.get('limit')
    const limit = limitParam === null ? 20 : Number(limitParam)
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) return error(req, 400, 'limit must be a whole number from 1 to 50.')
    const roomParam = params.get('room')
    const room = roomParam === null ? undefined : Number(roomParam)
    if (room !== undefined && (!Number.isInteger(room) || room < 1)) return error(req, 400, 'room must be a room id.')
    const user = req.user?.collection === 'users' ? (req.user as unknown as FeedViewer) : null
    try {
      return json(req, await feedPage(req.payload, user, { kind, sort, room, cursor: params.get('cursor'), limit }))
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  },
}
