import type { CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'
import { isStaffUser } from '@/access/roles'
import { QUESTION_MAX, QUESTION_STATUSES } from '@/domain/learning/live/qa'

/**
 * A question asked during a live session. Asked, upvoted, answered and hidden only through the
 * session's endpoints, which announce each change on the session's stream; `upvotes` is kept by the
 * same statement that adds or removes a vote.
 */
export const LiveQuestions: CollectionConfig = {
  slug: 'live-questions',
  labels: { singular: 'Live question', plural: 'Live questions' },
  admin: { useAsTitle: 'body', defaultColumns: ['body', 'session', 'upvotes', 'status'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => {
      if (!user || user.collection !== 'users') return false
      if (isStaffUser(user)) return true
      return { or: [{ author: { equals: user.id } }, { 'session.hosts': { contains: user.id } }] } as Where
    },
    create: nobody,
    update: nobody,
    delete: ({ req: { user } }) => isStaffUser(user),
  },
  indexes: [{ fields: ['session', 'upvotes'] }],
  fields: [
    { name: 'session', type: 'relationship', relationTo: 'live-sessions', required: true, index: true, maxDepth: 0 },
    { name: 'author', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'body', type: 'textarea', required: true, maxLength: QUESTION_MAX },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', options: [...QUESTION_STATUSES] },
    { name: 'answer', type: 'textarea', maxLength: 2000 },
    { name: 'answeredBy', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'answeredAt', type: 'date' },
    { name: 'upvotes', type: 'number', required: true, defaultValue: 0 },
  ],
  timestamps: true,
}
