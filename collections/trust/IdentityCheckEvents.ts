import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'

/**
 * Webhook events received from the identity-check provider. The provider's event id is unique, so a
 * replayed or duplicated delivery is stored once and has its effect once. Written only by the webhook.
 */
export const IdentityCheckEvents: CollectionConfig = {
  slug: 'identity-check-events',
  labels: { singular: 'Identity check event', plural: 'Identity check events' },
  admin: { useAsTitle: 'eventId', defaultColumns: ['eventId', 'provider', 'type', 'verification', 'createdAt'], group: 'Trust' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'provider', type: 'text', required: true, maxLength: 60 },
    { name: 'eventId', type: 'text', required: true, unique: true, maxLength: 200 },
    { name: 'type', type: 'text', maxLength: 100 },
    { name: 'verification', type: 'relationship', relationTo: 'licence-verifications', maxDepth: 0 },
    { name: 'result', type: 'text', maxLength: 40 },
  ],
  timestamps: true,
}
