import type { PayloadRequest } from 'payload'

import { clientIp } from '@/rate-limit'
import type { AuditType } from './auditTypes'

export type AuditEntry = {
  /** One of AUDIT_TYPES (src/domain/trust/auditTypes.ts); add new kinds there. */
  type: AuditType | (string & {})
  userId?: number | string | null
  actorId?: number | string | null
  detail?: Record<string, unknown>
}

/**
 * Appends an entry to the audit trail (straight to the database: no hooks, no access rules), in the
 * request's transaction when it has one. The table only ever grows: the database refuses changes.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry) {
  const actor = entry.actorId ?? (req.user?.collection === 'users' ? req.user.id : null)
  await req.payload.db.create({
    collection: 'audit-events',
    data: {
      type: entry.type,
      user: entry.userId ?? null,
      actor: actor !== null && String(actor) !== String(entry.userId) ? actor : null,
      ip: clientIp(req),
      userAgent: req.headers.get('user-agent')?.slice(0, 300) ?? null,
      detail: entry.detail ?? null,
    },
    req,
  })
}
