import type { CollectionAfterLoginHook } from 'payload'

import { nextStreak } from '@/domain/identity/streak'

/** Keeps the daily login streak and last-login time. */
export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const now = new Date()
  const streak = nextStreak(user.lastLoginAt ? new Date(user.lastLoginAt) : null, user.loginStreak ?? 0, now)
  await req.payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: { lastLoginAt: now.toISOString(), loginStreak: streak },
    req,
  })
  user.loginStreak = streak
  user.lastLoginAt = now.toISOString()
  return user
}
