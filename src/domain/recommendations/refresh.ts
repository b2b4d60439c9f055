import type { Payload, TaskConfig } from 'payload'

import { query, sql, transaction } from '@/db/sql'
import { upsertPeople } from './people'
import { upsertPosts } from './posts'

export const REFRESH_TASK = 'refreshRecommendations'
const BATCH = 200

type BatchMember = { id: number; verificationStatus: string | null; tier: string | null }

/**
 * Recomputes the suggestions of a batch of members: each kind is upserted in one statement, then what
 * that run did not produce again is removed (dismissed rows stay, so their targets never come back).
 * One transaction per batch: a failure leaves the previous suggestions in place.
 */
async function refreshBatch(payload: Payload, members: BatchMember[]) {
  if (!members.length) return
  const ids = `{${members.map((m) => m.id).join(',')}}`
  await transaction(payload, async (tx) => {
    await upsertPeople(tx, members.map((m) => m.id))
    await upsertPosts(tx, members)
    // now() is the transaction's start: rows written above carry it, older ones were not produced again.
    await tx.execute(sql`delete from recommendations
      where member_id = any(${ids}::int[]) and kind in ('person', 'post') and dismissed_at is null and computed_at < now()`)
  })
}

const batchAfter = (payload: Payload, after: number, limit: number) =>
  query<BatchMember>(
    payload,
    sql`select id, verification_status as "verificationStatus", tier from users
        where id > ${after} and _verified = true order by id limit ${limit}`,
  )

/**
 * Every confirmed member, BATCH at a time by keyset over user ids, so that the refresh's memory and
 * statement size do not grow with the network. Rows of deleted members (member set to null) go too.
 */
export async function refreshAll(payload: Payload): Promise<{ members: number; batches: number }> {
  let after = 0
  let members = 0
  let batches = 0
  for (;;) {
    const batch = await batchAfter(payload, after, BATCH)
    if (!batch.length) break
    await refreshBatch(payload, batch)
    members += batch.length
    batches++
    after = batch[batch.length - 1].id
  }
  await query(payload, sql`delete from recommendations where member_id is null`)
  return { members, batches }
}

/** One member's suggestions, now (after they follow someone, or when they have none yet). */
export async function refreshMember(payload: Payload, member: number) {
  const batch = await query<BatchMember>(
    payload,
    sql`select id, verification_status as "verificationStatus", tier from users where id = ${member} and _verified = true`,
  )
  await refreshBatch(payload, batch)
}

/**
 * Queues a refresh of one member's suggestions unless one is already waiting, so a burst of follows
 * costs one refresh. Best effort: suggestions are refreshed by the schedule anyway.
 */
export async function requestRefresh(payload: Payload, member: number) {
  try {
    const waiting = await query(
      payload,
      sql`select 1 from payload_jobs where task_slug = ${REFRESH_TASK} and completed_at is null and processing = false
          and input->>'member' = ${String(member)} limit 1`,
    )
    if (!waiting.length) await payload.jobs.queue({ task: REFRESH_TASK as never, input: { member } as never, queue: 'default' })
  } catch (err) {
    payload.logger.warn({ err, msg: `Could not queue a recommendations refresh for member ${member}` })
  }
}

/**
 * The Jobs Queue task: one member when `member` is given, else everyone. Scheduled by Payload every
 * RECOMMENDATIONS_CRON (6 fields, seconds first; default: hourly at minute 15); idempotent, so a
 * retried or doubled run leaves the same result.
 */
export const refreshRecommendationsTask: TaskConfig<{ input: { member?: number | null }; output: { members: number } }> = {
  slug: REFRESH_TASK,
  label: 'Refresh recommendations',
  inputSchema: [{ name: 'member', type: 'number' }],
  outputSchema: [{ name: 'members', type: 'number' }],
  retries: 2,
  schedule: [{ cron: process.env.RECOMMENDATIONS_CRON || '0 15 * * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    if (input?.member) {
      await refreshMember(req.payload, Number(input.member))
      return { output: { members: 1 } }
    }
    const { members, batches } = await refreshAll(req.payload)
    req.payload.logger.info({ msg: `Recommendations refreshed for ${members} members in ${batches} batches` })
    return { output: { members } }
  },
}
