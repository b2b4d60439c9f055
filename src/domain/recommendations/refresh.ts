import type { Payload, TaskConfig } from 'payload'

import { query, sql, transaction, type Db } from '@/db/sql'
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
    // Millisecond precision, like the column: rows written by this run carry exactly this time.
    const runAt = new Date().toISOString()
    // A background batch may take longer than the statement budget of a web request.
    await tx.execute(sql`set local statement_timeout = '120s'`)
    await upsertPeople(tx, members.map((m) => m.id), runAt)
    await upsertPosts(tx, members, runAt)
    await tx.execute(sql`delete from recommendations
      where member_id = any(${ids}::int[]) and kind in ('person', 'post') and dismissed_at is null and computed_at < ${runAt}`)
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
 * Queues a refresh of one member's suggestions a few seconds from now, unless one is already waiting
 * to start: a burst of follows costs one refresh. The delay matters: callers are often inside the
 * transaction of the change (an activity listener), and the refresh must read the change once it is
 * committed, not race it.
 */
export async function requestRefresh(db: Payload | Db, member: number, delayMs = 3000) {
  // Written with the caller's connection (a follow's transaction), never a second one from the pool:
  // many follows at once would otherwise each wait for a connection while holding their own.
  await query(
    db,
    sql`insert into payload_jobs (task_slug, input, queue, wait_until, total_tried, has_error, processing, created_at, updated_at)
        select ${REFRESH_TASK}, ${JSON.stringify({ member })}::jsonb, 'default', now() + ${`${delayMs} milliseconds`}::interval, 0, false, false, now(), now()
        where not exists (select 1 from payload_jobs where task_slug = ${REFRESH_TASK} and input->>'member' = ${String(member)}
          and completed_at is null and processing = false and coalesce(has_error, false) = false
          and wait_until > now() + interval '500 milliseconds')`,
  )
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
