import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { levelFor, POINT_RULES, type LevelInfo, type PointReason } from './scoring'

export type EngagementSummary = LevelInfo & { userId: number; loginStreak: number }

/** A confirmed member's points, level (with progress to the next) and login streak: one statement. */
export async function engagementOf(payload: Payload, userId: number, opts: { includeUnconfirmed?: boolean } = {}): Promise<EngagementSummary | null> {
  const [row] = await query<{ points: string | number | null; login_streak: string | number | null; confirmed: boolean | null }>(
    payload,
    sql`select points, login_streak, _verified as confirmed from users where id = ${userId}`,
  )
  if (!row || (!row.confirmed && !opts.includeUnconfirmed)) return null
  return { userId, ...levelFor(Number(row.points ?? 0)), loginStreak: Number(row.login_streak ?? 0) }
}

export type LedgerEntry = { id: number; reason: PointReason; label: string; points: number; counted: boolean; createdAt: string }

/** The member's latest ledger rows, newest first (what their profile page lists). */
export async function recentPoints(payload: Payload, userId: number, limit = 5): Promise<LedgerEntry[]> {
  const rows = await query<{ id: number; reason: PointReason; points: string | number; active: boolean; withheld: boolean; created_at: string | Date }>(
    payload,
    sql`select id, reason, points, active, withheld, created_at from point_events
        where member_id = ${userId} order by created_at desc, id desc limit ${limit}`,
  )
  return rows.map((r) => ({
    id: Number(r.id),
    reason: r.reason,
    label: POINT_RULES[r.reason]?.label ?? r.reason,
    points: Number(r.points),
    counted: r.active && !r.withheld,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}
