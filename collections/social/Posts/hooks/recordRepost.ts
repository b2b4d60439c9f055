import type { CollectionAfterChangeHook } from 'payload'

import { sqlFor } from '@/db/sql'
import { recordShare } from '@/domain/social/reactions'
import { relationId } from '@/lib/relation'

/** A repost or quote is an in-app share of its original: a share row and shareCount + 1, in the same transaction. */
export const recordRepost: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || (doc.kind !== 'repost' && doc.kind !== 'quote') || !doc.repostOf || !doc.author) return doc
  await recordShare(await sqlFor(req), relationId(doc.author)!, relationId(doc.repostOf)!, 'in_app', doc.id)
  return doc
}
