import type { Payload, PayloadRequest } from 'payload'
import { removeExpiredSessions } from 'payload/shared'

import { deleteSessionActivity, findSessionActivity } from './activity'
import { describeDevice } from './device'
import type { SessionView } from './types'

type StoredSession = { id: string; createdAt?: string | Date | null; expiresAt: string | Date }
/** The signed-in user as Payload's auth strategies put it on the request. */
export type SessionOwner = { id: string | number; sessions?: StoredSession[] | null; _sid?: string }

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null)

/** The member's stored sessions, read fresh from the database. */
async function storedSessions(payload: Payload, userId: string | number, req?: PayloadRequest) {
  const row = (await payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as {
    sessions?: StoredSession[] | null
  } | null
  return row ? (row.sessions ?? []) : null
}

/**
 * The member's live sessions, most recently used first, the one making this request flagged
 * `current`. Which sessions are alive comes from the user's `sessions` array (what Payload checks on
 * every request): a session waiting for its second factor is not in it, and expired ones are left out.
 */
export async function listSessions(payload: Payload, user: SessionOwner, req?: PayloadRequest): Promise<SessionView[]> {
  const sessions = Array.isArray(user.sessions) ? user.sessions : ((await storedSessions(payload, user.id, req)) ?? [])
  const now = Date.now()
  const live = sessions.filter((s) => new Date(s.expiresAt).getTime() > now)
  const activity = await findSessionActivity(
    payload,
    user.id,
    live.map((s) => s.id),
    req,
  )
  const views = live.map((s): SessionView => {
    const meta = activity.get(s.id)
    const current = Boolean(user._sid) && s.id === user._sid
    const device = describeDevice(meta?.userAgent)
    return {
      id: s.id,
      current,
      device: device.label,
      browser: device.browser,
      os: device.os,
      mobile: device.mobile,
      userAgent: meta?.userAgent ?? null,
      ip: meta?.ip ?? null,
      createdAt: iso(s.createdAt) ?? iso(meta?.createdAt) ?? new Date(now).toISOString(),
      // The current session is in use right now, whatever the last throttled write says.
      lastSeenAt: current ? new Date(now).toISOString() : iso(meta?.lastSeenAt),
      expiresAt: iso(s.expiresAt)!,
    }
  })
  const time = (v: string | null) => (v ? new Date(v).getTime() : 0)
  return views.sort((a, b) => time(b.lastSeenAt) - time(a.lastSeenAt) || time(b.createdAt) - time(a.createdAt))
}

/**
 * Ends sessions of one member the way Payload's logout does: their sids leave the user's `sessions`
 * array, so their tokens stop authenticating at once (REST, GraphQL, admin, refresh). Expired entries
 * are dropped on the way. Only the `sessions` array is written, so a concurrent change to any other
 * field of the member is not overwritten. Returns the sids that were ended.
 */
async function endSessions(req: PayloadRequest, userId: string | number, shouldEnd: (sid: string) => boolean) {
  const { payload } = req
  const sessions = await storedSessions(payload, userId, req)
  if (!sessions) return []
  const now = Date.now()
  const removed = sessions.filter((s) => shouldEnd(s.id))
  const ended = removed.filter((s) => new Date(s.expiresAt).getTime() > now).map((s) => s.id)
  if (!ended.length) return []
  const kept = removeExpiredSessions(sessions.filter((s) => !shouldEnd(s.id)) as never) as unknown as StoredSession[]
  await payload.db.updateOne({
    collection: 'users',
    id: userId,
    data: { sessions: kept.map((s) => ({ id: s.id, createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })) },
    req,
    returning: false,
  })
  await deleteSessionActivity(req, userId, removed.map((s) => s.id))
  return ended
}

/** Ends one session of the member; false when the member has no such session. */
export async function revokeSession(req: PayloadRequest, userId: string | number, sid: string) {
  return (await endSessions(req, userId, (id) => id === sid)).length > 0
}

/** Ends every session of the member except `keepSid`; returns how many were ended. */
export async function revokeOtherSessions(req: PayloadRequest, userId: string | number, keepSid: string) {
  return (await endSessions(req, userId, (id) => id !== keepSid)).length
}
