import type { CollectionConfig } from 'payload'

import { nobody, ownerOrStaff } from '@/access'
import { hasRole } from '@/access/roles'

/** One member's upvote of a live question (unique), toggled through the session's endpoint. */
export const LiveQuestionVotes: CollectionConfig = {
  slug: 'live-question-votes',
  labels: { singular: 'Live question upvote', plural: 'Live question upvotes' },
  admin: { defaultColumns: ['question', 'user', 'createdAt'], group: 'Learning', hidden: ({ user }) => !hasRole(user, 'admin') },
  access: { read: ownerOrStaff('user'), create: nobody, update: nobody, delete: ({ req: { user } }) => hasRole(user, 'admin') },
  indexes: [{ fields: ['question', 'user'], unique: true }],
  fields: [
    { name: 'question', type: 'relationship', relationTo: 'live-questions', required: true, index: true, maxDepth: 0 },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
  ],
  timestamps: true,
}
