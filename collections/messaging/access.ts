import type { Access, Where } from 'payload'

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
