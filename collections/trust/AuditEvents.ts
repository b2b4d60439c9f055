import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { auditExport } from './auditExport'

/**
 * Security and administration events (sign-ins, password and email changes, role changes, two-factor,
 * verification decisions, exports ...). Written only by the server (recordAudit); nobody can change or
 * remove an entry, through the API or in the database itself (append-only triggers, src/db/auditSchema.ts).
 * Admins read, filter and export them (the panel above the list: src/components/trust/audit/AuditExport.tsx).
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
    // Text, not a select: a select is a Postgres enum and a GraphQL enum, so a kind of event added in
    // code before AUDIT_TYPES would fail its insert or its reads. The list's filter panel
    // (AuditExport) offers the known types as a select.
    { name: 'type', type: 'text', required: true, index: true, admin: { readOnly: true } },
    // Member ids without foreign keys: they outlive the account (src/db/auditSchema.ts).
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, description: 'Whom the event is about' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true, description: 'Who did it, when someone else' } },
    { name: 'ip', type: 'text', admin: { readOnly: true } },
    { name: 'userAgent', type: 'text', admin: { readOnly: true } },
    { name: 'detail', type: 'json', admin: { readOnly: true } },
  ],
  timestamps: true,
}
