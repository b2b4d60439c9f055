import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { query, sql, sqlFor, type Db } from '@/db/sql'
import { emitActivity } from '@/domain/events'
import { recordAudit } from '@/domain/trust/audit'
import { RuleError } from '@/lib/ruleError'
import { checkLicenceDocument, type IncomingFile } from './document'
import { DEFAULT_VALIDITY_DAYS, type MemberStatus, type VerificationDecision } from './types'

const DAY = 24 * 3600 * 1000
/** The furthest an approval may reach: licences are renewed within a few years everywhere. */
const MAX_VALIDITY_DAYS = 10 * 366

/** Runs `work` in the request's Payload transaction (started here when none is open), with its connection. */
export async function inTransaction<T>(req: PayloadRequest, work: (db: Db) => Promise<T>): Promise<T> {
  const owner = await initTransaction(req)
  try {
    const result = await work(await sqlFor(req))
    if (owner) await commitTransaction(req)
    return result
  } catch (err) {
    if (owner) await killTransaction(req)
    throw err
  }
}

const tell = (req: PayloadRequest, db: Db, user: number, decision: VerificationDecision, verification: number | null, by: number | null) =>
  emitActivity(req.payload, db, { type: 'verification.decided', user, decision, verification, by })

export type SubmitInput = { licenceNumber: string; jurisdiction: string; file: IncomingFile | null | undefined }

/**
 * A member asks for their licence to be verified. One open request at a time (the member's row is
 * locked, and a partial unique index backs it); the document is checked before anything is stored;
 * the member becomes `pending`. A verified member has nothing to ask until the verification ends.
 */
export async function submitVerification(req: PayloadRequest, member: number, input: SubmitInput, now = new Date()) {
  const file = await checkLicenceDocument(input.file)
  return inTransaction(req, async (db) => {
    const [user] = await query<{ status: MemberStatus }>(db, sql`select verification_status as status from users where id = ${member} for update`)
    if (!user) throw new RuleError('Member not found.', 404)
    if (user.status === 'verified') throw new RuleError('Your licence is already verified.', 409)
    const [open] = await query(db, sql`select id from licence_verifications where user_id = ${member} and status = 'submitted' limit 1`)
    if (open) throw new RuleError('You already have a verification request under review.', 409)

    const document = await req.payload.create({
      collection: 'licence-documents',
      data: { owner: member },
      file,
      overrideAccess: true,
      depth: 0,
      req,
    })
    const submission = await req.payload.create({
      collection: 'licence-verifications',
      data: {
        user: member,
        licenceNumber: input.licenceNumber,
        jurisdiction: input.jurisdiction,
        document: document.id,
        status: 'submitted',
        submittedAt: now.toISOString(),
        previousStatus: user.status,
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
    await query(db, sql`update users set verification_status = 'pending', updated_at = now() where id = ${member} returning id`)
    await recordAudit(req, { type: 'verification.submitted', userId: member, actorId: member, detail: { verification: submission.id } })
    return submission
  })
}

/** The member takes back their open request; their status returns to what it was before it. */
export async function withdrawVerification(req: PayloadRequest, member: number, id: number) {
  return inTransaction(req, async (db) => {
    const row = await lockSubmission(db, id)
    if (!row || row.user_id !== member) throw new RuleError('Verification request not found.', 404)
    if (row.status !== 'submitted') throw new RuleError(`This request is already ${row.status}.`, 409)
    await query(db, sql`update licence_verifications set status = 'withdrawn', decided_at = now(), updated_at = now() where id = ${id} returning id`)
    const back = row.previous_status && row.previous_status !== 'pending' && row.previous_status !== 'verified' ? row.previous_status : 'unverified'
    await query(db, sql`update users set verification_status = ${back}, updated_at = now() where id = ${member} and verification_status = 'pending' returning id`)
    await recordAudit(req, { type: 'verification.withdrawn', userId: member, actorId: member, detail: { verification: id } })
    return { id, status: 'withdrawn' as const }
  })
}

type Locked = { id: number; user_id: number; status: string; licence_number: string; jurisdiction: string; previous_status: string | null }

async function lockSubmission(db: Db, id: number): Promise<Locked | undefined> {
  const [row] = await query<Locked>(
    db,
    sql`select id, user_id, status, licence_number, jurisdiction, previous_status from licence_verifications where id = ${id} for update`,
  )
  return row ? { ...row, id: Number(row.id), user_id: Number(row.user_id) } : undefined
}

export type Decision = { decision: 'approved'; expiresAt?: Date | null } | { decision: 'rejected'; reason: string }

/**
 * A reviewer's decision on an open request, all in one transaction: the request, the member's status
 * (and licence, and `verifiedUntil` on approval), the audit trail and the member's notification.
 * `reviewer` null is an automatic approval (a clear external check, when allowed).
 */
export async function decideVerification(req: PayloadRequest, reviewer: number | null, id: number, input: Decision, now = new Date()) {
  let until: Date | null = null
  if (input.decision === 'approved') {
    until = input.expiresAt ?? new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * DAY)
    if (until.getTime() <= now.getTime()) throw new RuleError('expiresAt: the expiry must be in the future.', 400)
    if (until.getTime() > now.getTime() + MAX_VALIDITY_DAYS * DAY) throw new RuleError('expiresAt: the expiry is more than ten years away.', 400)
  }
  return inTransaction(req, async (db) => {
    const row = await lockSubmission(db, id)
    if (!row) throw new RuleError('Verification request not found.', 404)
    if (reviewer !== null && row.user_id === reviewer) throw new RuleError('You cannot decide on your own verification request.', 403)
    if (row.status !== 'submitted') throw new RuleError(`This request is already ${row.status}.`, 409)
    const at = now.toISOString()
    if (input.decision === 'approved') {
      const expires = until!.toISOString()
      await query(
        db,
        sql`update licence_verifications set status = 'approved', reviewer_id = ${reviewer}, decided_at = ${at}::timestamptz,
              expires_at = ${expires}::timestamptz, reason = null, updated_at = now() where id = ${id} returning id`,
      )
      await query(
        db,
        sql`update users set verification_status = 'verified', verified_until = ${expires}::timestamptz,
              licence_number = ${row.licence_number}, licence_jurisdiction = ${row.jurisdiction}, updated_at = now()
            where id = ${row.user_id} returning id`,
      )
      await recordAudit(req, {
        type: 'verification.approved',
        userId: row.user_id,
        actorId: reviewer,
        detail: { verification: id, expiresAt: expires, ...(reviewer === null ? { automatic: true } : {}) },
      })
    } else {
      await query(
        db,
        sql`update licence_verifications set status = 'rejected', reviewer_id = ${reviewer}, decided_at = ${at}::timestamptz,
              reason = ${input.reason}, updated_at = now() where id = ${id} returning id`,
      )
      await query(db, sql`update users set verification_status = 'rejected', verified_until = null, updated_at = now() where id = ${row.user_id} returning id`)
      await recordAudit(req, { type: 'verification.rejected', userId: row.user_id, actorId: reviewer, detail: { verification: id, reason: input.reason } })
    }
    await tell(req, db, row.user_id, input.decision, id, reviewer)
    return { id, status: input.decision, user: row.user_id, expiresAt: until?.toISOString() ?? null }
  })
}

/** The request that made the member verified, if any (what revocation and expiry notices refer to). */
async function approvedRequest(db: Db, member: number): Promise<number | null> {
  const [row] = await query<{ id: number }>(
    db,
    sql`select id from licence_verifications where user_id = ${member} and status = 'approved' order by decided_at desc nulls last, id desc limit 1`,
  )
  return row ? Number(row.id) : null
}

/** Staff withdraw a member's verified status (a licence struck off, a forged document found later). */
export async function revokeVerification(req: PayloadRequest, reviewer: number, member: number, reason: string) {
  return inTransaction(req, async (db) => {
    const [user] = await query<{ status: string }>(db, sql`select verification_status as status from users where id = ${member} for update`)
    if (!user) throw new RuleError('Member not found.', 404)
    if (member === reviewer) throw new RuleError('You cannot revoke your own verification.', 403)
    if (user.status !== 'verified') throw new RuleError('Only a verified member can have their verification revoked.', 409)
    await query(db, sql`update users set verification_status = 'revoked', verified_until = null, updated_at = now() where id = ${member} returning id`)
    const verification = await approvedRequest(db, member)
    await recordAudit(req, { type: 'verification.revoked', userId: member, actorId: reviewer, detail: { reason, verification } })
    await tell(req, db, member, 'revoked', verification, reviewer)
    return { id: member, verificationStatus: 'revoked' as const }
  })
}

/**
 * Moves every verified member whose `verifiedUntil` has passed to `expired`, one transaction each
 * (audit entry and notification with it). Idempotent: a member already moved is not seen again, and a
 * run that overlaps another finds the row changed under its lock and skips it.
 */
export async function expireVerifications(payload: Payload, now = new Date()): Promise<{ expired: number }> {
  const at = now.toISOString()
  let expired = 0
  let after = 0
  for (;;) {
    const batch = await query<{ id: number }>(
      payload,
      sql`select id from users where verification_status = 'verified' and verified_until < ${at}::timestamptz and id > ${after} order by id limit 100`,
    )
    for (const { id } of batch) {
      const member = Number(id)
      const req = await createLocalReq({}, payload)
      const done = await inTransaction(req, async (db) => {
        const moved = await query(
          db,
          sql`update users set verification_status = 'expired', updated_at = now()
              where id = ${member} and verification_status = 'verified' and verified_until < ${at}::timestamptz returning id`,
        )
        if (!moved.length) return false
        const verification = await approvedRequest(db, member)
        await recordAudit(req, { type: 'verification.expired', userId: member, actorId: null, detail: { verification, at } })
        await tell(req, db, member, 'expired', verification, null)
        return true
      })
      if (done) expired++
    }
    if (batch.length < 100) return { expired }
    after = Number(batch[batch.length - 1].id)
  }
}
