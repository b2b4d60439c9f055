import type { CollectionConfig } from 'payload'

import { nobody, ownerOrStaff } from '@/access'

/** A member's saved posts: theirs alone. Written through PUT/DELETE /api/posts/:id/bookmark (bookmarkCount follows). */
export const Bookmarks: CollectionConfig = {
  slug: 'bookmarks',
  admin: { defaultColumns: ['user', 'post', 'createdAt'], group: 'Social' },
  access: { read: ownerOrStaff('user'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['user', 'post'], unique: true }, { fields: ['user', 'createdAt'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, maxDepth: 0 },
    { name: 'post', type: 'relationship', relationTo: 'posts', required: true, index: true },
  ],
}
