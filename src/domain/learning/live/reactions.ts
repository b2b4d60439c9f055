import type { Payload, PayloadRequest } from 'payload'

import { consume } from '@/rate-limit'
import { RuleError } from '@/lib/ruleError'
import { announce, LIVE_EVENTS, liveTopic } from './realtime'

/** The reactions a live audience can send: shown as floating emoji, never stored. */
export const LIVE_REACTIONS = ['👏', '❤️', '😂', '😮', '💡', '👍'] as const
export type LiveReaction = (typeof LIVE_REACTIONS)[number]

/** Fans a reaction out to the session's streams; a member may send a few per ten seconds (429 beyond). */
export async function sendReaction(payload: Payload, args: { sessionId: number; user: number; emoji: string }, req?: PayloadRequest) {
  if (!(LIVE_REACTIONS as readonly string[]).includes(args.emoji)) throw new RuleError('Choose one of the offered reactions.', 400)
  await consume(payload, 'live-reaction:user', String(args.user), req)
  await announce(payload, liveTopic(args.sessionId), LIVE_EVENTS.reaction, { emoji: args.emoji, userId: args.user })
}
