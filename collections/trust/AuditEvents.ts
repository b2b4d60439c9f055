import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { AUDIT_TYPE_OPTIONS } from '@/domain/trust/auditTypes'
import { auditExport } from './auditExport'

/**
 * Security and administration events (sign-ins, password and email changes, role changes, two-factor,
 * verification decisions, exports ...). Written only by the server (recordAudit); nobody can change or
 * remove an entry, through the API or in the database itself (append-only triggers, src/db/auditSchema.ts).
 * Admins read, filter and export them.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  labels: { singular: 'Audit event', plural: 'Audit trail' },
  admin: {
    useAsTitle: 'type',
    defaultColumns: ['createdAt', 'type', 'user', 'actor', 'ip'],
    group: 'Operations',
    pagination: { defaultLimit: 50 },
    components: { beforeListTable: ['/src/components/trust/audit/AuditExport#AuditExport'] },
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  endpoints: [auditExport],
  fields: [
    // A select for the admin's filter; stored as varchar, not an enum (src/db/auditSchema.ts).
    { name: 'type', type: 'select', options: AUDIT_TYPE_OPTIONS, required: true, index: true, admin: { readOnly: true } },
    // Member ids without foreign keys: they outlive the account (src/db/auditSchema.ts).
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, description: 'Whom the event is about' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, description: 'Who did it, when someone else' } },
    { name: 'ip', type: 'text', admin: { readOnly: true } },
    { name: 'userAgent', type: 'text', admin: { readOnly: true } },
    { name: 'detail', type: 'json', admin: { readOnly: true } },
  ],
  timestamps: true,
}
