import { dictionary } from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

let common: Set<string> | null = null
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'] as string[]))

/** Returns a message describing why the password is refused, or null when it is acceptable. */
export function checkPassword(password: unknown, context: { email?: string; name?: string } = {}): string | null {
  if (typeof password !== 'string') return 'Password is required.'
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`
  const lower = password.toLowerCase()
  if (commonPasswords().has(lower)) return 'This password is too common; choose another.'
  if (/^(.)\1+$/.test(password)) return 'Password must not be one repeated character.'
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) return 'Password must not contain your email address.'
  return null
}
