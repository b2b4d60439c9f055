import type { CollectionAfterLoginHook } from 'payload'
import { decodeJwt } from 'jose'

import { recordSessionStart } from '@/domain/identity/sessions/activity'

/**
 * Records the device and address of the session a password login (or a password reset, which signs
 * the member in too) has just started. The token was signed a moment ago by Payload itself, so its
 * `sid` is read without verifying it again.
 */
export const recordSessionStartHook: CollectionAfterLoginHook = async ({ req, token, user }) => {
  const sid = token ? decodeJwt(token).sid : undefined
  if (typeof sid === 'string' && sid) await recordSessionStart(req, { userId: user.id, sid })
  return user
}
