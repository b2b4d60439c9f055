import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'

/** The outbox: emails kept when no delivery provider is configured, readable by admins. */
export const Emails: CollectionConfig = {
  slug: 'emails',
  labels: { singular: 'Outbox email', plural: 'Outbox' },
  admin: { useAsTitle: 'subject', defaultColumns: ['to', 'subject', 'createdAt'], group: 'Operations' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  defaultSort: '-createdAt',
  fields: [
    { name: 'to', type: 'text', required: true, index: true },
    { name: 'from', type: 'text' },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea' },
    { name: 'html', type: 'code', admin: { language: 'html' } },
  ],
  timestamps: true,
}
