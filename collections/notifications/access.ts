import type { Access, Where } from 'payload'

/** Rows that belong to the signed-in member through `field`; nobody else's, staff included (they are private). */
export const ownRows =
  (field: string): Access =>
  ({ req: { user } }): Where | boolean => {
    if (!user || user.collection !== 'users') return false
    return { [field]: { equals: user.id } }
  }
