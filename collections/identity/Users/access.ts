import type { FieldAccess } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'

export { fieldSelfOrStaff, fieldStaffOnly, fieldAdminOnly } from '@/access'

/** Roles, tier and API keys are an administrator's decision. */
export const fieldAdminOnlyWrite: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** Staff may read or change these fields; the member may read their own. */
export const fieldReadSelfOrStaff: FieldAccess = ({ req: { user }, doc, id }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  const docId = (doc as { id?: unknown } | undefined)?.id ?? id
  return docId !== undefined && String(docId) === String(user.id)
}

/** Sign-in credentials (email, password) are changed by the member themselves or by an administrator. */
export const fieldSelfOrAdminWrite: FieldAccess = ({ req: { user }, doc, id }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  const docId = (doc as { id?: unknown } | undefined)?.id ?? id
  return docId !== undefined && String(docId) === String(user.id)
}
