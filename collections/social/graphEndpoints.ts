import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { block, follow, followList, unblock, unfollow } from '@/domain/social/graph'
import { error, json } from '@/lib/http'
import { memberHandler, routeId, signedInMember } from './endpoints/shared'

const idParam = { in: 'path', name: 'id', required: true, schema: { type: 'integer' }, description: 'The other member' }

function graphOperation(summary: string, description: string, responses: Record<number, { description: string }>) {
  return {
    openapi: {
      summary,
      description,
      tags: ['social graph'],
      parameters: [idParam],
      responses: { 400: { description: 'Not a member id, or yourself' }, 401: { description: 'Not signed in' }, ...responses },
    },
  }
}

type Action = (payload: PayloadRequest['payload'], me: number, other: number) => Promise<Record<string, boolean>>

function graphEndpoint(path: string, method: 'put' | 'delete', action: Action, done: string, custom: Endpoint['custom']): Endpoint {
  return {
    path,
    method,
    custom,
    handler: memberHandler(async (req, me) => {
      const other = routeId(req)
      if (!other) return error(req, 400, 'Not a member id.', { field: 'id' })
      return json(req, { message: done, ...(await action(req.payload, me.id, other)) })
    }),
  }
}

const Cursor = z.object({
  after: z.coerce.number().int().positive().max(2147483647).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

const cardSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    honorific: { type: ['string', 'null'] },
    handle: { type: ['string', 'null'] },
    title: { type: ['string', 'null'] },
    verificationStatus: { type: ['string', 'null'] },
    followedAt: { type: 'string', format: 'date-time' },
  },
}

function listEndpoint(direction: 'followers' | 'following'): Endpoint {
  return {
    path: `/:id/${direction}`,
    method: 'get',
    custom: {
      openapi: {
        summary: direction === 'followers' ? 'Members who follow this member' : 'Members this member follows',
        description:
          'Newest follow first. Keyset pagination: pass `nextCursor` of a page as `after` to get the next one; there is no total count. Public; members in a block with the caller are left out.',
        tags: ['social graph'],
        security: [],
        parameters: [
          idParam,
          { in: 'query', name: 'after', schema: { type: 'integer' }, description: 'nextCursor of the previous page' },
          { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: {
          200: {
            description: 'A page of members',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { docs: { type: 'array', items: cardSchema }, nextCursor: { type: ['string', 'null'] } } },
              },
            },
          },
          400: { description: 'Bad id or cursor' },
        },
      },
    },
    handler: async (req) => {
      const userId = routeId(req)
      if (!userId) return error(req, 400, 'Not a member id.', { field: 'id' })
      const params = Cursor.safeParse(Object.fromEntries(req.searchParams))
      if (!params.success) return error(req, 400, 'Bad cursor or limit.')
      const page = await followList(req.payload, { userId, direction, viewer: signedInMember(req)?.id, ...params.data })
      return json(req, page)
    },
  }
}

/** Follow, block and the follower lists, under /api/users/:id/... */
export const graphEndpoints: Endpoint[] = [
  graphEndpoint('/:id/follow', 'put', follow, 'You follow this member.', graphOperation(
    'Follow a member',
    'Idempotent: following someone you already follow changes nothing (`created: false`). Refused (403) when either of you has blocked the other.',
    { 200: { description: '`created` tells whether a new follow was stored' }, 403: { description: 'A block stands between you' }, 404: { description: 'No such member' } },
  )),
  graphEndpoint('/:id/follow', 'delete', unfollow, 'You no longer follow this member.', graphOperation(
    'Unfollow a member',
    'Idempotent: `removed` tells whether there was a follow to remove.',
    { 200: { description: 'Not following (any more)' } },
  )),
  graphEndpoint('/:id/block', 'put', block, 'You blocked this member.', graphOperation(
    'Block a member',
    'Idempotent. Ends follows in both directions; afterwards neither of you can follow or message the other, and each is left out of the other\'s lists. The blocked member is not told. Your blocks are listed by GET /api/blocks (yours only).',
    { 200: { description: '`created` tells whether a new block was stored' }, 404: { description: 'No such member' } },
  )),
  graphEndpoint('/:id/block', 'delete', unblock, 'You unblocked this member.', graphOperation(
    'Unblock a member',
    'Idempotent. Follows ended by the block are not restored.',
    { 200: { description: '`removed` tells whether there was a block to remove' } },
  )),
  listEndpoint('followers'),
  listEndpoint('following'),
]
