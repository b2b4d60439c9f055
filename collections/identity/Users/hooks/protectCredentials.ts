import type { CollectionBeforeOperationHook } from 'payload'
import { Forbidden } from 'payload'

import { isSameUser } from '@/access'
import { hasRole } from '@/access/roles'

/**
 * Staff may edit members' profiles, but a new password is set only by the member themselves or by an
 * administrator: otherwise a moderator could take over any account, an admin's included. (The email,
 * the other half of the credentials, is guarded by its field access.)
 */
export const protectCredentials: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update') return args
  const a = args as { data?: Record<string, unknown>; id?: string | number; overrideAccess?: boolean }
  if (a.overrideAccess || a.data?.password === undefined) return args
  if (hasRole(req.user, 'admin') || isSameUser(req.user, a.id)) return args
  throw new Forbidden(req.t)
}
