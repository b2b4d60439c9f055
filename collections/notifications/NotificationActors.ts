import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'

/**
 * Who has acted on each notification, once per member: the unique pair is what keeps counts exact
 * when an event is emitted twice or two members act at the same instant. `source` is the latest event
 * of that member (a comment or message id; 0 for likes and follows, which count once), so a repeated
 * event changes nothing while a new comment from the same member brings the notification back.
 */
export const NotificationActors: CollectionConfig = {
  slug: 'notification-actors',
  labels: { singular: 'Notification actor', plural: 'Notification actors' },
  admin: { hidden: true, group: 'Social' },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['notification', 'actor'], unique: true }],
  fields: [
    { name: 'notification', type: 'relationship', relationTo: 'notifications', required: true, maxDepth: 0 },
    { name: 'actor', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'source', type: 'number', required: true, defaultValue: 0 },
  ],
  timestamps: true,
}
