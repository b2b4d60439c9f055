import type { Endpoint } from 'payload'
import { z } from 'zod'

import { commentsSince, MAX_PAGE, repliesPage, THREAD_ORDERS, threadPage } from '@/domain/social/commentThread'
import { readablePost, requestViewer } from '@/domain/social/readablePost'
import { error, json } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { routeId } from './shared'

const commentId = z.coerce.number().int().positive().max(2147483647)

const ThreadQuery = z
  .object({
    order: z.enum(THREAD_ORDERS).default('newest'),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
    parent: commentId.optional(),
    after: z.coerce.number().int().min(0).max(2147483647).optional(),
  })
  .refine((q) => q.parent === undefined || q.after === undefined, { message: 'Ask for one thread (parent) or for new comments (after), not both.', path: ['after'] })
  .refine((q) => q.after === undefined || q.cursor === undefined, { message: 'after takes no cursor.', path: ['cursor'] })

const commentSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    parentId: { type: ['integer', 'null'] },
    body: { type: ['string', 'null'], description: 'null for a deleted comment kept as the head of its replies' },
    deleted: { type: 'boolean' },
    author: { type: ['object', 'null'], description: '{ id, name, honorific, handle, verified, avatarUrl }' },
    mentions: { type: 'array', items: { type: 'string' }, description: 'handles of the members @mentioned' },
    likeCount: { type: 'integer' },
    liked: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    editedAt: { type: ['string', 'null'], format: 'date-time' },
  },
}

/** GET /api/posts/:id/comments: the post's comment threads, a page at a time. */
export const commentThreadEndpoint: Endpoint = {
  path: '/:id/comments',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Comment threads of a post (keyset pages, no totals)',
      description:
        'Top-level comments, `newest` (default) or `oldest` first, each with its first three replies (oldest first) and `repliesCursor` when there are more. `parent=<comment id>` pages the replies of one thread instead (pass `repliesCursor` as `cursor`); `after=<comment id>` lists comments of both levels written since, oldest first (`more` says to call again), for refreshing an open page. Comments of members blocked either way are left out; a deleted comment with live replies stays as `deleted: true` without text or author.',
      tags: ['comments'],
      security: [],
      parameters: [
        { in: 'path', name: 'id', required: true, schema: { type: 'integer' } },
        { in: 'query', name: 'order', schema: { type: 'string', enum: [...THREAD_ORDERS], default: 'newest' } },
        { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor (or a thread\'s repliesCursor, with parent) of the previous page' },
        { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 20 } },
        { in: 'query', name: 'parent', schema: { type: 'integer' }, description: 'A top-level comment: page its replies' },
        { in: 'query', name: 'after', schema: { type: 'integer' }, description: 'A comment id: comments written since' },
      ],
      responses: {
        200: {
          description: '`{ docs, nextCursor }` (threads, or replies with parent); `{ docs, more }` with after',
          content: { 'application/json': { schema: { type: 'object', properties: { docs: { type: 'array', items: commentSchema }, nextCursor: { type: ['string', 'null'] } } } } },
        },
        400: { description: 'Unknown order or parameter, bad cursor or limit' },
        404: { description: 'No such post (or not one you may read), or parent is not a thread of this post' },
      },
    },
  },
  handler: async (req) => {
    const id = routeId(req)
    const params = ThreadQuery.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) {
      const issue = params.error.issues[0]
      const field = issue.path.join('.')
      return error(req, 400, field ? `${field}: ${issue.message}` : issue.message, field ? { field } : undefined)
    }
    const viewer = requestViewer(req)
    if (!id || !(await readablePost(req.payload, viewer, id, { published: true, select: { id: true } }))) return error(req, 404, 'No such post.')
    const q = params.data
    try {
      if (q.after !== undefined) return json(req, await commentsSince(req.payload, viewer, id, q.after, { limit: q.limit }))
      if (q.parent !== undefined) {
        const page = await repliesPage(req.payload, viewer, id, q.parent, { cursor: q.cursor, limit: q.limit })
        return page ? json(req, page) : error(req, 404, 'No such comment thread on this post.')
      }
      return json(req, await threadPage(req.payload, viewer, id, { order: q.order, cursor: q.cursor, limit: q.limit }))
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message, { field: 'cursor' })
      throw err
    }
  },
}
