import type { Access, Where } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'

/** A member's own rows (their `member` field), and everyone's for `others` (staff or admins). */
export const ownRows =
  (others: 'staff' | 'admin'): Access =>
  ({ req: { user } }): Where | boolean => {
    if (!user || user.collection !== 'users') return false
    if (others === 'staff' ? isStaffUser(user) : hasRole(user, 'admin')) return true
    return { member: { equals: user.id } }
  }
