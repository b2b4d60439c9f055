import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { sql, sqlFor } from '@/db/sql'
import { bump } from '@/domain/social/db'
import { relationId } from '@/lib/relation'

export const memberCountAfterChange: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const db = await sqlFor(req)
  if (operation === 'create') await bump(db, 'rooms', 'member_count', relationId(doc.room)!, 1)
  else if (previousDoc && relationId(previousDoc.room) !== relationId(doc.room)) {
    await bump(db, 'rooms', 'member_count', relationId(previousDoc.room)!, -1)
    await bump(db, 'rooms', 'member_count', relationId(doc.room)!, 1)
  }
  return doc
}

export const memberCountAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bump(await sqlFor(req), 'rooms', 'member_count', relationId(doc.room)!, -1)
  return doc
}

/** A new channel's owner is its first member (as owner). */
export const memberCountOnRoomCreate: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !doc.owner) return doc
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`
    insert into room_members (room_id, user_id, role, updated_at, created_at)
    values (${doc.id}, ${relationId(doc.owner)}, 'owner', now(), now())
    on conflict (room_id, user_id) do nothing returning id`)
  if (rows.length) {
    await bump(db, 'rooms', 'member_count', doc.id, 1)
    doc.memberCount = (doc.memberCount ?? 0) + 1
  }
  return doc
}

/** Posts carry their room's visibility; when the room's changes, so do theirs (drafts' versions too). */
export const roomVisibilityToPosts: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || !previousDoc || previousDoc.visibility === doc.visibility) return doc
  const db = await sqlFor(req)
  await db.execute(sql`update posts set room_visibility = ${doc.visibility} where room_id = ${doc.id}`)
  await db.execute(sql`update _posts_v set version_room_visibility = ${doc.visibility} where version_room_id = ${doc.id}`)
  return doc
}

/** A room deleted for good takes its memberships with it; its posts stay, outside any room. */
export const removeMemberships: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await (await sqlFor(req)).execute(sql`delete from room_members where room_id = ${Number(id)}`)
}
