import type { CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'

import { checkPassword } from '@/domain/identity/passwordPolicy'

/** Every way a password is set (create, update, reset) passes the same policy. */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = async ({ args, operation, collection }) => {
  if (!['create', 'update', 'updateByID', 'resetPassword'].includes(operation)) return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || data.password === undefined) return args
  const problem = checkPassword(data.password, { email: typeof data.email === 'string' ? data.email : undefined })
  if (problem) {
    throw new ValidationError({ collection: collection.slug, errors: [{ message: problem, path: 'password' }] })
  }
  return args
}
