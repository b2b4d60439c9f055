import type { CollectionAfterChangeHook } from 'payload'

import { sqlFor } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { relationId } from '@/lib/relation'

/**
 * Tells listeners, in the post's transaction, when a post goes live (created published, a draft
 * published, or the scheduled-publish job) and when staff change its moderation state.
 */
export const emitPostActivity: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const author = relationId(doc.author)
  if (!author) return doc
  const wasLive = operation === 'update' && previousDoc?._status === 'published'
  if (doc._status === 'published' && !wasLive) {
    await emitActivity(req.payload, await sqlFor(req), {
      type: 'post.published',
      post: Number(doc.id),
      author,
      room: relationId(doc.room),
      repostOf: relationId(doc.repostOf),
    })
  }
  if (operation === 'update' && previousDoc?.moderation && doc.moderation !== previousDoc.moderation) {
    await emitActivity(req.payload, await sqlFor(req), {
      type: 'post.moderated',
      post: Number(doc.id),
      author,
      from: String(previousDoc.moderation),
      to: String(doc.moderation),
      // Hidden automatically by members' reports: nobody decided it, and the reporters stay unnamed.
      by: req.context.automaticModeration ? null : req.user?.collection === 'users' ? Number(req.user.id) : null,
    })
  }
  return doc
}
