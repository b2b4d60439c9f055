import { isStaffUser } from '@/access/roles'
import { query, sql, type Db } from '@/db/sql'

/**
 * Trust levels, after Discourse's: 0 new, 1 basic, 2 member, 3 regular, 4 leader. They are derived
 * (never stored), from how long the account exists, whether its email and licence are confirmed, what
 * it contributed (engagement points) and what moderators upheld against it.
 */
export type TrustLevel = 0 | 1 | 2 | 3 | 4

export type TrustFacts = {
  createdAt: Date
  emailConfirmed: boolean
  verifiedDoctor: boolean
  points: number
  /** Reports against the member's content that moderators acted on, recently. */
  upheldReports: number
  staff: boolean
}

export type TrustRules = {
  basic: { minAgeDays: number }
  member: { minAgeDays: number; minPoints: number }
  regular: { minAgeDays: number; minPoints: number }
  /** This many upheld reports put a member back to level 0 whatever else they have. */
  upheldReportsForNew: number
}

export const DEFAULT_TRUST_RULES: TrustRules = {
  basic: { minAgeDays: 1 },
  member: { minAgeDays: 15, minPoints: 100 },
  regular: { minAgeDays: 60, minPoints: 500 },
  upheldReportsForNew: 2,
}

const DAY = 86_400_000

export function trustLevel(facts: TrustFacts, rules: TrustRules = DEFAULT_TRUST_RULES, now: Date = new Date()): TrustLevel {
  if (facts.staff) return 4
  if (!facts.emailConfirmed || facts.upheldReports >= rules.upheldReportsForNew) return 0
  const ageDays = (now.getTime() - facts.createdAt.getTime()) / DAY
  // A verified licence is strong evidence of a real doctor: it counts as a member's standing at once.
  if (facts.verifiedDoctor && ageDays >= rules.regular.minAgeDays && facts.points >= rules.regular.minPoints && facts.upheldReports === 0) return 3
  if (facts.verifiedDoctor) return 2
  if (ageDays >= rules.member.minAgeDays && facts.points >= rules.member.minPoints) return 2
  if (ageDays >= rules.basic.minAgeDays) return 1
  return 0
}

/** How long an upheld report counts against its author. */
export const UPHELD_REPORT_WINDOW_DAYS = 180

/** The facts behind a member's trust level, in one statement; null for an unknown member. */
export async function trustFactsOf(db: Db, userId: number): Promise<TrustFacts | null> {
  const [row] = await query<{ created_at: string; verified: boolean | null; verification_status: string; points: string | number | null; roles: string[] | null; upheld: number }>(
    db,
    sql`select u.created_at, u._verified as verified, u.verification_status, u.points,
          (select array_agg(r.value::text) from users_roles r where r.parent_id = u.id) as roles,
          (select count(distinct (r.target_type, r.target_id))::int from reports r
            where r.target_author_id = u.id and r.status = 'actioned'
              and r.resolved_at > now() - make_interval(days => ${UPHELD_REPORT_WINDOW_DAYS})) as upheld
        from users u where u.id = ${userId}`,
  )
  if (!row) return null
  return {
    createdAt: new Date(row.created_at),
    emailConfirmed: row.verified !== false,
    verifiedDoctor: row.verification_status === 'verified',
    points: Number(row.points ?? 0),
    upheldReports: Number(row.upheld),
    staff: isStaffUser({ roles: row.roles ?? [] }),
  }
}
