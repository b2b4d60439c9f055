import type { Payload, PayloadRequest } from 'payload'

import { isStaffUser } from '@/access/roles'
import { consume } from '@/rate-limit'
import { RuleError } from '@/lib/ruleError'

/** Participants of a conversation, the starter included. */
export const GROUP_LIMIT = 10

export type Sender = { id: number; verificationStatus?: string | null; roles?: string[] | null }

export class MessagingError extends RuleError {}

/**
 * Trust decides how freely a member may message. Verified doctors (and staff) are trusted; everyone
 * else is new: a lower sending rate, and they may only start conversations with members who follow
 * them, so an unverified account cannot cold-message the network.
 */
export const isTrusted = (user: Sender) => user.verificationStatus === 'verified' || isStaffUser(user)

export async function spendSend(payload: Payload, user: Sender, req?: PayloadRequest) {
  await consume(payload, isTrusted(user) ? 'message-send:trusted' : 'message-send:new', String(user.id), req)
}

export async function spendStart(payload: Payload, user: Sender, req?: PayloadRequest) {
  await consume(payload, isTrusted(user) ? 'conversation-start:trusted' : 'conversation-start:new', String(user.id), req)
}
