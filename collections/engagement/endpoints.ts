import type { Collection, Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { dismiss, suggestionsFor } from '@/domain/recommendations/read'
import { RECOMMENDATION_KINDS } from '@/domain/recommendations/kinds'
import { error, json } from '@/lib/http'
import { memberHandler, memberOperation, routeId } from '../social/endpoints/shared'

const Query = z.object({
  kind: z.enum(RECOMMENDATION_KINDS, { error: 'kind is person, post or course.' }),
  limit: z.coerce.number({ error: 'limit is a number from 1 to 50.' }).int().min(1).max(50).default(10),
})

/** Payload's own list route of the collection, which this one hands over to when no `kind` is asked. */
function collectionFind(req: PayloadRequest, self: Endpoint['handler']) {
  const collection = (req.payload.collections as Record<string, Collection | undefined>).recommendations
  const endpoints = collection?.config.endpoints || []
  return endpoints.find((e) => e.method === 'get' && e.path === '/' && e.handler !== self)?.handler
}

const list: Endpoint['handler'] = async (req) => {
  const params = req.searchParams
  if (!params.has('kind')) {
    const find = collectionFind(req, list)
    return find ? find(req) : error(req, 400, 'Ask for a kind: person, post or course.', { field: 'kind' })
  }
  return forKind(req)
}

const forKind = memberHandler(async (req, me) => {
  const parsed = Query.safeParse(Object.fromEntries(req.searchParams))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return error(req, 400, issue?.message ?? 'Invalid query.', { field: issue?.path.join('.') })
  }
  const docs = await suggestionsFor(req.payload, me, parsed.data.kind, parsed.data.limit)
  return json(req, { kind: parsed.data.kind, docs })
})

const suggestionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer', description: 'The suggestion (for dismissing it)' },
    kind: { type: 'string', enum: [...RECOMMENDATION_KINDS] },
    score: { type: 'number', minimum: 0, maximum: 1, description: 'Confidence' },
    reasons: { type: 'array', items: { type: 'string' } },
    computedAt: { type: 'string', format: 'date-time' },
    target: { type: 'object', description: 'person: the member card (name, handle, title, avatarUrl, specialty ...); post: title, excerpt, counts and author card' },
  },
}

export const recommendationEndpoints: Endpoint[] = [
  {
    path: '/',
    method: 'get',
    custom: {
      openapi: {
        summary: 'Suggestions for the signed-in member (with ?kind), or the collection list (without)',
        description:
          'With `kind=person|post|course`: the signed-in member\'s suggestions of that kind, best first, each with its confidence score, the reasons and what a card shows of the target. Computed by the refreshRecommendations job; targets followed, blocked, reacted to or no longer readable since are left out. `course` stays empty until courses exist. Without `kind`: Payload\'s usual list of the collection (members see their own rows).',
        tags: ['recommendations'],
        parameters: [
          { in: 'query', name: 'kind', schema: { type: 'string', enum: [...RECOMMENDATION_KINDS] } },
          { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
        responses: {
          200: {
            description: 'Suggestions',
            content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string' }, docs: { type: 'array', items: suggestionSchema } } } } },
          },
          400: { description: 'Unknown kind or bad limit' },
          401: { description: 'Not signed in (with kind)' },
        },
      },
    },
    handler: list,
  },
  {
    path: '/:id/dismiss',
    method: 'post',
    custom: memberOperation({
      summary: 'Dismiss a suggestion for good',
      description: 'The target is not suggested to this member again. Idempotent.',
      tag: 'recommendations',
      responses: { 200: { description: 'Dismissed' }, 400: { description: 'Not a suggestion id' }, 404: { description: 'No such suggestion of yours' } },
    }),
    handler: memberHandler(async (req, me) => {
      const id = routeId(req)
      if (!id) return error(req, 400, 'Not a suggestion id.', { field: 'id' })
      return json(req, { message: 'Dismissed.', doc: await dismiss(req.payload, me.id, id) })
    }),
  },
]
