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
}

export type Scenario = {
  name: string
  description: string
  /** Builds the i-th request. */
  next: (ctx: BenchContext, i: number) => RequestSpec
  /** Scenarios whose cost is dominated by deliberate work (password hashing) run shorter. */
  durationMs?: number
}

export const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length]
