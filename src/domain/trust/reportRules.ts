import type { Payload, PayloadRequest } from 'payload'

import { DEFAULT_TRUST_RULES, type TrustLevel, type TrustRules } from './trustLevel'

export const REPORT_REASONS = ['spam', 'misinformation', 'patient-privacy', 'harassment', 'undisclosed-promotion', 'other'] as const
export const REPORT_TARGETS = ['posts', 'comments', 'messages', 'users'] as const
export const REPORT_STATUSES = ['open', 'dismissed', 'actioned'] as const
export type ReportTarget = (typeof REPORT_TARGETS)[number]

export type ReportRules = { hideScore: number; minReporters: number; weights: Record<TrustLevel, number> }

/**
 * Three reports from established members hide a post, as in Discourse; a new account's report counts
 * half, so a handful of fresh accounts cannot take content down, and a moderator's counts most.
 */
export const DEFAULT_REPORT_RULES: ReportRules = { hideScore: 3, minReporters: 2, weights: { 0: 0.5, 1: 1, 2: 1, 3: 1.5, 4: 3 } }

type Stored = {
  reports?: { hideScore?: number | null; minReporters?: number | null; weights?: Partial<Record<`level${TrustLevel}`, number | null>> | null } | null
  trust?: Partial<Record<'basicMinAgeDays' | 'memberMinAgeDays' | 'memberMinPoints' | 'regularMinAgeDays' | 'regularMinPoints' | 'upheldReportsForNew', number | null>> | null
}

const or = (value: number | null | undefined, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)

/** The moderation settings staff set in the admin, over the defaults. */
export async function moderationRules(payload: Payload, req?: PayloadRequest): Promise<{ reports: ReportRules; trust: TrustRules }> {
  const stored = (await payload.findGlobal({ slug: 'moderation-settings' as never, depth: 0, req, overrideAccess: true }).catch(() => ({}))) as Stored
  const r = stored.reports ?? {}
  const w = r.weights ?? {}
  const t = stored.trust ?? {}
  const d = DEFAULT_REPORT_RULES
  return {
    reports: {
      hideScore: or(r.hideScore, d.hideScore),
      minReporters: or(r.minReporters, d.minReporters),
      weights: { 0: or(w.level0, d.weights[0]), 1: or(w.level1, d.weights[1]), 2: or(w.level2, d.weights[2]), 3: or(w.level3, d.weights[3]), 4: or(w.level4, d.weights[4]) },
    },
    trust: {
      basic: { minAgeDays: or(t.basicMinAgeDays, DEFAULT_TRUST_RULES.basic.minAgeDays) },
      member: { minAgeDays: or(t.memberMinAgeDays, DEFAULT_TRUST_RULES.member.minAgeDays), minPoints: or(t.memberMinPoints, DEFAULT_TRUST_RULES.member.minPoints) },
      regular: { minAgeDays: or(t.regularMinAgeDays, DEFAULT_TRUST_RULES.regular.minAgeDays), minPoints: or(t.regularMinPoints, DEFAULT_TRUST_RULES.regular.minPoints) },
      upheldReportsForNew: or(t.upheldReportsForNew, DEFAULT_TRUST_RULES.upheldReportsForNew),
    },
  }
}

/** Whether the open reports on a target call for hiding it. */
export const shouldHide = (rules: ReportRules, open: { score: number; reporters: number }) =>
  open.reporters >= rules.minReporters && open.score >= rules.hideScore
