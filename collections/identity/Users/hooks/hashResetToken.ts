import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { sha256 } from '@/lib/crypto'

const RAW_TOKEN = /^[0-9a-f]{40}$/

/** Payload generates a random reset token; only its hash is stored. */
export const hashResetToken: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data?.resetPasswordToken === 'string' && RAW_TOKEN.test(data.resetPasswordToken)) {
    data.resetPasswordToken = sha256(data.resetPasswordToken)
  }
  return data
}

/** The token a member brings back is hashed the same way before Payload looks it up. */
export const hashIncomingResetToken: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'resetPassword') return args
  const data = (args as { data?: { token?: unknown } }).data
  if (data && typeof data.token === 'string') data.token = sha256(data.token)
  return args
}
