import type { Payload } from 'payload'

import type { Db } from '@/db/sql'
import { publish } from '@/realtime/hub'

/** The hub topic of a live session's stream. */
export const liveTopic = (sessionId: number) => `live:${sessionId}`

/** Event types on a live session's stream (GET /api/live-sessions/:id/stream). */
export const LIVE_EVENTS = {
  question: 'live.question',
  questionVotes: 'live.question.votes',
  questionRemoved: 'live.question.removed',
  poll: 'live.poll',
  pollResults: 'live.poll.results',
  reaction: 'live.reaction',
  seats: 'live.seats',
  session: 'live.session',
  attendance: 'live.attendance',
} as const

/** Announces to everyone following a topic; call it with the transaction that makes the change. */
export async function announce(db: Payload | Db, topic: string, type: string, data: Record<string, unknown>) {
  await publish(db, { type, data, users: [], topic })
}
