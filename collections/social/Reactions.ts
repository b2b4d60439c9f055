import type { CollectionConfig } from 'payload'

import { nobody, ownerOrStaff } from '@/access'
import { REACTION_KINDS } from '@/domain/social/reactions'

/**
 * One reaction per member and post or comment, enforced by unique indexes. Written only through
 * PUT/DELETE /api/posts/:id/reaction and /api/comments/:id/reaction, which keep the counters exact.
 */
export const Reactions: CollectionConfig = {
  slug: 'reactions',
  admin: { defaultColumns: ['user', 'kind', 'post', 'comment', 'createdAt'], group: 'Social' },
  access: { read: ownerOrStaff('user'), create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['user', 'post'], unique: true },
    { fields: ['user', 'comment'], unique: true },
  ],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'post', type: 'relationship', relationTo: 'posts', index: true, maxDepth: 0 },
    { name: 'comment', type: 'relationship', relationTo: 'comments', index: true, maxDepth: 0 },
    { name: 'kind', type: 'select', required: true, options: [...REACTION_KINDS] },
  ],
}
