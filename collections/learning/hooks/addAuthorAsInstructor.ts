import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { relationId } from '@/lib/relation'

/** An instructor who creates a course teaches it: they are listed, so they keep access to their draft. */
export const addAuthorAsInstructor: CollectionBeforeChangeHook = ({ data, operation, req: { user } }) => {
  if (operation !== 'create' || !user || isStaffUser(user) || !hasRole(user, 'instructor')) return data
  const ids = ((data.instructors as unknown[]) ?? []).map(relationId).filter((id): id is number => id !== null)
  if (!ids.includes(Number(user.id))) data.instructors = [...ids, user.id]
  return data
}
