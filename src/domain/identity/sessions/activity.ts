import type { Payload, PayloadRequest } from 'payload'

import { clientIp } from '@/rate-limit'

/** Slug of the collection that holds the metadata (collections/identity/SessionActivity.ts). */
export const SESSION_ACTIVITY = 'session-activity'

/**
 * Session metadata: recorded when a session starts, and "last seen" moved forward while it is used.
 *
 * Last seen is written at most once per session per interval. An in-memory map of sid -> last write
 * keeps the request path free of SQL between writes; the UPDATE itself only applies when the stored
 * value is older than the interval, so several app instances together still write about once per
 * interval, and a restarted instance does not rewrite fresh rows.
 */

const DEFAULT_INTERVAL_MS = 5 * 60 * 1000
const MAX_TRACKED = 10_000
const PRUNE_EVERY_MS = 10 * 60 * 1000

let intervalMs = DEFAULT_INTERVAL_MS
const lastWrites = new Map<string, number>()
let lastPrune = 0

/** How often last seen may be written per session (tests shorten it). */
export function lastSeenInterval() {
  return intervalMs
}

export function setLastSeenInterval(ms: number) {
  intervalMs = Math.max(0, ms)
  lastWrites.clear()
}

/**
 * Entries are kept in the order they were written (a rewrite moves its entry to the end), so the
 * oldest come first: past the cap, the front is trimmed of expired entries, then of the oldest live
 * ones (the conditional UPDATE keeps writes rare anyway).
 */
function remember(sid: string, at: number) {
  lastWrites.delete(sid)
  lastWrites.set(sid, at)
  if (lastWrites.size <= MAX_TRACKED) return
  for (const [key, when] of lastWrites) {
    if (lastWrites.size <= MAX_TRACKED && at - when < intervalMs) break
    lastWrites.delete(key)
  }
}

/** How long an unused session can still be alive: the token lifetime, plus the last-seen lag. */
function lifetimeMs(payload: Payload) {
  const seconds = payload.collections.users?.config.auth?.tokenExpiration ?? 2 * 60 * 60
  return seconds * 1000 + intervalMs
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value)

/**
 * Records a session that has just started. Runs inside the sign-in's transaction when there is one
 * (`req`), so a sign-in that fails afterwards leaves no row behind.
 */
export async function recordSessionStart(req: PayloadRequest, args: { userId: string | number; sid: string }) {
  const { payload } = req
  const now = new Date()
  const ip = clientIp(req)
  await payload.create({
    collection: SESSION_ACTIVITY as never,
    data: {
      sid: args.sid,
      user: args.userId,
      userAgent: clip(req.headers?.get('user-agent') ?? '', 512) || null,
      ip: ip === 'unknown' ? null : clip(ip, 64),
      lastSeenAt: now.toISOString(),
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  remember(args.sid, now.getTime())
  await pruneStale(req, now.getTime())
}

/**
 * Deletes rows of sessions that cannot be alive any more: not used for longer than a token lives
 * (a refresh would have been seen), or whose member was deleted. A session that is only waiting for
 * its second factor is younger than that and keeps its row. At most once per 10 minutes per process.
 */
async function pruneStale(req: PayloadRequest, now: number) {
  if (now - lastPrune < PRUNE_EVERY_MS) return
  lastPrune = now
  const cutoff = new Date(now - lifetimeMs(req.payload)).toISOString()
  await req.payload.db.deleteMany({
    collection: SESSION_ACTIVITY as never,
    where: { or: [{ lastSeenAt: { less_than: cutoff } }, { user: { exists: false } }] },
    req,
  })
}

/**
 * Moves last seen forward for a session that just authenticated a request, at most once per
 * interval. Returns null, having done nothing else, while the interval has not passed; otherwise the
 * write, which never throws: a failed write must not turn an authenticated request into an anonymous one.
 */
export function touchSession(payload: Payload, sid: string, at = Date.now()): Promise<void> | null {
  const last = lastWrites.get(sid)
  if (last !== undefined && at - last < intervalMs) return null
  remember(sid, at)
  return writeLastSeen(payload, sid, at)
}

async function writeLastSeen(payload: Payload, sid: string, at: number) {
  try {
    await payload.db.updateOne({
      collection: SESSION_ACTIVITY as never,
      where: { and: [{ sid: { equals: sid } }, { lastSeenAt: { less_than: new Date(at - intervalMs).toISOString() } }] },
      data: { lastSeenAt: new Date(at).toISOString() },
      // One conditional UPDATE statement, no read before it.
      options: { atomic: true },
      returning: false,
    })
  } catch (err) {
    payload.logger.warn({ err, msg: 'Could not record session activity' })
  }
}

/** Deletes the metadata of sessions that were ended. */
export async function deleteSessionActivity(req: PayloadRequest, userId: string | number, sids: string[]) {
  if (!sids.length) return
  for (const sid of sids) lastWrites.delete(sid)
  await req.payload.db.deleteMany({
    collection: SESSION_ACTIVITY as never,
    where: { and: [{ user: { equals: userId } }, { sid: { in: sids } }] },
    req,
  })
}

export type SessionActivityRow = {
  sid: string
  userAgent?: string | null
  ip?: string | null
  lastSeenAt: string
  createdAt: string
}

/** The metadata of the given sessions of one member, by sid. */
export async function findSessionActivity(payload: Payload, userId: string | number, sids: string[], req?: PayloadRequest) {
  const bySid = new Map<string, SessionActivityRow>()
  if (!sids.length) return bySid
  const { docs } = await payload.find({
    collection: SESSION_ACTIVITY as never,
    where: { and: [{ user: { equals: userId } }, { sid: { in: sids } }] },
    select: { sid: true, userAgent: true, ip: true, lastSeenAt: true, createdAt: true } as never,
    depth: 0,
    limit: sids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const doc of docs as unknown as SessionActivityRow[]) bySid.set(doc.sid, doc)
  return bySid
}
