import type { CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'

/**
 * A member's seat in a live session: one per member and session, made and freed only by
 * POST/DELETE /api/live-sessions/:id/registration (which keep the capacity). Reminder markers make
 * each reminder email go out at most once; `attendedAt` is set by the first Join.
 */
export const LiveRegistrations: CollectionConfig = {
  slug: 'live-registrations',
  labels: { singular: 'Live registration', plural: 'Live registrations' },
  admin: { defaultColumns: ['session', 'user', 'attendedAt', 'createdAt'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => {
      if (!user || user.collection !== 'users') return false
      if (isStaffUser(user)) return true
      return { or: [{ user: { equals: user.id } }, { 'session.hosts': { contains: user.id } }] } as Where
    },
    create: nobody,
    update: nobody,
    delete: ({ req: { user } }) => hasRole(user, 'admin'),
  },
  indexes: [{ fields: ['session', 'user'], unique: true }],
  fields: [
    { name: 'session', type: 'relationship', relationTo: 'live-sessions', required: true, index: true, maxDepth: 0 },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'attendedAt', type: 'date' },
    { name: 'remindedDayAt', type: 'date', admin: { description: 'The reminder a day ahead was sent' } },
    { name: 'remindedSoonAt', type: 'date', admin: { description: 'The reminder 15 minutes ahead was sent' } },
  ],
  timestamps: true,
}
