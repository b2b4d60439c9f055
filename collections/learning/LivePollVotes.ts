import type { CollectionConfig } from 'payload'

import { nobody, ownerOrStaff } from '@/access'
import { hasRole } from '@/access/roles'

/** One member's vote in a live poll (unique per poll; changed while the poll is open). `option` counts from 0. */
export const LivePollVotes: CollectionConfig = {
  slug: 'live-poll-votes',
  labels: { singular: 'Live poll vote', plural: 'Live poll votes' },
  admin: { defaultColumns: ['poll', 'user', 'option'], group: 'Learning', hidden: ({ user }) => !hasRole(user, 'admin') },
  access: { read: ownerOrStaff('user'), create: nobody, update: nobody, delete: ({ req: { user } }) => hasRole(user, 'admin') },
  indexes: [{ fields: ['poll', 'user'], unique: true }],
  fields: [
    { name: 'poll', type: 'relationship', relationTo: 'live-polls', required: true, index: true, maxDepth: 0 },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'option', type: 'number', required: true, min: 0, max: 5 },
  ],
  timestamps: true,
}
