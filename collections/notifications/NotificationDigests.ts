import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'

/**
 * The daily email digests sent, one per member and UTC day: the unique pair is what makes the digest
 * job safe to retry or run twice. The latest `sentAt` is where the member's next digest starts.
 */
export const NotificationDigests: CollectionConfig = {
  slug: 'notification-digests',
  labels: { singular: 'Notification digest', plural: 'Notification digests' },
  admin: { defaultColumns: ['member', 'day', 'items', 'sentAt'], group: 'Operations' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['member', 'day'], unique: true }],
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'day', type: 'text', required: true, maxLength: 10, admin: { description: 'YYYY-MM-DD (UTC)' } },
    { name: 'items', type: 'number', required: true, defaultValue: 0 },
    { name: 'sentAt', type: 'date', required: true },
  ],
  timestamps: true,
}
