import type { Endpoint, PayloadRequest, Where } from 'payload'

import { isStaffUser } from '@/access/roles'
import { z } from 'zod'

import { FetchFailed, RefusedUrl, fetchLinkPreview } from '@/domain/social/linkPreview'
import { REACTION_KINDS, SHARE_CHANNELS, recordShare, removeReaction, setBookmark, setReaction } from '@/domain/social/reactions'
import { POST_VISIBILITIES, readableById } from '@/domain/social/visibility'
import { transaction } from '@/db/sql'
import { error, json, readBody } from '@/lib/http'
import { consume } from '@/rate-limit'
import { forMembers, memberOperation, routeId, type Member } from '../endpoints/shared'
import { commentThreadEndpoint } from '../endpoints/commentThread'
import { historyEndpoint } from './historyEndpoint'
import { bookmarkedPostsEndpoint, postCardsEndpoint } from '../endpoints/postCards'

const POST_COUNTERS = { likeCount: true, upvotes: true, downvotes: true, commentCount: true, shareCount: true, bookmarkCount: true } as const

/** The post if the member may read it and it is published (the same rule as GET /api/posts/:id). */
async function readablePost(req: PayloadRequest, id: number) {
  const post = await readableById<{ room?: number | null; _status?: string }>(req, 'posts', id, { room: true, _status: true })
  return post?._status === 'published' ? post : null
}

/** Whether the room takes up and down votes instead of likes. */
async function roomVotes(req: PayloadRequest, room: number) {
  const found = await req.payload.findByID({ collection: 'rooms', id: room, depth: 0, select: { voting: true }, overrideAccess: true })
  return Boolean((found as { voting?: boolean }).voting)
}

const counters = async (req: PayloadRequest, id: number) =>
  req.payload.findByID({ collection: 'posts', id, depth: 0, select: POST_COUNTERS, overrideAccess: true, trash: true })

const notFound = (req: PayloadRequest) => error(req, 404, 'No such post.')

const ReactionBody = z.object({ kind: z.enum(REACTION_KINDS) })

const setReactionEndpoint: Endpoint = {
  path: '/:id/reaction',
  method: 'put',
  custom: memberOperation({
    summary: 'Set your reaction to a post (idempotent)',
    description:
      'One reaction per member and post. `like` everywhere except in rooms with voting, where it is `up` or `down`; sending another kind replaces yours (up -> down moves one vote). Counters change in the same transaction.',
    tag: 'posts',
    body: ReactionBody,
    responses: {
      200: { description: '`{ kind, changed, likeCount, upvotes, downvotes }`' },
      400: { description: 'Unknown kind, or a kind this post does not take' },
      404: { description: 'No such post, or not visible to you' },
    },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    const post = id && (await readablePost(req, id))
    if (!id || !post) return notFound(req)
    const body = await readBody(req, ReactionBody)
    if (body.response) return body.response
    const kind = body.data.kind
    const voting = post.room ? await roomVotes(req, post.room) : false
    if (voting && kind === 'like') return error(req, 400, 'This room votes: react with up or down.', { field: 'kind' })
    if (!voting && kind !== 'like') return error(req, 400, 'Votes are for posts in voting rooms; use like.', { field: 'kind' })
    const result = await setReaction(req.payload, user.id, { collection: 'posts', id }, kind)
    const c = (await counters(req, id)) as Record<string, number>
    return json(req, { kind, changed: result.changed, likeCount: c.likeCount, upvotes: c.upvotes, downvotes: c.downvotes })
  }),
}

const removeReactionEndpoint: Endpoint = {
  path: '/:id/reaction',
  method: 'delete',
  custom: memberOperation({
    summary: 'Remove your reaction to a post (idempotent)',
    tag: 'posts',
    responses: { 200: { description: '`{ removed, likeCount, upvotes, downvotes }`; `removed` is the kind taken away, or null' }, 404: { description: 'No such post' } },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await readablePost(req, id))) return notFound(req)
    const removed = await removeReaction(req.payload, user.id, { collection: 'posts', id })
    const c = (await counters(req, id)) as Record<string, number>
    return json(req, { removed, likeCount: c.likeCount, upvotes: c.upvotes, downvotes: c.downvotes })
  }),
}

const bookmarkEndpoint = (method: 'put' | 'delete'): Endpoint => ({
  path: '/:id/bookmark',
  method,
  custom: memberOperation({
    summary: method === 'put' ? 'Bookmark a post (idempotent)' : 'Remove your bookmark of a post (idempotent)',
    description: 'Your bookmarks are yours alone: GET /api/bookmarks lists only your own.',
    tag: 'posts',
    responses: { 200: { description: '`{ bookmarked, changed, bookmarkCount }`' }, 404: { description: 'No such post, or not visible to you' } },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id) return notFound(req)
    // Removing a bookmark works even when the post has since become unreadable.
    if (method === 'put' && !(await readablePost(req, id))) return notFound(req)
    const changed = await setBookmark(req.payload, user.id, id, method === 'put')
    const c = (await counters(req, id).catch(() => null)) as Record<string, number> | null
    return json(req, { bookmarked: method === 'put', changed, bookmarkCount: c?.bookmarkCount ?? 0 })
  }),
})

const ShareBody = z.object({
  channel: z.enum(SHARE_CHANNELS),
  visibility: z.enum(POST_VISIBILITIES).optional(),
})

const shareEndpoint: Endpoint = {
  path: '/:id/share',
  method: 'post',
  custom: memberOperation({
    summary: 'Share a post',
    description:
      '`in_app` reposts it to your followers (a `repost` post, returned as `repost`); `copy_link` and `external` record that you shared its link. Each share adds one to shareCount; GET /api/shares lists only your own shares.',
    tag: 'posts',
    body: ShareBody,
    responses: { 200: { description: '`{ channel, share, repost?, shareCount }`' }, 400: { description: 'Invalid channel' }, 404: { description: 'No such post, or not visible to you' } },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await readablePost(req, id))) return notFound(req)
    const body = await readBody(req, ShareBody)
    if (body.response) return body.response
    const { channel } = body.data
    if (channel === 'in_app') {
      // The repost records the share itself (posts afterChange), in the transaction of its creation.
      const repost = await req.payload.create({
        collection: 'posts',
        data: { kind: 'repost', repostOf: id, visibility: body.data.visibility ?? 'members', _status: 'published' } as never,
        user,
        overrideAccess: false,
        depth: 0,
      })
      const c = (await counters(req, id)) as Record<string, number>
      return json(req, { channel, repost: repost.id, shareCount: c.shareCount })
    }
    const share = await transaction(req.payload, (tx) => recordShare(tx, user.id, id, channel))
    const c = (await counters(req, id)) as Record<string, number>
    return json(req, { channel, share, shareCount: c.shareCount })
  }),
}

const PreviewBody = z.object({ url: z.string().trim().min(1).max(2000) })

const linkPreviewEndpoint: Endpoint = {
  path: '/link-preview',
  method: 'post',
  custom: memberOperation({
    summary: 'Preview a link (title, description, image, site name)',
    description:
      'The server fetches the page (http/https on ports 80/443, public addresses only, at most 3 redirects, 5 s, 512 KB, HTML only) and reads its OpenGraph, Twitter and HTML meta tags. Creating a `link` post fills `link` the same way. Limited to 20 previews a minute per member.',
    tag: 'posts',
    body: PreviewBody,
    idParam: false,
    responses: {
      200: { description: '`{ url, title, description, imageUrl, siteName, fetchedAt }`' },
      400: { description: 'Not a URL, or a URL that may not be fetched (private address, other port or scheme)' },
      422: { description: 'The page could not be read (not found, not HTML, too slow)' },
      429: { description: 'Too many previews; see Retry-After' },
    },
  }),
  handler: forMembers(async (req, user) => {
    const body = await readBody(req, PreviewBody)
    if (body.response) return body.response
    await consume(req.payload, 'link-preview:user', String(user.id), req)
    try {
      return json(req, await fetchLinkPreview(body.data.url))
    } catch (err) {
      if (err instanceof RefusedUrl) return error(req, 400, err.message, { field: 'url' })
      if (err instanceof FetchFailed) return error(req, 422, err.message, { field: 'url' })
      throw err
    }
  }),
}

const ScheduleBody = z.object({ publishAt: z.iso.datetime({ offset: true }) })

/** True if the member may change the post (its author or staff, as the posts update rule says). */
async function editablePost(req: PayloadRequest, user: Member, id: number) {
  const mine: Where = isStaffUser(user) ? { id: { equals: id } } : { and: [{ id: { equals: id } }, { author: { equals: user.id } }] }
  return (await req.payload.count({ collection: 'posts', where: mine, overrideAccess: true })).totalDocs === 1
}

const scheduleEndpoint: Endpoint = {
  path: '/:id/schedule',
  method: 'post',
  custom: memberOperation({
    summary: 'Schedule a draft to be published',
    description: 'Queues Payload’s schedulePublish job; the jobs runner publishes the post at `publishAt` as you (your access applies). Replaces an earlier schedule of this post.',
    tag: 'posts',
    body: ScheduleBody,
    responses: {
      200: { description: '`{ scheduled: { id, publishAt } }`' },
      400: { description: 'Not a date, in the past, or more than a year ahead' },
      404: { description: 'No such post of yours' },
    },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await editablePost(req, user, id))) return notFound(req)
    const body = await readBody(req, ScheduleBody)
    if (body.response) return body.response
    const at = new Date(body.data.publishAt)
    if (at.getTime() < Date.now() - 1000 || at.getTime() > Date.now() + 366 * 24 * 3600 * 1000) {
      return error(req, 400, 'Choose a time from now to a year ahead.', { field: 'publishAt' })
    }
    await cancelSchedules(req, id)
    const job = await req.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'posts', value: String(id) }, user: { relationTo: 'users', value: user.id } } as never,
      waitUntil: at,
    })
    return json(req, { scheduled: { id: job.id, publishAt: at.toISOString() } })
  }),
}

async function cancelSchedules(req: PayloadRequest, id: number) {
  await req.payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { 'input.doc.value': { equals: String(id) } },
        { 'input.doc.relationTo': { equals: 'posts' } },
      ],
    },
  })
}

const unscheduleEndpoint: Endpoint = {
  path: '/:id/schedule',
  method: 'delete',
  custom: memberOperation({
    summary: 'Cancel the scheduled publishing of a post',
    tag: 'posts',
    responses: { 200: { description: 'No publishing remains scheduled' }, 404: { description: 'No such post of yours' } },
  }),
  handler: forMembers(async (req, user) => {
    const id = routeId(req)
    if (!id || !(await editablePost(req, user, id))) return notFound(req)
    await cancelSchedules(req, id)
    return json(req, { scheduled: null })
  }),
}

export const postEndpoints: Endpoint[] = [
  linkPreviewEndpoint,
  setReactionEndpoint,
  removeReactionEndpoint,
  bookmarkEndpoint('put'),
  bookmarkEndpoint('delete'),
  shareEndpoint,
  scheduleEndpoint,
  unscheduleEndpoint,
  historyEndpoint,
  commentThreadEndpoint,
  postCardsEndpoint, bookmarkedPostsEndpoint,
]
