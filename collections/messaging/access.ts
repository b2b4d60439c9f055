import type { Access, CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'

/**
 * Conversations are private to their participants, staff included: the rule is a query, so the
 * database filters every list, lookup and populated relationship (REST, GraphQL, depth).
 */
export const participantOf =
  (prefix = ''): Access =>
  ({ req: { user } }): Where | boolean => {
    if (!user || user.collection !== 'users') return false
    return { [`${prefix}participants`]: { equals: user.id } }
  }

/**
 * Access of the messaging collections: read by the conversation's participants (`prefix` leads from
 * the document to its conversation), written only by the messaging endpoints through server code.
 */
export const participantsOnly = (prefix = ''): CollectionConfig['access'] => ({
  read: participantOf(prefix),
  create: nobody,
  update: nobody,
  delete: nobody,
})
