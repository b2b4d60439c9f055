import type { PayloadRequest } from 'payload'

import { trustedDevice } from './devices'
import { loadUser, suspendSession, verifyToken } from './session'
import { findCredential } from './store'
import { SLUGS, type ResolvedOptions } from './types'

export type GateResult = null | { state: 'verify' | 'enroll' }

/**
 * Runs right after a first factor (password, reset link, email code, social login) created a session.
 * When the user has two-factor on, or their role requires it, the session is taken out of the user's
 * session list and parked in a challenge: the token exists but Payload treats it as signed out until
 * the second step (code, or enrollment) is done.
 */
export async function secondFactorGate(req: PayloadRequest, o: ResolvedOptions, token: string): Promise<GateResult> {
  const claims = await verifyToken(req, o, token)
  if (!claims) return null
  const user = await loadUser(req, o, claims.userId)
  if (!user) return null
  const credential = await findCredential(req, user.id)
  const enabled = Boolean(credential?.secret)
  if (!enabled && !o.required(user)) return null
  if (enabled && (await trustedDevice(req, o, user.id))) {
    await o.onEvent?.(req, { type: 'two-factor.device-trusted', userId: user.id })
    return null
  }
  const purpose = enabled ? 'verify' : 'enroll'
  // A session lost to a concurrent write of the session list is parked all the same: the second
  // step then restores it, and the token is never silently treated as complete.
  const session = (await suspendSession(req, o, user, claims.sid)) ?? { createdAt: new Date(), expiresAt: new Date(claims.exp * 1000) }
  await req.payload.db.deleteMany({ collection: SLUGS.challenges, where: { expiresAt: { less_than: new Date().toISOString() } }, req })
  await req.payload.db.create({
    collection: SLUGS.challenges,
    data: {
      sid: claims.sid,
      user: user.id,
      purpose,
      sessionCreatedAt: new Date(session.createdAt).toISOString(),
      sessionExpiresAt: new Date(session.expiresAt).toISOString(),
      expiresAt: new Date(Date.now() + o.pendingMinutes * 60_000).toISOString(),
      attempts: 0,
    },
    req,
  })
  await o.onEvent?.(req, { type: 'two-factor.challenge', userId: user.id, detail: { purpose } })
  return { state: purpose }
}
