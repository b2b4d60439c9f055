import type { PayloadRequest } from 'payload'
import { getFieldsToSign, jwtSign } from 'payload'
import { addSessionToUser, generatePayloadCookie } from 'payload/shared'

import { recordSessionStart } from './sessions/activity'

import { beginSecondFactor } from '@plugins/two-factor'

/**
 * Signs a member in after a proof other than the password (a confirmed email code, a social provider):
 * a server-side session like the one Payload's login creates, so logout and "end all sessions" cover
 * it. When the member has two-factor authentication, `twoFactor` says the session is only pending.
 */
export async function startSession(req: PayloadRequest, userId: string | number) {
  const { payload } = req
  const collection = payload.collections.users
  const collectionConfig = collection.config
  const user = (await payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as
    | (Record<string, unknown> & { id: string | number; email: string })
    | null
  if (!user) throw new Error('User not found')
  const { sid } = await addSessionToUser({ collectionConfig, payload, req, user: user as never })
  if (sid) await recordSessionStart(req, { userId: user.id, sid })
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
