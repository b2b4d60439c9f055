import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'

/**
 * Who follows whom. Public, like a profile's follower list. Written only through
 * PUT/DELETE /api/users/:id/follow (see src/domain/social/graph.ts), which keeps users.followerCount
 * and users.followingCount exact in the same statement.
 */
export const Follows: CollectionConfig = {
  slug: 'follows',
  admin: { defaultColumns: ['follower', 'following', 'createdAt'], group: 'Social' },
  access: {
    read: () => true,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['follower', 'following'], unique: true }],
  fields: [
    { name: 'follower', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 1 },
    { name: 'following', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 1 },
  ],
  timestamps: true,
}
