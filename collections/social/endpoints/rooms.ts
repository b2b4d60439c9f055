import type { Endpoint } from 'payload'

import { joinRoom, leaveRoom } from '@/domain/social/membership'
import { error, json } from '@/lib/http'
import { memberOperation, routeId, signedInMember, signInFirst } from './shared'

/** The room, if the member may see it (its visibility admits them). */
async function visibleRoom(req: Parameters<Endpoint['handler']>[0], id: number) {
  const user = signedInMember(req)!
  const { docs } = await req.payload.find({
    collection: 'rooms',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user,
    select: { memberCount: true },
  })
  return docs[0] as { id: number; memberCount: number } | undefined
}

const memberCount = async (req: Parameters<Endpoint['handler']>[0], id: number) =>
  ((await req.payload.findByID({ collection: 'rooms', id, depth: 0, select: { memberCount: true }, overrideAccess: true })) as { memberCount: number }).memberCount

export const joinRoomEndpoint: Endpoint = {
  path: '/:id/join',
  method: 'post',
  custom: memberOperation({
    summary: 'Join a room or channel',
    description: 'Idempotent: joining twice keeps one membership. The room must be visible to you (a verified room needs a verified doctor).',
    tag: 'rooms',
    responses: { 200: { description: '`{ joined, role, memberCount }`; `joined` is false when you already were a member' }, 404: { description: 'No such room, or not visible to you' } },
  }),
  handler: async (req) => {
    const user = signedInMember(req)
    if (!user) return signInFirst(req)
    const id = routeId(req)
    if (!id || !(await visibleRoom(req, id))) return error(req, 404, 'No such room.')
    const result = await joinRoom(req.payload, id, user.id)
    return json(req, { ...result, memberCount: await memberCount(req, id) })
  },
}

export const leaveRoomEndpoint: Endpoint = {
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
  handler: async (req) => {
    const user = signedInMember(req)
    if (!user) return signInFirst(req)
    const id = routeId(req)
    if (!id || !(await visibleRoom(req, id))) return error(req, 404, 'No such room.')
    const result = await leaveRoom(req.payload, id, user.id)
    if (result === 'owner') return error(req, 409, 'You own this channel; ask staff to hand it over before leaving.')
    return json(req, { left: result === 'left', memberCount: await memberCount(req, id) })
  },
}

export const roomEndpoints: Endpoint[] = [joinRoomEndpoint, leaveRoomEndpoint]
