import { hmac, safeEqual } from '@/lib/crypto'
import type { CheckStatus } from './types'

/**
 * An external identity check (a KYC provider) that looks at a licence request and reports back by
 * webhook. Rounds works without one: reviewers decide alone. With one configured, each new request is
 * sent to it and its result is shown to the reviewer; a `clear` result approves the request by itself
 * only when IDENTITY_CHECK_AUTO_APPROVE=true.
 */
export type CheckSubmission = {
  id: number
  licenceNumber: string
  jurisdiction: string
  member: { id: number; name: string; email?: string | null }
  documentUrl?: string | null
}

export type IdentityCheckEvent = {
  /** The provider's event id: unique, what makes a replayed delivery harmless. */
  id: string
  type: string
  /** The provider's reference of the check (what `start` returned). */
  reference: string
  result: Exclude<CheckStatus, 'started'> | null
}

export interface IdentityCheckProvider {
  name: string
  start(submission: CheckSubmission): Promise<{ reference: string }>
  /** The event of a delivery whose signature holds; throws WebhookRejected otherwise. */
  verifyWebhook(rawBody: string, headers: Headers, now?: number): IdentityCheckEvent
}

/** A delivery that is not the provider's, or too old to trust: answered 400, nothing stored. */
export class WebhookRejected extends Error {}

/** How far a webhook's timestamp may be from our clock (Stripe's default). */
export const WEBHOOK_TOLERANCE_SECONDS = 300
export const SIGNATURE_HEADER = 'identity-check-signature'

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as the provider (and tests) sign. */
export function signWebhook(rawBody: string, secret: string, at = Math.floor(Date.now() / 1000)): string {
  return `t=${at},v1=${hmac(`${at}.${rawBody}`, secret)}`
}

const RESULTS: Record<string, IdentityCheckEvent['result']> = { clear: 'clear', consider: 'consider', rejected: 'rejected', error: 'error' }

/**
 * A provider speaking the common KYC style of HTTP: `POST <url>` with a bearer API key and a JSON
 * body, answering `{ id }`; webhooks signed like Stripe's over the raw body, with a timestamp.
 */
export class HttpIdentityCheckProvider implements IdentityCheckProvider {
  readonly name: string
  constructor(private readonly opts: { url: string; apiKey: string; webhookSecret: string; name?: string; timeoutMs?: number }) {
    this.name = opts.name ?? 'http'
  }

  async start(submission: CheckSubmission): Promise<{ reference: string }> {
    const res = await fetch(this.opts.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.opts.apiKey}`, 'Content-Type': 'application/json', 'Idempotency-Key': `licence-verification-${submission.id}` },
      body: JSON.stringify({
        external_id: `licence-verification:${submission.id}`,
        applicant: { id: String(submission.member.id), name: submission.member.name, email: submission.member.email ?? undefined },
        document: { type: 'medical_licence', number: submission.licenceNumber, jurisdiction: submission.jurisdiction, url: submission.documentUrl ?? undefined },
      }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    })
    if (!res.ok) throw new Error(`The identity check provider answered ${res.status}.`)
    const body = (await res.json().catch(() => null)) as { id?: unknown } | null
    if (!body || typeof body.id !== 'string' || !body.id || body.id.length > 200) throw new Error('The identity check provider gave no check id.')
    return { reference: body.id }
  }

  verifyWebhook(rawBody: string, headers: Headers, now = Date.now()): IdentityCheckEvent {
    const header = headers.get(SIGNATURE_HEADER) ?? ''
    const parts = new Map<string, string[]>()
    for (const piece of header.split(',')) {
      const [k, v] = piece.split('=', 2).map((s) => s?.trim())
      if (k && v) parts.set(k, [...(parts.get(k) ?? []), v])
    }
    const t = Number(parts.get('t')?.[0])
    if (!Number.isSafeInteger(t)) throw new WebhookRejected('The signature header is missing or malformed.')
    if (Math.abs(now / 1000 - t) > WEBHOOK_TOLERANCE_SECONDS) throw new WebhookRejected('The webhook timestamp is outside the tolerance.')
    const expected = hmac(`${t}.${rawBody}`, this.opts.webhookSecret)
    if (!(parts.get('v1') ?? []).some((sig) => safeEqual(sig, expected))) throw new WebhookRejected('The webhook signature does not match.')
    let body: { id?: unknown; type?: unknown; data?: { id?: unknown; result?: unknown } }
    try {
      body = JSON.parse(rawBody)
    } catch {
      throw new WebhookRejected('The webhook body is not JSON.')
    }
    const id = body?.id
    const reference = body?.data?.id
    if (typeof id !== 'string' || !id || id.length > 200 || typeof reference !== 'string' || !reference) {
      throw new WebhookRejected('The webhook event has no id or check reference.')
    }
    const result = typeof body.data?.result === 'string' ? (RESULTS[body.data.result] ?? null) : null
    return { id, type: typeof body.type === 'string' ? body.type.slice(0, 100) : 'check.completed', reference, result }
  }
}

/** The configured provider, or null when the feature is off (IDENTITY_CHECK_URL unset). Read per call. */
export function identityCheckProvider(): IdentityCheckProvider | null {
  const url = process.env.IDENTITY_CHECK_URL
  const apiKey = process.env.IDENTITY_CHECK_API_KEY
  const webhookSecret = process.env.IDENTITY_CHECK_WEBHOOK_SECRET
  if (!url || !apiKey || !webhookSecret) return null
  return new HttpIdentityCheckProvider({ url, apiKey, webhookSecret, name: process.env.IDENTITY_CHECK_PROVIDER_NAME || 'identity-check' })
}

export const autoApproveClear = () => process.env.IDENTITY_CHECK_AUTO_APPROVE === 'true'
