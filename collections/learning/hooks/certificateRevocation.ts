import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { recordAudit } from '@/domain/trust/audit'
import { relationId } from '@/lib/relation'

/** A 400 shown on the reason field in the admin. */
const invalid = (req: PayloadRequest, message: string) =>
  new ValidationError({ collection: 'certificates', errors: [{ path: 'revokedReason', message }] }, req.t)

type Revocation = { revokedReason?: string | null; revokedAt?: string | null; revokedBy?: unknown }

/**
 * Staff revoke a certificate by giving a reason: the time and who did it are recorded here, not taken
 * from the request. A revoked certificate stays revoked (its reason may be reworded, not removed).
 */
export const recordRevocation: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update') return data
  const before = (originalDoc ?? {}) as Revocation
  const given = data.revokedReason
  const reason = typeof given === 'string' ? given.trim() : given ?? null
  const was = before.revokedReason ?? null
  if (reason === was) return data
  if (!reason) {
    if (before.revokedAt) throw invalid(req, 'A revoked certificate stays revoked: its reason cannot be removed.')
    return { ...data, revokedReason: null }
  }
  if (reason.length < 3) throw invalid(req, 'Give a reason for the revocation (at least 3 characters).')
  if (before.revokedAt) return { ...data, revokedReason: reason }
  return { ...data, revokedReason: reason, revokedAt: new Date().toISOString(), revokedBy: req.user?.collection === 'users' ? req.user.id : null }
}

/** The audit trail keeps every revocation and every change of its reason, in the same transaction. */
export const auditRevocation: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const before = (previousDoc ?? {}) as Revocation
  const after = doc as Revocation & { id: number; code: string; user: unknown; course: unknown }
  if (!after.revokedAt || (before.revokedAt && before.revokedReason === after.revokedReason)) return doc
  await recordAudit(req, {
    type: before.revokedAt ? 'certificate.revocation-reason-changed' : 'certificate.revoked',
    userId: relationId(after.user),
    detail: { certificate: after.id, code: after.code, course: relationId(after.course), reason: after.revokedReason },
  })
  return doc
}
