import type { ActivityListener } from '@/domain/events/types'
import { requestRefresh } from './refresh'

/**
 * Following someone changes who your friends of friends are: that member's suggestions are refreshed
 * soon after (a job queued in the follow's transaction; a refresh for nothing is harmless).
 */
export const refreshOnFollow: ActivityListener = async (event, { db }) => {
  if (event.type === 'follow.created') await requestRefresh(db, event.follower)
}
