import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { removeReaction, setReaction } from '@/domain/social/reactions'
import { readableById } from '@/domain/social/visibility'
import { error, json, readBody } from '@/lib/http'
import { forMembers, memberOperation, routeId } from './shared'

const likeCount = async (req: PayloadRequest, id: number) =>
  ((await req.payload.findByID({ collection: 'comments', id, depth: 0, select: { likeCount: true }, overrideAccess: true, trash: true })) as { likeCount: number }).likeCount

const Body = z.object({ kind: z.literal('like') })

const endpoint = (method: 'put' | 'delete'): Endpoint => ({
  path: '/:id/reaction',
  method,
  custom: memberOperation({
    summary: method === 'put' ? 'Like a comment (idempotent)' : 'Remove your like of a comment (idempotent)',
    tag: 'comments',
    ...(method === 'put' ? { body: Body } : {}),
    responses: { 200: { description: '`{ liked, changed, likeCount }`' }, 400: { description: 'Comments take likes only' }, 404: { description: 'No such comment, or not visible to you' } },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await readableById(req, 'comments', id, { likeCount: true }))) return error(req, 404, 'No such comment.')
    let changed: boolean
    if (method === 'put') {
      const body = await readBody(req, Body)
      if (body.response) return body.response
      changed = (await setReaction(req.payload, user.id, { collection: 'comments', id }, 'like')).changed
    } else changed = (await removeReaction(req.payload, user.id, { collection: 'comments', id })) !== null
    return json(req, { liked: method === 'put', changed, likeCount: await likeCount(req, id) })
  }),
})

export const commentEndpoints: Endpoint[] = [endpoint('put'), endpoint('delete')]
