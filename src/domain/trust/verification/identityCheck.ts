import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { query, sql } from '@/db/sql'
import { recordAudit } from '@/domain/trust/audit'
import { autoApproveClear, identityCheckProvider, WebhookRejected, type IdentityCheckProvider } from './provider'
import { decideVerification, inTransaction } from './rules'

export const IDENTITY_CHECK_TASK = 'identityCheckStart'

/**
 * Sends an open request to the identity-check provider and keeps the provider's reference on it.
 * Safe to run again: a request that already has a reference, or is no longer open, is left alone, and
 * the provider receives an idempotency key per request.
 */
export async function startIdentityCheck(payload: Payload, verification: number, provider: IdentityCheckProvider | null = identityCheckProvider()) {
  if (!provider) return { started: false as const, reason: 'not configured' }
  const [row] = await query<{ id: number; user_id: number; licence_number: string; jurisdiction: string; name: string; email: string | null }>(
    payload,
    sql`select v.id, v.user_id, v.licence_number, v.jurisdiction, u.name, u.email from licence_verifications v join users u on u.id = v.user_id
        where v.id = ${verification} and v.status = 'submitted' and v.provider_check_reference is null`,
  )
  if (!row) return { started: false as const, reason: 'nothing to start' }
  const { reference } = await provider.start({
    id: Number(row.id),
    licenceNumber: row.licence_number,
    jurisdiction: row.jurisdiction,
    member: { id: Number(row.user_id), name: row.name, email: row.email },
  })
  await query(
    payload,
    sql`update licence_verifications set provider_check_provider = ${provider.name}, provider_check_reference = ${reference},
          provider_check_result = 'started', updated_at = now()
        where id = ${verification} and provider_check_reference is null returning id`,
  )
  return { started: true as const, reference }
}

/** The Jobs Queue task queued with each new request when a provider is configured. */
export const identityCheckStartTask: TaskConfig<{ input: { verification: number }; output: { started: boolean } }> = {
  slug: IDENTITY_CHECK_TASK,
  label: 'Start an external identity check',
  inputSchema: [{ name: 'verification', type: 'number', required: true }],
  outputSchema: [{ name: 'started', type: 'checkbox' }],
  retries: 5,
  handler: async ({ input, req }) => {
    const result = await startIdentityCheck(req.payload, Number(input.verification))
    return { output: { started: result.started } }
  },
}

export type WebhookOutcome = { status: number; body: Record<string, unknown> }

/**
 * A delivery from the provider: the signature and timestamp are checked on the raw body, the event id
 * is stored under its unique constraint (a replay finds it and changes nothing), and the result is
 * kept on the request for the reviewer. A `clear` result approves an open request only when
 * IDENTITY_CHECK_AUTO_APPROVE=true; the approval is then recorded without a reviewer.
 */
export async function receiveIdentityCheckWebhook(req: PayloadRequest, rawBody: string, provider: IdentityCheckProvider | null = identityCheckProvider()): Promise<WebhookOutcome> {
  if (!provider) return { status: 404, body: { errors: [{ message: 'Identity checks are not configured.' }] } }
  let event
  try {
    event = provider.verifyWebhook(rawBody, req.headers)
  } catch (err) {
    if (err instanceof WebhookRejected) return { status: 400, body: { errors: [{ message: err.message }] } }
    throw err
  }
  return inTransaction(req, async (db) => {
    const [stored] = await query<{ id: number }>(
      db,
      sql`insert into identity_check_events (provider, event_id, type, result, updated_at, created_at)
          values (${provider.name}, ${event.id}, ${event.type}, ${event.result}, now(), now())
          on conflict (event_id) do nothing returning id`,
    )
    if (!stored) return { status: 200, body: { received: true, duplicate: true } }
    const [row] = await query<{ id: number; status: string; user_id: number }>(
      db,
      sql`select id, status, user_id from licence_verifications where provider_check_reference = ${event.reference} for update`,
    )
    if (!row) return { status: 200, body: { received: true, matched: false } }
    const id = Number(row.id)
    await query(db, sql`update identity_check_events set verification_id = ${id} where id = ${stored.id} returning id`)
    if (!event.result) return { status: 200, body: { received: true, matched: true } }
    await query(
      db,
      sql`update licence_verifications set provider_check_result = ${event.result}, provider_check_checked_at = now(), updated_at = now()
          where id = ${id} returning id`,
    )
    await recordAudit(req, { type: 'verification.checked', userId: Number(row.user_id), actorId: null, detail: { verification: id, provider: provider.name, result: event.result, event: event.id } })
    let approved = false
    if (event.result === 'clear' && row.status === 'submitted' && autoApproveClear()) {
      await decideVerification(req, null, id, { decision: 'approved' })
      approved = true
    }
    return { status: 200, body: { received: true, matched: true, result: event.result, approved } }
  })
}
