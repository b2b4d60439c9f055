import type { Endpoint, PayloadRequest } from 'payload'

import { MAX_QUERY, MIN_QUERY, SEARCH_TYPES, parseSearchParams, search } from '@/domain/search'
import { signedInMember } from './shared'
import { error, json } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'

const parameters = [
  { in: 'query', name: 'q', required: true, schema: { type: 'string', minLength: MIN_QUERY, maxLength: MAX_QUERY }, description: 'Words to find (quotes, OR and -word work as on web search engines)' },
  { in: 'query', name: 'type', schema: { type: 'string', enum: ['all', ...SEARCH_TYPES], default: 'all' }, description: 'One section, or the best few of each' },
  { in: 'query', name: 'specialty', schema: { type: 'integer' }, description: 'Only posts, people, rooms and courses of this specialty' },
  { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor of the previous page of the same type' },
  { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 }, description: 'Hits per section (at most 5 for type=all)' },
]

/** GET /api/search: posts, people, rooms and courses the viewer may see, best match first, by keyset cursor. */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Search posts (full text), people (typo-tolerant names), rooms and published courses',
      tags: ['search'],
      parameters,
      responses: {
        200: { description: '{ q, type, sections: [{ type, hits, nextCursor }] } — nextCursor is null on the last page; snippets are segments, matches flagged' },
        400: { description: 'Missing, too short or too long query; unknown type; bad specialty, cursor or limit' },
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    try {
      const input = parseSearchParams(req.searchParams)
      return json(req, await search(req.payload, signedInMember(req), input))
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  },
}
