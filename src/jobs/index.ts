import type { Config } from 'payload'

import { isAdmin } from '@/access'
import { liveRemindersTask } from '@/domain/learning/live/reminders'
import { notificationDigestTask } from '@/domain/notifications/digest'
import { refreshRecommendationsTask } from '@/domain/recommendations/refresh'
import { identityCheckStartTask } from '@/domain/trust/verification/identityCheck'
import { verificationExpiryTask } from '@/domain/trust/verification/expiry'

/**
 * Payload's Jobs Queue (scheduled publishing today; reminders, emails and webhooks later). By default
 * the app process runs due jobs itself every JOBS_CRON (6-field cron, seconds first); set
 * JOBS_AUTORUN=false on app instances when separate workers run `payload jobs:run`.
 * Only administrators may trigger runs over HTTP (/api/payload-jobs/run); Payload would let any member.
 */
export function jobs(): NonNullable<Config['jobs']> {
  const autoRun = process.env.JOBS_AUTORUN !== 'false'
  return {
    access: { run: isAdmin as never, queue: isAdmin as never, cancel: isAdmin as never },
    deleteJobOnComplete: true,
    ...(autoRun ? { autoRun: [{ cron: process.env.JOBS_CRON || '*/5 * * * * *', queue: 'default', limit: 20, silent: true }] } : {}),
    tasks: [refreshRecommendationsTask, notificationDigestTask, liveRemindersTask, verificationExpiryTask, identityCheckStartTask],
  }
}
