import type { Access, FieldAccess, Where } from 'payload'

import { ADMIN_PANEL_ROLES, hasRole, isStaffUser } from './roles'

/** Nobody through the API; server code uses the Local API with overrideAccess. */
export const nobody: Access = () => false
export const anyone: Access = () => true

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)
export const isEditorOrAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
export const isLoggedIn: Access = ({ req: { user } }) => Boolean(user)

/** A signed-in member whose email address is confirmed. */
export const isVerifiedMember: Access = ({ req: { user } }) =>
  Boolean(user && (user as { _verified?: boolean | null })._verified !== false)

/** Someone who works in the admin panel: staff or instructors, with a confirmed email. */
export const canUseAdminPanel: Access = ({ req: { user } }) =>
  Boolean(user && hasRole(user, ...ADMIN_PANEL_ROLES) && (user as { _verified?: boolean | null })._verified !== false)

export const isVerifiedDoctor: Access = ({ req: { user } }) =>
  Boolean(user && (user as { verificationStatus?: string }).verificationStatus === 'verified')

/** The user document itself, or staff. */
export const isSelfOrStaff: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  return { id: { equals: user.id } } satisfies Where
}

/** Documents whose `field` points at the current user, or staff. */
export const ownerOrStaff =
  (field = 'owner'): Access =>
  ({ req: { user } }) => {
    if (!user) return false
    if (isStaffUser(user)) return true
    return { [field]: { equals: user.id } } satisfies Where
  }

export const fieldStaffOnly: FieldAccess = ({ req: { user } }) => isStaffUser(user)
export const fieldAdminOnly: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
export const fieldNobody: FieldAccess = () => false
export const fieldSelfOrStaff: FieldAccess = ({ req: { user }, doc, id }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  const docId = (doc as { id?: string | number } | undefined)?.id ?? id
  return docId !== undefined && String(docId) === String(user.id)
}
