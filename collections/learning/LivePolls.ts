import type { CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'
import { isStaffUser } from '@/access/roles'
import { POLL_OPTIONS_MAX, POLL_OPTIONS_MIN, POLL_STATUSES } from '@/domain/learning/live/polls'

/**
 * A poll of a live session: a question with 2 to 6 options, opened and closed by its hosts. Made and
 * changed through the session's endpoints; results are counted from the votes.
 */
export const LivePolls: CollectionConfig = {
  slug: 'live-polls',
  labels: { singular: 'Live poll', plural: 'Live polls' },
  admin: { useAsTitle: 'question', defaultColumns: ['question', 'session', 'status'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => {
      if (!user || user.collection !== 'users') return false
      if (isStaffUser(user)) return true
      return { 'session.hosts': { contains: user.id } } as Where
    },
    create: nobody,
    update: nobody,
    delete: ({ req: { user } }) => isStaffUser(user),
  },
  fields: [
    { name: 'session', type: 'relationship', relationTo: 'live-sessions', required: true, index: true, maxDepth: 0 },
    { name: 'question', type: 'text', required: true, maxLength: 300 },
    {
      name: 'options',
      type: 'array',
      required: true,
      minRows: POLL_OPTIONS_MIN,
      maxRows: POLL_OPTIONS_MAX,
      fields: [{ name: 'label', type: 'text', required: true, maxLength: 120 }],
    },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', options: [...POLL_STATUSES] },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', maxDepth: 0 },
  ],
  timestamps: true,
}
