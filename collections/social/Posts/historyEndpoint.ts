import type { Endpoint } from 'payload'
import { z } from 'zod'

import { HISTORY_MAX, postHistory } from '@/domain/social/postHistory'
import { readablePost, requestViewer } from '@/domain/social/readablePost'
import { error, json } from '@/lib/http'
import { routeId } from '../endpoints/shared'

const HistoryQuery = z.object({
  before: z.coerce.number().int().positive().max(2147483647).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_MAX).default(10),
})

/**
 * GET /api/posts/:id/history: the published versions of a post for anyone who may read it. Payload's
 * own versions API stays for the author and staff, since it also holds drafts.
 */
export const historyEndpoint: Endpoint = {
  path: '/:id/history',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Edit history of a post: its published versions, newest first',
      description:
        'For anyone who may read the post. Only versions readers saw (published and visible; never drafts), one per change of content, with `current` marking the one shown now. Keyset: pass `nextCursor` as `before`.',
      tags: ['posts'],
      security: [],
      parameters: [
        { in: 'path', name: 'id', required: true, schema: { type: 'integer' } },
        { in: 'query', name: 'before', schema: { type: 'integer' }, description: 'nextCursor of the previous page' },
        { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: HISTORY_MAX, default: 10 } },
      ],
      responses: {
        200: { description: '`{ docs: [{ id, title, text, publishedAt, current }], nextCursor }`' },
        400: { description: 'Bad `before` or `limit`' },
        404: { description: 'No such post, or not one you may read' },
      },
    },
  },
  handler: async (req) => {
    const id = routeId(req)
    const params = HistoryQuery.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) {
      const issue = params.error.issues[0]
      return error(req, 400, `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') })
    }
    if (!id || !(await readablePost(req.payload, requestViewer(req), id, { select: { id: true } }))) return error(req, 404, 'No such post.')
    return json(req, await postHistory(req.payload, id, params.data))
  },
}
