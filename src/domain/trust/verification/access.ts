import type { Access, Where } from 'payload'

import { hasRole } from '@/access/roles'

type MaybeUser = { id?: number | string; roles?: string[] | null; collection?: string } | null | undefined

/**
 * Who reviews licences: moderators and administrators. Editors are staff for content, but a licence
 * document is personal data that only the people deciding on it need to see.
 */
export const isReviewer = (user: MaybeUser) => Boolean(user && user.collection === 'users' && hasRole(user, 'admin', 'moderator'))

/** Rows whose `field` is the signed-in member, or every row for reviewers. */
export const ownOrReviewer =
  (field: string): Access =>
  ({ req: { user } }): Where | boolean => {
    if (!user || user.collection !== 'users') return false
    if (isReviewer(user)) return true
    return { [field]: { equals: user.id } }
  }

export const reviewersOnly: Access = ({ req: { user } }) => isReviewer(user)
