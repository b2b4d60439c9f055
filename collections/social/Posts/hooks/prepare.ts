import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import { isStaffUser } from '@/access/roles'
import { normaliseTags, plainText } from '@/domain/social/content'
import { COUNTER_FIELDS } from '@/domain/social/db'

/** Tags lowercase and unique; `text` always derived from the body. */
export const prepareContent: CollectionBeforeValidateHook = ({ data }) => {
  if (!data) return data
  const tags = normaliseTags(data.tags)
  if (tags !== undefined) data.tags = tags
  if ('body' in data) data.text = plainText(data.body) || null
  return data
}

const CONTENT_FIELDS = ['kind', 'title', 'body', 'media', 'video', 'link', 'card', 'repostOf', 'tags'] as const

const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as { id: unknown }).id : x)) : v)
const comparable = (v: unknown) => JSON.stringify(ids(v) ?? null)

/**
 * The time the post first went live: set once, when it is created published or first published (by
 * its author, or by the scheduled-publish job), and kept through later edits, unpublishing and
 * republishing. Only server code (the Local API: seeds, imports) may date a post itself.
 */
function publishedAt(data: Record<string, any>, originalDoc: Record<string, any> | undefined, local: boolean): string | null {
  if (local && data.publishedAt) return new Date(data.publishedAt).toISOString()
  if (originalDoc?.publishedAt) return originalDoc.publishedAt
  return (data._status ?? originalDoc?._status) === 'published' ? new Date().toISOString() : null
}

/**
 * What only the server decides: the author (the signed-in member), the time of first publishing, the time of deletion, when a
 * published post was edited. Counters are left out of every update so that a save never writes back
 * a count read earlier over the atomic increments made meanwhile.
 */
export const serverFields: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const user = req.user
  const staff = isStaffUser(user)
  data.publishedAt = publishedAt(data, originalDoc, req.payloadAPI === 'local')
  if (operation === 'create') {
    if (user && user.collection === 'users' && (req.payloadAPI !== 'local' || !data.author)) data.author = user.id
    if (!staff || req.payloadAPI !== 'local') data.deletedAt = null
    return data
  }
  for (const field of COUNTER_FIELDS.posts) delete data[field]
  // Moving to the trash records the server's time, whatever time the client sent.
  if (data.deletedAt && !originalDoc?.deletedAt) data.deletedAt = new Date().toISOString()
  if (originalDoc?._status === 'published' && data._status !== 'draft') {
    const edited = CONTENT_FIELDS.some((f) => f in data && comparable(data[f]) !== comparable(originalDoc[f]))
    if (edited) data.editedAt = new Date().toISOString()
  }
  return data
}
