import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError, ValidationError } from 'payload'

import { isStaffUser } from '@/access/roles'
import { query, sql, sqlFor } from '@/db/sql'
import { bump, COUNTER_FIELDS } from '@/domain/social/db'
import { emitActivity } from '@/domain/events'
import { resolveMentions } from '@/domain/social/mentions'
import { readableById } from '@/domain/social/visibility'
import { relationId } from '@/lib/relation'

const EDIT_WINDOW_MS = 15 * 60 * 1000


/** True if the post is published and `req.user` may read it. */
const commentablePost = async (req: PayloadRequest, id: number) =>
  (await readableById<{ _status?: string }>(req, 'posts', id, { _status: true }))?._status === 'published'

const invalid = (req: PayloadRequest, path: string, message: string) => new ValidationError({ collection: 'comments', errors: [{ path, message }] }, req.t)

/**
 * The author is the signed-in member; commenting needs a post the member can read; a reply to a reply
 * is attached to its top-level comment; mentions come from the body; counters are never written back.
 */
export const prepareComment: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const user = req.user
  if (operation === 'create') {
    if (user && user.collection === 'users' && (req.payloadAPI !== 'local' || !data.author)) data.author = user.id
    data.deletedAt = null
    const post = relationId(data.post)
    if (!post || !(await commentablePost(req, post))) throw invalid(req, 'post', 'That post cannot be commented on.')
    const parentId = relationId(data.parent)
    if (parentId) {
      const parent = await req.payload.findByID({ collection: 'comments', id: parentId, depth: 0, overrideAccess: true, req, disableErrors: true, select: { post: true, parent: true } })
      if (!parent || String(relationId(parent.post)) !== String(post)) throw invalid(req, 'parent', 'Reply to a comment of the same post.')
      data.parent = relationId(parent.parent) ?? parentId
    }
  } else {
    for (const field of COUNTER_FIELDS.comments) delete data[field]
    if (data.deletedAt && !originalDoc?.deletedAt) data.deletedAt = new Date().toISOString()
    if (typeof data.body === 'string' && data.body.trim() !== originalDoc?.body) {
      const age = Date.now() - new Date(originalDoc?.createdAt).getTime()
      if (!isStaffUser(user) && !(age <= EDIT_WINDOW_MS)) throw new APIError('Comments can be edited for 15 minutes after writing them.', 403, null, true)
      data.editedAt = new Date().toISOString()
    }
  }
  if (typeof data.body === 'string') {
    data.body = data.body.trim()
    if (!data.body) throw invalid(req, 'body', 'Write something first.')
    if (operation === 'create' || data.body !== originalDoc?.body) data.mentions = await resolveMentions(req, data.body)
  }
  return data
}

const live = (doc: { deletedAt?: unknown }) => !doc.deletedAt

/** commentCount of the post (and replyCount of the parent) count comments not in the trash. */
export const commentCounters: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  let delta = 0
  if (operation === 'create') delta = live(doc) ? 1 : 0
  else if (previousDoc && live(previousDoc) !== live(doc)) delta = live(doc) ? 1 : -1
  if (delta) {
    const db = await sqlFor(req)
    await bump(db, 'posts', 'comment_count', relationId(doc.post)!, delta)
    if (doc.parent) await bump(db, 'comments', 'reply_count', relationId(doc.parent)!, delta)
  }
  return doc
}

export const commentCountersOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!live(doc)) return doc
  const db = await sqlFor(req)
  await bump(db, 'posts', 'comment_count', relationId(doc.post)!, -1)
  if (doc.parent) await bump(db, 'comments', 'reply_count', relationId(doc.parent)!, -1)
  return doc
}

/**
 * Tells listeners (notifications, points) of a new comment, and of members named for the first time in
 * this version of its text, in the comment's transaction.
 */
export const emitCommentActivity: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const db = await sqlFor(req)
  const id = Number(doc.id)
  const post = relationId(doc.post)!
  const author = relationId(doc.author)!
  if (operation === 'create') {
    const parent = relationId(doc.parent)
    const [row] = await query<{ post_author: number; parent_author: number | null }>(
      db,
      sql`select (select author_id from posts where id = ${post}) as post_author,
                 (select author_id from comments where id = ${parent}) as parent_author`,
    )
    await emitActivity(req.payload, db, {
      type: 'comment.created',
      comment: id,
      post,
      postAuthor: Number(row.post_author),
      parent,
      parentAuthor: row.parent_author === null ? null : Number(row.parent_author),
      author,
    })
  }
  const before = new Set(((previousDoc?.mentions as unknown[]) ?? []).map((m) => relationId(m)))
  const mentioned = ((doc.mentions as unknown[]) ?? []).map((m) => relationId(m)!).filter((m) => !before.has(m) && m !== author)
  if (mentioned.length) await emitActivity(req.payload, db, { type: 'mention', source: { collection: 'comments', id, post }, mentioned, by: author })
  return doc
}
