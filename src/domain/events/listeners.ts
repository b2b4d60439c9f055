import { awardPoints } from '@/domain/engagement/listener'
import { refreshOnFollow } from '@/domain/recommendations/listener'
import { notifyMembers } from '@/domain/notifications/listener'
import { issueOnCompletion } from '@/domain/learning/certificates/issue'
import type { ActivityListener } from './types'

/**
 * Everything that reacts to network activity, in the order it runs. A static list rather than
 * registration at import time, so every process (route handlers, job workers, tests) has the same set.
 */
export const LISTENERS: ActivityListener[] = [awardPoints, refreshOnFollow, notifyMembers, issueOnCompletion]
