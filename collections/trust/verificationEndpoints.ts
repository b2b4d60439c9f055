import type { Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import { z } from 'zod'

import { identityCheckProvider } from '@/domain/trust/verification/provider'
import { IDENTITY_CHECK_TASK, receiveIdentityCheckWebhook } from '@/domain/trust/verification/identityCheck'
import { isReviewer } from '@/domain/trust/verification/access'
import { decideVerification, revokeVerification, submitVerification, withdrawVerification } from '@/domain/trust/verification/rules'
import { error, json, readBody } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { memberHandler, memberOperation, routeId } from '../social/endpoints/shared'

const TAG = 'licence verification'

const text = (max: number) => z.string().trim().min(1).max(max)
export const SubmitFields = z.strictObject({ licenceNumber: text(64), jurisdiction: text(120) })
const ApproveBody = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional() })
const ReasonBody = z.strictObject({ reason: z.string().trim().min(3, 'Give a reason of at least 3 characters.').max(1000) })

const reviewersOnly = (req: PayloadRequest) => error(req, 403, 'Only moderators and administrators review licence verifications.')

const submit: Endpoint = {
  path: '/submit',
  method: 'post',
  custom: memberOperation({
    summary: 'Ask for your licence to be verified',
    description:
      'multipart/form-data: `file` (PDF, JPEG or PNG, at most 10 MB; the type is read from the bytes) and `_payload`, a JSON string `{ licenceNumber, jurisdiction }`. One open request per member; your verification status becomes `pending`.',
    tag: TAG,
    idParam: false,
    responses: {
      201: { description: 'The request, status `submitted`' },
      400: { description: 'Missing or invalid licence number, jurisdiction or document' },
      409: { description: 'You already have an open request, or you are verified' },
      413: { description: 'The document is larger than 10 MB' },
      415: { description: 'The document is not a PDF, JPEG or PNG' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    try {
      await addDataAndFileToRequest(req)
    } catch (err) {
      const message = err instanceof Error ? err.message : ''
      return /limit|large|size/i.test(message) ? error(req, 413, 'The document is larger than 10 MB.') : error(req, 400, 'Send the form as multipart/form-data.')
    }
    const parsed = SubmitFields.safeParse(req.data ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return error(req, 400, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`, { field: issue?.path.join('.') })
    }
    const file = req.file as { data: Buffer; mimetype: string; name: string; size: number } | undefined
    const submission = await submitVerification(req, me.id, { ...parsed.data, file })
    if (identityCheckProvider()) {
      // After the commit: the request exists for the worker that starts the check.
      await req.payload.jobs.queue({ task: IDENTITY_CHECK_TASK as never, input: { verification: submission.id } as never })
    }
    return json(req, { doc: submission }, 201)
  }),
}

const withdraw: Endpoint = {
  path: '/:id/withdraw',
  method: 'post',
  custom: memberOperation({
    summary: 'Withdraw your open verification request',
    tag: TAG,
    responses: { 200: { description: '`{ id, status: "withdrawn" }`' }, 404: { description: 'Not your request' }, 409: { description: 'Already decided' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return error(req, 404, 'Verification request not found.')
    return json(req, await withdrawVerification(req, me.id, id))
  }),
}

const approve: Endpoint = {
  path: '/:id/approve',
  method: 'post',
  custom: memberOperation({
    summary: 'Approve a licence verification request (moderators, admins)',
    description: 'Body `{ expiresAt? }` (ISO date; default one year). The member becomes `verified` until then; audit event `verification.approved`; the member is notified.',
    tag: TAG,
    body: ApproveBody,
    responses: {
      200: { description: '`{ id, status: "approved", user, expiresAt }`' },
      400: { description: 'An expiry in the past or more than ten years away' },
      403: { description: 'Not a moderator or administrator, or your own request' },
      404: { description: 'No such request' },
      409: { description: 'The request is no longer open' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    if (!isReviewer(me)) return reviewersOnly(req)
    const id = routeId(req)
    if (!id) return error(req, 404, 'Verification request not found.')
    const body = await readBody(req, ApproveBody)
    if (body.response) return body.response
    const expiresAt = body.data.expiresAt ? new Date(body.data.expiresAt) : null
    if (expiresAt && Number.isNaN(expiresAt.getTime())) return error(req, 400, 'expiresAt: not a date.')
    return json(req, await decideVerification(req, me.id, id, { decision: 'approved', expiresAt }))
  }),
}

const reject: Endpoint = {
  path: '/:id/reject',
  method: 'post',
  custom: memberOperation({
    summary: 'Reject a licence verification request (moderators, admins)',
    description: 'Body `{ reason }` (required, shown to the member). The member becomes `rejected`; audit event `verification.rejected`; the member is notified.',
    tag: TAG,
    body: ReasonBody,
    responses: {
      200: { description: '`{ id, status: "rejected", user }`' },
      400: { description: 'No reason given' },
      403: { description: 'Not a moderator or administrator, or your own request' },
      404: { description: 'No such request' },
      409: { description: 'The request is no longer open' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    if (!isReviewer(me)) return reviewersOnly(req)
    const id = routeId(req)
    if (!id) return error(req, 404, 'Verification request not found.')
    const body = await readBody(req, ReasonBody)
    if (body.response) return body.response
    return json(req, await decideVerification(req, me.id, id, { decision: 'rejected', reason: body.data.reason }))
  }),
}

const webhook: Endpoint = {
  path: '/webhook',
  method: 'post',
  custom: {
    openapi: {
      summary: 'Identity-check provider webhook',
      description:
        'Signed by the provider: header `Identity-Check-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the shared secret, within 300 s. Body `{ id, type, data: { id: <check reference>, result: clear|consider|rejected } }`. A replayed event id changes nothing.',
      tags: [TAG],
      responses: { 200: { description: 'Received (or a duplicate)' }, 400: { description: 'Bad signature, old timestamp or malformed event' }, 404: { description: 'Identity checks are not configured' } },
    },
  },
  handler: async (req) => {
    const raw = req.text ? await req.text() : ''
    if (raw.length > 64 * 1024) return error(req, 413, 'The webhook body is too large.')
    try {
      const outcome = await receiveIdentityCheckWebhook(req, raw)
      return json(req, outcome.body, outcome.status)
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  },
}

export const verificationEndpoints: Endpoint[] = [submit, webhook, withdraw, approve, reject]

/** POST /api/users/:id/revoke-verification `{ reason }`: on the users collection. */
export const revokeVerificationEndpoint: Endpoint = {
  path: '/:id/revoke-verification',
  method: 'post',
  custom: memberOperation({
    summary: "Revoke a member's verified status (moderators, admins)",
    description: 'Body `{ reason }` (required). The member becomes `revoked`; audit event `verification.revoked`; the member is notified.',
    tag: TAG,
    body: ReasonBody,
    responses: {
      200: { description: '`{ id, verificationStatus: "revoked" }`' },
      400: { description: 'No reason given' },
      403: { description: 'Not a moderator or administrator' },
      404: { description: 'No such member' },
      409: { description: 'The member is not verified' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    if (!isReviewer(me)) return reviewersOnly(req)
    const id = routeId(req)
    if (!id) return error(req, 404, 'Member not found.')
    const body = await readBody(req, ReasonBody)
    if (body.response) return body.response
    return json(req, await revokeVerification(req, me.id, id, body.data.reason))
  }),
}
