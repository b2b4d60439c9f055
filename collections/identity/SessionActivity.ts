import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'
import { SESSION_ACTIVITY } from '@/domain/identity/sessions/activity'

/**
 * What a member sees about each of their signed-in sessions: the device, the address it signed in
 * from, when it started and when it was last used. Keyed by the session id (`sid`) that Payload keeps
 * in the user's `sessions` array and signs into every token. Whether a session is alive is decided by
 * that array alone; a row here only describes it. Nobody reaches these rows through the API: members
 * read and end their own sessions through /api/users/sessions.
 */
export const SessionActivity: CollectionConfig = {
  slug: SESSION_ACTIVITY,
  labels: { singular: 'Session activity', plural: 'Session activity' },
  admin: { hidden: true, useAsTitle: 'sid' },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  graphQL: false,
  fields: [
    { name: 'sid', type: 'text', required: true, unique: true, index: true },
    // Not required: deleting a member sets it to null (foreign key), and such rows are pruned.
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'userAgent', type: 'text', maxLength: 512 },
    { name: 'ip', type: 'text', maxLength: 64 },
    { name: 'lastSeenAt', type: 'date', required: true, index: true },
  ],
  timestamps: true,
}
