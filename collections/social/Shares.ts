import type { CollectionConfig } from 'payload'

import { nobody, ownerOrStaff } from '@/access'
import { SHARE_CHANNELS } from '@/domain/social/reactions'

/**
 * Each time a member shares a post: in the app (a repost or quote, linked here) or by its link.
 * Members see only their own. Written by POST /api/posts/:id/share and by creating a repost or quote.
 */
export const Shares: CollectionConfig = {
  slug: 'shares',
  admin: { defaultColumns: ['user', 'post', 'channel', 'createdAt'], group: 'Social' },
  access: { read: ownerOrStaff('user'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['user', 'createdAt'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'post', type: 'relationship', relationTo: 'posts', required: true, index: true, maxDepth: 0 },
    { name: 'channel', type: 'select', required: true, options: [...SHARE_CHANNELS] },
    { name: 'repost', type: 'relationship', relationTo: 'posts', maxDepth: 0, admin: { description: 'The repost or quote of an in-app share.' } },
  ],
}
