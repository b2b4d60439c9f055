import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { isStaffUser } from '@/access/roles'
import { isAcceptedVideoUrl } from '@/domain/social/content'
import { FetchFailed, RefusedUrl, fetchLinkPreview } from '@/domain/social/linkPreview'
import { membershipRole } from '@/domain/social/membership'
import { readableById } from '@/domain/social/visibility'
import { relationId } from '@/lib/relation'

type Problem = { path: string; message: string }
const hasText = (data: Record<string, any>) => Boolean(data.text && String(data.text).trim())

/** What each kind of post needs, checked when a post is published (drafts may be unfinished). */
function kindProblems(data: Record<string, any>): Problem[] {
  const media: unknown[] = Array.isArray(data.media) ? data.media : []
  const problems: Problem[] = []
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) problems.push({ path, message })
  }
  switch (data.kind) {
    case 'text':
      need(hasText(data), 'body', 'A text post needs some text.')
      break
    case 'image':
      need(media.length === 1, 'media', 'An image post has exactly one image.')
      break
    case 'gallery':
      need(media.length >= 2 && media.length <= 10, 'media', 'A gallery has 2 to 10 images.')
      break
    case 'video':
      need(data.video, 'video', 'A video post needs the video link.')
      break
    case 'link':
      need(data.link?.url, 'link.url', 'A link post needs the link.')
      break
    case 'repost':
      need(data.repostOf, 'repostOf', 'A repost needs the post it shares.')
      need(!hasText(data), 'body', 'A repost has no text of its own; quote the post instead.')
      break
    case 'quote':
      need(data.repostOf, 'repostOf', 'A quote needs the post it quotes.')
      need(hasText(data), 'body', 'A quote needs your text.')
      break
    case 'card':
      need(data.card?.kind, 'card.kind', 'A card needs its kind.')
      need(data.card?.ref, 'card.ref', 'A card needs the id of what it shows.')
      break
  }
  if (data.repostOf && data.kind !== 'repost' && data.kind !== 'quote') problems.push({ path: 'repostOf', message: 'Only reposts and quotes point at another post.' })
  return problems
}

/** Kind rules, images only, room membership, the shared post, a safe video link and the link preview. */
export const checkPost: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const problems: Problem[] = []
  const staff = isStaffUser(req.user)
  const changed = (field: string) => operation === 'create' || JSON.stringify(data[field] ?? null) !== JSON.stringify(originalDoc?.[field] ?? null)

  if (data.video && changed('video') && !isAcceptedVideoUrl(String(data.video))) {
    problems.push({ path: 'video', message: 'Use an https YouTube or Vimeo link, or a direct https .mp4 or .webm file.' })
  }

  const media = (Array.isArray(data.media) ? data.media : []).map(relationId).filter((x: unknown) => x != null)
  if (media.length && changed('media')) {
    const images = await req.payload.count({
      collection: 'media',
      where: { and: [{ id: { in: media } }, { mimeType: { like: 'image/' } }] },
      overrideAccess: true,
      req,
    })
    if (images.totalDocs !== new Set(media).size) problems.push({ path: 'media', message: 'Posts show images only (JPEG, PNG, WebP, GIF, AVIF).' })
  }

  const room = relationId(data.room)
  if (changed('room')) {
    if (room) {
      const found = await req.payload.findByID({ collection: 'rooms', id: room, depth: 0, overrideAccess: true, req, disableErrors: true, select: { visibility: true } })
      if (!found) problems.push({ path: 'room', message: 'No such room.' })
      else data.roomVisibility = found.visibility
      if (found && !staff && req.user && !(await membershipRole(req.payload, room, req.user.id))) {
        problems.push({ path: 'room', message: 'Join the room before posting in it.' })
      }
    } else data.roomVisibility = 'public'
  }

  const repostOf = relationId(data.repostOf)
  if (repostOf && changed('repostOf')) {
    const original = await readableById<{ kind: string; repostOf?: number | null }>(req, 'posts', repostOf, { kind: true, repostOf: true })
    if (!original || String(original.id) === String(originalDoc?.id)) problems.push({ path: 'repostOf', message: 'That post cannot be shared.' })
    // Sharing a repost shares its original.
    else if (original.kind === 'repost' && original.repostOf) data.repostOf = relationId(original.repostOf)
  }

  const url = data.link?.url
  if (url && (operation === 'create' || url !== originalDoc?.link?.url)) {
    try {
      data.link = { ...(await fetchLinkPreview(String(url))), url }
    } catch (err) {
      if (err instanceof RefusedUrl) problems.push({ path: 'link.url', message: err.message })
      else if (err instanceof FetchFailed) data.link = { url, title: null, description: null, imageUrl: null, siteName: null, fetchedAt: null }
      else throw err
    }
  } else if (!url && data.link) {
    data.link = { url: null, title: null, description: null, imageUrl: null, siteName: null, fetchedAt: null }
  }

  if (data._status !== 'draft') problems.push(...kindProblems(data))
  if (problems.length) throw new ValidationError({ collection: 'posts', errors: problems }, req.t)
  return data
}
