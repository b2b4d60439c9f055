import type { CollectionSlug, PayloadRequest, SelectType, Where } from 'payload'

import { isStaffUser } from '@/access/roles'

export const POST_VISIBILITIES = ['public', 'members', 'verified', 'premium'] as const
export type PostVisibility = (typeof POST_VISIBILITIES)[number]
export const ROOM_VISIBILITIES = ['public', 'members', 'verified'] as const
export type RoomVisibility = (typeof ROOM_VISIBILITIES)[number]

export type Viewer = {
  id: number | string
  collection?: string
  roles?: string[] | null
  verificationStatus?: string | null
  tier?: string | null
} | null | undefined

export const isVerifiedDoctor = (user: Viewer) => Boolean(user && user.verificationStatus === 'verified')
export const isPremium = (user: Viewer) => Boolean(user && (user.tier === 'premium' || user.tier === 'pro'))

/** The post audiences a viewer belongs to: public for anyone, members once signed in, and so on. */
export function postAudiences(user: Viewer): PostVisibility[] {
  if (!user) return ['public']
  const levels: PostVisibility[] = ['public', 'members']
  if (isVerifiedDoctor(user)) levels.push('verified')
  if (isPremium(user)) levels.push('premium')
  return levels
}

export function roomAudiences(user: Viewer): RoomVisibility[] {
  if (!user) return ['public']
  return isVerifiedDoctor(user) ? ['public', 'members', 'verified'] : ['public', 'members']
}

/** Rooms the viewer may see (and so join), as a query. */
export function roomReadWhere(user: Viewer, prefix = ''): Where | true {
  if (isStaffUser(user)) return true
  return { [`${prefix}visibility`]: { in: roomAudiences(user) } }
}

const notTrashed = (prefix: string): Where => ({ [`${prefix}deletedAt`]: { exists: false } })

/**
 * Published, visible posts whose audience and room admit the viewer. `prefix` lets other collections
 * (comments: `post.`) filter by the post they belong to, in the same SQL statement.
 */
export function publishedPostWhere(user: Viewer, prefix = ''): Where {
  return {
    and: [
      { [`${prefix}_status`]: { equals: 'published' } },
      { [`${prefix}moderation`]: { equals: 'visible' } },
      { [`${prefix}visibility`]: { in: postAudiences(user) } },
      notTrashed(prefix),
      // Posts carry their room's visibility (public outside rooms), so no join is needed.
      { [`${prefix}roomVisibility`]: { in: roomAudiences(user) } },
    ],
  }
}

/**
 * Who reads which post: staff everything (the trash included); authors their own drafts and held
 * posts (not what they deleted); everyone else published, visible posts of an audience they belong to.
 */
export function postReadWhere(user: Viewer): Where | true {
  if (isStaffUser(user)) return true
  const published = publishedPostWhere(user)
  if (!user) return published
  return { or: [published, { and: [{ author: { equals: user.id } }, notTrashed('')] }] }
}

/** Comments: visible ones under a post the viewer may read; authors see their own held ones too. */
export function commentReadWhere(user: Viewer): Where | true {
  if (isStaffUser(user)) return true
  const onReadablePost = publishedPostWhere(user, 'post.')
  const visible: Where = { and: [{ moderation: { equals: 'visible' } }, notTrashed(''), onReadablePost] }
  if (!user) return visible
  return { or: [visible, { and: [{ author: { equals: user.id } }, notTrashed(''), onReadablePost] }] }
}

/**
 * The document `id`, with only the `select`ed fields, if `req.user` may read it (the collection's read
 * access applies); calls without a user (local API) read any document.
 */
export async function readableById<T>(req: PayloadRequest, collection: CollectionSlug, id: number | string, select: SelectType) {
  const { docs } = await req.payload.find({
    collection,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: !req.user,
    user: req.user,
    req,
    select,
  })
  return docs[0] as unknown as (T & { id: number }) | undefined
}
