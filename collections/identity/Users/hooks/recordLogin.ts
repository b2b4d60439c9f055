import type { CollectionAfterLoginHook } from 'payload'

import { recordSignIn } from '@/domain/engagement/login'

/** Keeps the daily login streak and last-login time (and the day's sign-in points), in the login's transaction. */
export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const signIn = await recordSignIn(req, user.id)
  if (signIn) Object.assign(user, signIn)
  return user
}
