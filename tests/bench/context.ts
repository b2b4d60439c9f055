import type pg from 'pg'

import type { RequestSpec } from './load'

export type BenchContext = {
  base: string
  db: pg.Pool
  /** Password shared by every seeded bench account. */
  password: string
  /** A JWT of one seeded member. */
  token: string
  handles: string[]
  userIds: number[]
  emails: string[]
  /** Signed-in members (JWT), each with a conversation of theirs and the cursor of their home feed's second page. */
  members: BenchMember[]
  /** Verified members among them, whose sending limit is the trusted one. */
  senders: BenchMember[]
  /** Published posts any member may read; likable ones are outside voting rooms. */
  postIds: number[]
  likablePostIds: number[]
  /** Rooms any member may read. */
  roomIds: number[]
}

export type BenchMember = { id: number; token: string; conversation: number; homeCursor: string | null }

export type Scenario = {
  name: string
  description: string
  /** Builds the i-th request. */
  next: (ctx: BenchContext, i: number) => RequestSpec
  /** Scenarios whose cost is dominated by deliberate work (password hashing) run shorter. */
  durationMs?: number
  /** The target the quality bar sets for this kind of request. */
  target?: { p95: number }
  /** Runs before the measurement (resets that are not what is measured). */
  before?: (ctx: BenchContext) => Promise<void>
}

export const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length]
