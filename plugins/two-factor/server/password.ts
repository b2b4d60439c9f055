import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Checks a password against Payload's stored hash without logging in (no session, no login-attempt
 * bookkeeping): the current `pbkdf2-sha256-v1:` format, or the legacy 25k-iteration one.
 */
export async function verifyPassword(user: Record<string, unknown>, password: string) {
  const { hash, salt } = user
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const current = hash.startsWith('pbkdf2-sha256-v1:')
  const stored = Buffer.from(current ? hash.slice('pbkdf2-sha256-v1:'.length) : hash, 'hex')
  const derived = await pbkdf2(password, salt, current ? 600_000 : 25_000, current ? 32 : 512, 'sha256')
  return derived.length === stored.length && crypto.timingSafeEqual(derived, stored)
}
