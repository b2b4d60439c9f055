import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { ADMIN_PANEL_ROLES, hasRole, isStaffUser } from './roles'

/** Nobody through the API; server code uses the Local API with overrideAccess. */
export const nobody: Access = () => false
export const anyone: Access = () => true

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const isEditorOrAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** A signed-in member whose email address is confirmed. */
export const isVerifiedMember: Access = ({ req: { user } }) =>
  Boolean(user && (user as { _verified?: boolean | null })._verified !== false)

/** Someone who works in the admin panel: staff or instructors, with a confirmed email. */
export const canUseAdminPanel = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  Boolean(user && hasRole(user, ...ADMIN_PANEL_ROLES) && (user as { _verified?: boolean | null })._verified !== false)

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

/** True when `user` is the user document identified by `id` (or `doc`). */
export const isSameUser = (user: { id: string | number } | null | undefined, id: unknown) =>
  Boolean(user) && id !== undefined && id !== null && String(id) === String(user!.id)

const docId = (doc: unknown, id: unknown) => (doc as { id?: unknown } | undefined)?.id ?? id

export const fieldStaffOnly: FieldAccess = ({ req: { user } }) => isStaffUser(user)
export const fieldAdminOnly: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
export const fieldNobody: FieldAccess = () => false
/** The member's own user document, or staff. */
export const fieldSelfOrStaff: FieldAccess = ({ req: { user }, doc, id }) =>
  isStaffUser(user) || isSameUser(user, docId(doc, id))
/** The member's own user document, or an administrator. */
export const fieldSelfOrAdmin: FieldAccess = ({ req: { user }, doc, id }) =>
  hasRole(user, 'admin') || isSameUser(user, docId(doc, id))
