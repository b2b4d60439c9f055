import type { CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'
import { isStaffUser } from '@/access/roles'

/**
 * Who has blocked whom. A member sees only the blocks they made; the blocked member is never told.
 * Written only through PUT/DELETE /api/users/:id/block, which also ends follows both ways.
 */
export const Blocks: CollectionConfig = {
  slug: 'blocks',
  admin: { defaultColumns: ['blocker', 'blocked', 'createdAt'], group: 'Social' },
  access: {
    read: ({ req: { user } }): Where | boolean => {
      if (!user || user.collection !== 'users') return false
      if (isStaffUser(user)) return true
      return { blocker: { equals: user.id } }
    },
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['blocker', 'blocked'], unique: true }],
  fields: [
    { name: 'blocker', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'blocked', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
  ],
  timestamps: true,
}
