import type { Endpoint, PayloadRequest } from 'payload'

import { FEED_KINDS, feedPage, type FeedKind, type FeedViewer } from '@/domain/social/feed'
import { RuleError } from '@/lib/ruleError'
import { error, json } from '@/lib/http'

const parameters = [
  { in: 'query', name: 'kind', schema: { type: 'string', enum: [...FEED_KINDS], default: 'home' }, description: 'home (signed in), public, or room' },
  { in: 'query', name: 'room', schema: { type: 'integer' }, description: 'The room, for kind=room' },
  { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
  { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
]

/** GET /api/feed: pages of posts, newest first, by keyset cursor. */
export const feed: Endpoint = {
  path: '/feed',
  method: 'get',
  custom: {
    openapi: {
      summary: 'A page of the home, public or room feed (newest first; keyset cursor, no totals)',
      tags: ['posts'],
      parameters,
      responses: {
        200: { description: '{ docs, nextCursor } — nextCursor is null on the last page' },
        400: { description: 'Unknown kind, bad cursor or limit' },
        401: { description: 'The home feed needs a signed-in member' },
        404: { description: 'No such room (or not visible to you)' },
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    const params = req.searchParams
    const kind = (params.get('kind') ?? 'home') as FeedKind
    if (!FEED_KINDS.includes(kind)) return error(req, 400, `kind must be one of ${FEED_KINDS.join(', ')}.`)
    const limitParam = params.get('limit')
    const limit = limitParam === null ? 20 : Number(limitParam)
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) return error(req, 400, 'limit must be a whole number from 1 to 50.')
    const roomParam = params.get('room')
    const room = roomParam === null ? undefined : Number(roomParam)
    if (room !== undefined && (!Number.isInteger(room) || room < 1)) return error(req, 400, 'room must be a room id.')
    const user = req.user?.collection === 'users' ? (req.user as unknown as FeedViewer) : null
    try {
      return json(req, await feedPage(req.payload, user, { kind, room, cursor: params.get('cursor'), limit }))
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  },
}
