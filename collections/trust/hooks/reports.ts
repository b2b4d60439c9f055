import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type CollectionSlug } from 'payload'

import { query, sql, sqlFor } from '@/db/sql'
import { moderationRules, REPORT_TARGETS, shouldHide, type ReportRules, type ReportTarget } from '@/domain/trust/reportRules'
import { trustFactsOf, trustLevel } from '@/domain/trust/trustLevel'
import { relationId } from '@/lib/relation'

/** Who wrote the target: the author of a post or comment, the sender of a message, the member reported. */
const AUTHOR_FIELD: Record<ReportTarget, string | null> = { posts: 'author', comments: 'author', messages: 'sender', users: null }

/**
 * A new report: the reporter is the signed-in member, the target must be something they can see (and
 * not their own), and one open report per reporter and target. Its weight comes from the reporter's
 * trust level. Deciding a report frees its open slot and records who decided and when.
 */
export const prepareReport: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const user = req.user
  if (operation === 'update') {
    if (originalDoc?.status === 'open' && data.status && data.status !== 'open') {
      data.openSlot = null
      data.resolvedBy = user?.id ?? null
      data.resolvedAt = new Date().toISOString()
    }
    return data
  }
  if (!user || user.collection !== 'users') {
    // Server code (imports, tests) may store a report for a named reporter; the API always has a user.
    if (data.reporter) return { ...data, status: 'open', openSlot: 1 }
    throw new APIError('Sign in first.', 401, null, true)
  }
  const type = data.targetType as ReportTarget
  const id = Number(data.targetId)
  // Malformed input is left to field validation, which answers 400 naming the field.
  if (!(REPORT_TARGETS as readonly string[]).includes(type) || !Number.isSafeInteger(id) || id < 1 || id > 2147483647) return data
  const target = await req.payload
    .findByID({ collection: type as CollectionSlug, id, req, overrideAccess: false, depth: 0, disableErrors: true })
    .catch(() => null)
  if (!target) throw new APIError('There is nothing to report there.', 404, null, true)
  const field = AUTHOR_FIELD[type]
  const author = field ? relationId((target as unknown as Record<string, unknown>)[field]) : id
  if (author !== null && String(author) === String(user.id)) throw new APIError('You cannot report yourself or your own content.', 400, null, true)

  const db = await sqlFor(req)
  const [existing] = await query(db, sql`select 1 from reports where reporter_id = ${user.id} and target_type = ${type} and target_id = ${id} and status = 'open'`)
  if (existing) throw new APIError('You have already reported this; moderators will look at it.', 409, null, true)

  const { trust, reports } = await moderationRules(req.payload, req)
  const facts = await trustFactsOf(db, Number(user.id))
  const level = facts ? trustLevel(facts, trust) : 0
  data.reporter = user.id
  data.targetAuthor = author
  data.status = 'open'
  data.openSlot = 1
  data.reporterTrust = level
  data.weight = reports.weights[level]
  // The same request decides right after whether to hide the target: it reads the rules from here.
  req.context.reportRules = reports
  return data
}

/**
 * Once the open reports on a post or comment weigh enough, from enough members, it is hidden at once,
 * in the report's transaction; its author hears of it as of any moderation decision.
 */
export const hideWhenReportedEnough: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || (doc.targetType !== 'posts' && doc.targetType !== 'comments')) return doc
  const db = await sqlFor(req)
  const [open] = await query<{ score: string | number | null; reporters: number }>(
    db,
    sql`select coalesce(sum(weight), 0) as score, count(distinct reporter_id)::int as reporters
        from reports where target_type = ${doc.targetType} and target_id = ${doc.targetId} and status = 'open'`,
  )
  const reports = (req.context.reportRules as ReportRules | undefined) ?? (await moderationRules(req.payload, req)).reports
  if (!shouldHide(reports, { score: Number(open.score), reporters: open.reporters })) return doc
  const table = doc.targetType === 'posts' ? sql`posts` : sql`comments`
  const [state] = await query<{ moderation: string }>(db, sql`select moderation from ${table} where id = ${doc.targetId} for update`)
  if (state?.moderation !== 'visible') return doc
  await req.payload.update({
    collection: doc.targetType as 'posts' | 'comments',
    id: doc.targetId,
    data: { moderation: 'hidden' },
    req,
    overrideAccess: true,
    context: { automaticModeration: true },
  })
  return doc
}
