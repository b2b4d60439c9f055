import type { CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'

import { query, sql } from '@/db/sql'

/**
 * A member who has taken part in the network (posts, comments, reactions, follows, blocks, rooms,
 * conversations) cannot be deleted outright: their rows reference the account and others' counters
 * count them. Refuse with a clear 409 instead of failing in the database; suspend the account instead.
 */
export const keepActiveMembers: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const userId = Number(id)
  const [row] = await query<{ active: boolean }>(
    req.payload,
    sql`select exists (select 1 from posts where author_id = ${userId})
      or exists (select 1 from comments where author_id = ${userId})
      or exists (select 1 from reactions where user_id = ${userId})
      or exists (select 1 from bookmarks where user_id = ${userId})
      or exists (select 1 from shares where user_id = ${userId})
      or exists (select 1 from follows where follower_id = ${userId} or following_id = ${userId})
      or exists (select 1 from blocks where blocker_id = ${userId} or blocked_id = ${userId})
      or exists (select 1 from room_members where user_id = ${userId})
      or exists (select 1 from conversation_members where user_id = ${userId})
      or exists (select 1 from messages where sender_id = ${userId}) as active`,
  )
  if (row?.active) {
    throw new APIError(
      'This member has taken part in the network (posts, comments, reactions, follows, rooms or messages), so the account cannot be deleted outright. Suspend it instead.',
      409,
      undefined,
      true,
    )
  }
}
