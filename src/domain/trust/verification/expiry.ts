import type { TaskConfig } from 'payload'

import { expireVerifications } from './rules'

export const VERIFICATION_EXPIRY_TASK = 'verificationExpiry'

/** Daily (VERIFICATION_EXPIRY_CRON, 6 fields, seconds first; default 02:30 UTC): verified members past `verifiedUntil` become `expired`. */
export const verificationExpiryTask: TaskConfig<{ input: object; output: { expired: number } }> = {
  slug: VERIFICATION_EXPIRY_TASK,
  label: 'Expire licence verifications',
  outputSchema: [{ name: 'expired', type: 'number' }],
  retries: 3,
  schedule: [{ cron: process.env.VERIFICATION_EXPIRY_CRON || '0 30 2 * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const result = await expireVerifications(req.payload)
    if (result.expired) req.payload.logger.info({ msg: `Licence verifications: ${result.expired} expired` })
    return { output: result }
  },
}
