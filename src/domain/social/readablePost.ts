import type { Payload, PayloadRequest, SelectType } from 'payload'

import type { Post } from '../../../payload-types'
import type { Viewer } from './visibility'

/** The member a request acts for, as the read rules see them (null for visitors and other auth collections). */
export const requestViewer = (req: PayloadRequest) => (req.user?.collection === 'users' ? (req.user as unknown as NonNullable<Viewer>) : null)

/**
 * The post `id` if `viewer` may read it, by the posts collection's own read access (visitors
 * included: access is never skipped, unlike Payload's Local API default). `published` also asks that it
 * be live, as commenting does. One statement at depth 0.
 */
export async function readablePost(
  payload: Payload,
  viewer: Viewer,
  id: number,
  opts: { published?: boolean; select?: SelectType; depth?: number; req?: PayloadRequest } = {},
): Promise<Post | null> {
  const { docs } = await payload.find({
    collection: 'posts',
    where: opts.published ? { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] } : { id: { equals: id } },
    limit: 1,
    pagination: false,
    depth: opts.depth ?? 0,
    overrideAccess: false,
    user: (viewer ?? undefined) as never,
    ...(opts.select ? { select: opts.select } : {}),
    ...(opts.req ? { req: opts.req } : {}),
  })
  return (docs[0] as Post | undefined) ?? null
}
