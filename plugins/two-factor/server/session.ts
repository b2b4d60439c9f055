import { jwtVerify } from 'jose'
import type { PayloadRequest } from 'payload'
import { parseCookies, removeExpiredSessions } from 'payload/shared'

import { SLUGS, type ResolvedOptions } from './types'

type Session = { id: string; createdAt: string | Date; expiresAt: string | Date }
type UserRow = { id: number | string; sessions?: Session[] | null } & Record<string, unknown>

export type TokenClaims = { token: string; userId: number | string; sid: string; exp: number }

/**
 * The session token of a request, read the way Payload's JWT strategy reads it (header order and the
 * CSRF rule for cookies), and verified. Used for logins that wait for their second factor, whose
 * session Payload itself no longer recognises.
 */
export async function readToken(req: PayloadRequest, o: ResolvedOptions): Promise<TokenClaims | null> {
  const { payload, headers } = req
  let token: string | null = null
  for (const method of payload.config.auth.jwtOrder) {
    const auth = headers.get('Authorization')
    if (method === 'JWT' && auth?.startsWith('JWT ')) token = auth.slice(4)
    else if (method === 'Bearer' && auth?.startsWith('Bearer ')) token = auth.slice(7)
    else if (method === 'cookie') {
      const cookie = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)
      if (cookie && cookieAllowed(req)) token = cookie
    }
    if (token) break
  }
  if (!token) return null
  return verifyToken(req, o, token)
}

export async function verifyToken(req: PayloadRequest, o: ResolvedOptions, token: string): Promise<TokenClaims | null> {
  try {
    const { payload: claims } = await jwtVerify(token, new TextEncoder().encode(req.payload.secret))
    if (claims.collection !== o.collection || typeof claims.sid !== 'string') return null
    if (typeof claims.id !== 'string' && typeof claims.id !== 'number') return null
    return { token, userId: claims.id, sid: claims.sid, exp: claims.exp ?? Math.floor(Date.now() / 1000) + 7200 }
  } catch {
    return null
  }
}

function cookieAllowed(req: PayloadRequest) {
  const { csrf } = req.payload.config
  const origin = req.headers.get('Origin')
  if (origin) return csrf.length === 0 || csrf.includes(origin)
  if (csrf.length === 0) return true
  const site = req.headers.get('Sec-Fetch-Site')
  return site === 'same-origin' || site === 'same-site' || site === 'none'
}

export async function loadUser(req: PayloadRequest, o: ResolvedOptions, userId: number | string) {
  return (await req.payload.db.findOne({ collection: o.collection, where: { id: { equals: userId } }, req })) as UserRow | null
}

async function saveSessions(req: PayloadRequest, o: ResolvedOptions, userId: number | string, sessions: Session[]) {
  // updatedAt: null keeps the document's modification time (Payload does the same for sessions).
  await req.payload.db.updateOne({ collection: o.collection, id: userId, data: { sessions, updatedAt: null }, req, returning: false })
}

/** Takes a session out of the user's list: from now on Payload treats its token as signed out. */
export async function suspendSession(req: PayloadRequest, o: ResolvedOptions, user: UserRow, sid: string) {
  const sessions = user.sessions ?? []
  const session = sessions.find((s) => s.id === sid)
  if (!session) return null
  await saveSessions(req, o, user.id, sessions.filter((s) => s.id !== sid))
  return session
}

/** Puts a suspended session back: the token the client already holds starts working. */
export async function resumeSession(req: PayloadRequest, o: ResolvedOptions, challenge: Challenge) {
  const user = await loadUser(req, o, challenge.userId)
  if (!user) return
  const sessions = removeExpiredSessions((user.sessions ?? []) as never) as Session[]
  if (!sessions.some((s) => s.id === challenge.sid)) {
    sessions.push({ id: challenge.sid, createdAt: challenge.sessionCreatedAt, expiresAt: challenge.sessionExpiresAt })
  }
  await saveSessions(req, o, user.id, sessions)
}

export type Challenge = {
  id: number | string
  sid: string
  userId: number | string
  purpose: 'verify' | 'enroll'
  sessionCreatedAt: string
  sessionExpiresAt: string
  expiresAt: string
  attempts: number
}

export async function findChallenge(req: PayloadRequest, sid: string): Promise<Challenge | null> {
  const doc = (await req.payload.db.findOne({ collection: SLUGS.challenges, where: { sid: { equals: sid } }, req })) as
    | (Omit<Challenge, 'userId'> & { user: number | string | { id: number | string } })
    | null
  if (!doc) return null
  if (new Date(doc.expiresAt) <= new Date()) {
    await deleteChallenge(req, doc.id)
    return null
  }
  const userId = typeof doc.user === 'object' ? doc.user.id : doc.user
  return { ...doc, userId, attempts: doc.attempts ?? 0 }
}

export async function deleteChallenge(req: PayloadRequest, id: number | string) {
  await req.payload.db.deleteOne({ collection: SLUGS.challenges, where: { id: { equals: id } }, req })
}

/**
 * Who is calling a two-factor endpoint: a complete session (Payload authenticated the request), or a
 * login waiting for its second factor (a valid token whose session is parked in a challenge).
 */
export type Caller =
  | { kind: 'active'; userId: number | string; sid?: string; user: Record<string, unknown> }
  | { kind: 'pending'; userId: number | string; sid: string; challenge: Challenge }

/** The caller when Payload authenticated the request (a complete session or an API key), else null. */
export function activeCaller(req: PayloadRequest, o: ResolvedOptions): Extract<Caller, { kind: 'active' }> | null {
  const user = req.user as (Record<string, unknown> & { id: number | string; collection?: string; _sid?: string }) | null
  return user && user.collection === o.collection ? { kind: 'active', userId: user.id, sid: user._sid, user } : null
}

export async function resolveCaller(req: PayloadRequest, o: ResolvedOptions): Promise<Caller | null> {
  const active = activeCaller(req, o)
  if (active) return active
  const claims = await readToken(req, o)
  if (!claims) return null
  const challenge = await findChallenge(req, claims.sid)
  if (!challenge || String(challenge.userId) !== String(claims.userId)) return null
  return { kind: 'pending', userId: claims.userId, sid: claims.sid, challenge }
}
