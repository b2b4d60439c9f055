import type { Payload } from 'payload'

import { sql, transaction } from '@/db/sql'
import { bump } from './db'

/** Adds the member to the room once; memberCount grows only when a row was really added. */
export async function joinRoom(payload: Payload, roomId: number, userId: number): Promise<{ joined: boolean; role: string }> {
  return transaction(payload, async (tx) => {
    const { rows } = await tx.execute(sql`
      insert into room_members (room_id, user_id, role, updated_at, created_at)
      values (${roomId}, ${userId}, 'member', now(), now())
      on conflict (room_id, user_id) do nothing returning role`)
    if (rows.length) {
      await bump(tx, 'rooms', 'member_count', roomId, 1)
      return { joined: true, role: 'member' }
    }
    const existing = await tx.execute(sql`select role from room_members where room_id = ${roomId} and user_id = ${userId}`)
    return { joined: false, role: String(existing.rows[0]?.role ?? 'member') }
  })
}

export type LeaveResult = 'left' | 'not-a-member' | 'owner'

/** Removes the membership; the owner of a room cannot leave it (staff hand it over first). */
export async function leaveRoom(payload: Payload, roomId: number, userId: number): Promise<LeaveResult> {
  return transaction(payload, async (tx) => {
    const { rows } = await tx.execute(sql`
      delete from room_members where room_id = ${roomId} and user_id = ${userId} and role <> 'owner' returning id`)
    if (rows.length) {
      await bump(tx, 'rooms', 'member_count', roomId, -1)
      return 'left'
    }
    const owner = await tx.execute(sql`select 1 from room_members where room_id = ${roomId} and user_id = ${userId}`)
    return owner.rows.length ? 'owner' : 'not-a-member'
  })
}

export async function membershipRole(payload: Payload, roomId: number | string, userId: number | string): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'room-members',
    where: { and: [{ room: { equals: roomId } }, { user: { equals: userId } }] },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { role: true },
  })
  return (docs[0] as { role?: string } | undefined)?.role ?? null
}
