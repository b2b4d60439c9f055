import type { Endpoint, PayloadRequest } from 'payload'

import { joinRoom, leaveRoom } from '@/domain/social/membership'
import { readableById } from '@/domain/social/visibility'
import { error, json } from '@/lib/http'
import { forMembers, memberOperation, routeId } from './shared'

/** The room, if the member may see it (its visibility admits them). */
const visibleRoom = (req: PayloadRequest, id: number) => readableById(req, 'rooms', id, { memberCount: true })

const memberCount = async (req: PayloadRequest, id: number) =>
  ((await req.payload.findByID({ collection: 'rooms', id, depth: 0, select: { memberCount: true }, overrideAccess: true })) as { memberCount: number }).memberCount

const joinRoomEndpoint: Endpoint = {
  path: '/:id/join',
  method: 'post',
  custom: memberOperation({
    summary: 'Join a room or channel',
    description: 'Idempotent: joining twice keeps one membership. The room must be visible to you (a verified room needs a verified doctor).',
    tag: 'rooms',
    responses: { 200: { description: '`{ joined, role, memberCount }`; `joined` is false when you already were a member' }, 404: { description: 'No such room, or not visible to you' } },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await visibleRoom(req, id))) return error(req, 404, 'No such room.')
    const result = await joinRoom(req.payload, id, user.id)
    return json(req, { ...result, memberCount: await memberCount(req, id) })
  }),
}

const leaveRoomEndpoint: Endpoint = {
  path: '/:id/leave',
  method: 'post',
  custom: memberOperation({
    summary: 'Leave a room or channel',
    description: 'Idempotent. The owner of a channel cannot leave it.',
    tag: 'rooms',
    responses: {
      200: { description: '`{ left, memberCount }`; `left` is false when you were not a member' },
      404: { description: 'No such room, or not visible to you' },
      409: { description: 'You own this channel' },
    },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await visibleRoom(req, id))) return error(req, 404, 'No such room.')
    const result = await leaveRoom(req.payload, id, user.id)
    if (result === 'owner') return error(req, 409, 'You own this channel; ask staff to hand it over before leaving.')
    return json(req, { left: result === 'left', memberCount: await memberCount(req, id) })
  }),
}

export const roomEndpoints: Endpoint[] = [joinRoomEndpoint, leaveRoomEndpoint]
