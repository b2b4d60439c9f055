import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'
import { POINT_REASONS } from '@/domain/engagement/scoring'
import { ownRows } from './access'

/**
 * The points ledger: every contribution that earned (or would have earned) points, once per member,
 * reason and source. Written only by the engagement listener and sign-in code, in the transaction of
 * the change (src/domain/engagement); users.points is the sum of the rows that are active and not
 * withheld. Members read their own ledger, staff everyone's; nobody writes through the API.
 */
export const PointEvents: CollectionConfig = {
  slug: 'point-events',
  labels: { singular: 'Point event', plural: 'Point events' },
  admin: { defaultColumns: ['member', 'reason', 'points', 'active', 'withheld', 'createdAt'], group: 'Engagement' },
  access: { read: ownRows('staff'), create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  indexes: [
    { fields: ['member', 'reason', 'source'], unique: true },
    { fields: ['member', 'createdAt'] },
  ],
  fields: [
    // Not required: deleting a member sets it to null (Payload's foreign keys), leaving an anonymous row.
    { name: 'member', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'reason', type: 'select', required: true, options: [...POINT_REASONS] },
    {
      name: 'source',
      type: 'text',
      required: true,
      maxLength: 120,
      admin: { description: 'What earned it, for example posts:12 or comments:40:by:7; one payment per source.' },
    },
    { name: 'points', type: 'number', required: true, admin: { description: 'Fewer than the rule when a daily cap was reached.' } },
    { name: 'post', type: 'relationship', relationTo: 'posts', index: true, maxDepth: 0, admin: { description: 'The post it is tied to, for moderation.' } },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { description: 'Off when the reaction that paid was taken back.' } },
    { name: 'withheld', type: 'checkbox', defaultValue: false, admin: { description: 'On while the post is hidden, removed or held by moderation.' } },
  ],
  timestamps: true,
}
