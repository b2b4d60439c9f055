import type { PayloadRequest } from 'payload'
import { getFieldsToSign, jwtSign } from 'payload'
import { randomUUID } from 'node:crypto'

import { generatePayloadCookie } from 'payload/shared'

import { query, sql } from '@/db/sql'
import { recordSignIn } from '@/domain/engagement/login'
import { recordAudit } from '@/domain/trust/audit'

import { recordSessionStart } from './sessions/activity'

import { beginSecondFactor } from '@plugins/two-factor'

/**
 * Signs a member in after a proof other than the password (a confirmed email code, a social provider):
 * a server-side session like the one Payload's login creates, so logout and "end all sessions" cover
 * it. When the member has two-factor authentication, `twoFactor` says the session is only pending.
 */
export async function startSession(req: PayloadRequest, userId: string | number, how: { method: string; provider?: string } = { method: 'other' }) {
  const { payload } = req
  const collection = payload.collections.users
  const collectionConfig = collection.config
  const user = (await payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as
    | (Record<string, unknown> & { id: string | number; email: string })
    | null
  if (!user) throw new Error('User not found')
  const sid = await addSession(req, Number(user.id), collectionConfig.auth.tokenExpiration)
  if (sid) await recordSessionStart(req, { userId: user.id, sid })
  // Counts for the daily streak like a password login (whose afterLogin hook does the same).
  await recordSignIn(req, user.id)
  await recordAudit(req, { type: 'auth.login', userId: user.id, actorId: null, detail: { ...how } })
  const fieldsToSign = getFieldsToSign({ collectionConfig, email: user.email, sid, user: user as never })
  const { exp, token } = await jwtSign({
    fieldsToSign,
    secret: payload.secret,
    tokenExpiration: collectionConfig.auth.tokenExpiration,
  })
  const cookie = generatePayloadCookie({
    collectionAuthConfig: collectionConfig.auth,
    cookiePrefix: payload.config.cookiePrefix,
    token,
  })
  const twoFactor = await beginSecondFactor(req, token)
  return { token, exp, cookie, twoFactor }
}

/**
 * Appends a session row in one statement. Payload's own helper rewrites the whole session list from
 * a copy read earlier, so two sign-ins of one member at the same instant could drop one of them.
 */
async function addSession(req: PayloadRequest, userId: number, tokenExpiration: number) {
  const sid = randomUUID()
  const now = new Date()
  const expiresAt = new Date(now.getTime() + tokenExpiration * 1000)
  await query(req.payload, sql`delete from users_sessions where _parent_id = ${userId} and expires_at < ${now.toISOString()}`)
  await query(
    req.payload,
    sql`insert into users_sessions (_order, _parent_id, id, created_at, expires_at)
        select coalesce(max(_order), 0) + 1, ${userId}, ${sid}, ${now.toISOString()}, ${expiresAt.toISOString()}
        from users_sessions where _parent_id = ${userId}`,
  )
  return sid
}
