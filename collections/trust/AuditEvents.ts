import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'

/**
 * Security and administration events (logins, two-factor changes, ...). Written only by the server;
 * nobody can change or remove an entry through the API. Admins read and filter them in the admin.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  labels: { singular: 'Audit event', plural: 'Audit trail' },
  admin: { useAsTitle: 'type', defaultColumns: ['createdAt', 'type', 'user', 'ip'], group: 'Operations' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'type', type: 'text', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, admin: { description: 'Whom the event is about' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', admin: { description: 'Who did it, when someone else' } },
    { name: 'ip', type: 'text' },
    { name: 'userAgent', type: 'text' },
    { name: 'detail', type: 'json' },
  ],
  timestamps: true,
}
