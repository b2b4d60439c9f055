import type { CollectionBeforeOperationHook } from 'payload'

import { clientIp, consume } from '@/rate-limit'

/**
 * Per-IP limits on the auth operations, for REST and GraphQL alike. The per-account login limit is
 * Payload's own lockout (maxLoginAttempts / lockTime), also stored in Postgres.
 */
export const authRateLimits: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const ip = clientIp(req)
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').trim().toLowerCase()
  switch (operation) {
    case 'login':
      await consume(req.payload, 'login:ip', ip, req)
      break
    case 'forgotPassword':
      await consume(req.payload, 'reset:ip', ip, req)
      if (email) await consume(req.payload, 'reset:account', email, req)
      break
    case 'resetPassword':
      await consume(req.payload, 'reset:ip', ip, req)
      break
  }
  return args
}
