import type { Payload } from 'payload'
import { cache } from 'react'

import { relationId } from '@/lib/relation'
import { mediaUrl } from '@/lib/media'
import type { CardAuthor, CardRoom } from '@/domain/social/postCards'
import type { Viewer } from '@/lib/session'
import type { Media, Room, Specialty } from '../../../payload-types'

/**
 * What the site's post pages load around their lists, through the Local API as the viewer
 * (overrideAccess: false), once per request.
 */

/** The viewer as their own posts' author card. */
export async function meCard(payload: Payload, viewer: Viewer, avatarUrl: string | null): Promise<CardAuthor> {
  const specialtyId = relationId(viewer.specialty)
  const specialty =
    typeof viewer.specialty === 'object' && viewer.specialty
      ? (viewer.specialty as Specialty).name
      : specialtyId
        ? ((await payload.findByID({ collection: 'specialties', id: specialtyId, depth: 0, select: { name: true }, overrideAccess: false, user: viewer, disableErrors: true })) as Specialty | null)?.name ?? null
        : null
  return {
    id: Number(viewer.id),
    name: viewer.name,
    honorific: viewer.honorific ?? null,
    handle: viewer.handle ?? null,
    title: viewer.title ?? null,
    verified: viewer.verificationStatus === 'verified',
    specialty,
    avatarUrl: avatarUrl ?? (typeof viewer.avatar === 'object' && viewer.avatar ? mediaUrl(viewer.avatar as Media, 'thumbnail') : null),
  }
}

export const roomCard = (r: Pick<Room, 'id' | 'name' | 'slug' | 'kind' | 'voting'>): CardRoom => ({
  id: Number(r.id),
  name: r.name,
  slug: r.slug,
  kind: r.kind === 'channel' ? 'channel' : 'room',
  voting: Boolean(r.voting),
})

/** The ids of the rooms and channels the viewer belongs to, with their role. */
export async function memberships(payload: Payload, viewer: Viewer): Promise<Map<number, string>> {
  const { docs } = await payload.find({
    collection: 'room-members',
    where: { user: { equals: viewer.id } },
    depth: 0,
    limit: 200,
    pagination: false,
    select: { room: true, role: true },
    overrideAccess: false,
    user: viewer,
  })
  return new Map(docs.map((d) => [relationId(d.room) ?? 0, String(d.role ?? 'member')]))
}

/** Rooms and channels the viewer may see, by name. */
export async function visibleRooms(payload: Payload, viewer: Viewer | null) {
  const { docs } = await payload.find({
    collection: 'rooms',
    depth: 0,
    limit: 200,
    pagination: false,
    sort: 'name',
    select: { name: true, slug: true, kind: true, voting: true, description: true, memberCount: true, visibility: true, sponsored: true },
    overrideAccess: false,
    user: viewer ?? undefined,
  })
  return docs as Room[]
}

/** The rooms the viewer may post in (the ones they joined), for the composer. */
export async function joinedRooms(payload: Payload, viewer: Viewer): Promise<CardRoom[]> {
  const [mine, rooms] = await Promise.all([memberships(payload, viewer), visibleRooms(payload, viewer)])
  return rooms.filter((r) => mine.has(Number(r.id))).map(roomCard)
}

/** Specialties and sub-specialties, by name: the composer's specialty tags. */
export const specialtyOptions = cache(async (payload: Payload) => {
  const { docs } = await payload.find({ collection: 'specialties', depth: 0, limit: 300, pagination: false, sort: 'name', select: { name: true }, overrideAccess: false })
  return docs.map((s) => ({ id: Number(s.id), name: String(s.name) }))
})
