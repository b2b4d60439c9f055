import { twoFactor } from '@plugins/two-factor'

import { isAdmin } from '@/access'
import { hasRole } from '@/access/roles'
import { recordAudit } from '@/domain/trust/audit'
import { clientIp, consume } from '@/rate-limit'

/**
 * Rounds' two-factor policy: required for administrators and moderators (they enroll at their next
 * login), optional for everyone else; attempts are limited per account and per address and every
 * event goes to the audit trail.
 */
export const roundsTwoFactor = () =>
  twoFactor({
    collection: 'users',
    issuer: 'Rounds',
    encryptionKeys: process.env.TWO_FACTOR_KEYS,
    required: (user) => hasRole(user as { roles?: string[] }, 'admin', 'moderator'),
    rememberDeviceDays: 30,
    resetAccess: isAdmin,
    rateLimit: async (req, { userId }) => {
      await consume(req.payload, 'two-factor:ip', clientIp(req), req)
      await consume(req.payload, 'two-factor:account', String(userId), req)
    },
    onEvent: (req, event) => recordAudit(req, { type: event.type, userId: event.userId, detail: event.detail }),
  })
