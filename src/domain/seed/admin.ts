import type { Payload } from 'payload'

import { checkPassword } from '@/domain/identity/passwordPolicy'

/** Reads ADMIN_EMAIL, ADMIN_PASSWORD and ADMIN_NAME. */
export type AdminEnv = Record<string, string | undefined>

/** Contact details start hidden from everyone but the member and staff. */
export const PRIVATE_CONTACT = {
  publicEmailVisibility: 'private',
  phoneVisibility: 'private',
  websiteVisibility: 'private',
  locationVisibility: 'private',
} as const

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

export async function findUserByEmail(payload: Payload, email: string) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: normalizeEmail(email) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ?? null
}

/**
 * The operator's own first administrator, from ADMIN_EMAIL and ADMIN_PASSWORD. Created once, when no
 * account with that address exists; an existing account is never changed. Returns the new account.
 */
export async function createFirstAdmin(payload: Payload, env: AdminEnv = process.env) {
  const email = env.ADMIN_EMAIL?.trim()
  const password = env.ADMIN_PASSWORD
  if (!email || !password) return null
  if (await findUserByEmail(payload, email)) return null
  const problem = checkPassword(password, { email })
  if (problem) throw new Error(`ADMIN_PASSWORD is not accepted: ${problem}`)
  const admin = await payload.create({
    collection: 'users',
    data: {
      email: normalizeEmail(email),
      password,
      name: env.ADMIN_NAME?.trim() || 'Administrator',
      roles: ['admin'],
      verificationStatus: 'verified',
      tier: 'free',
      contact: PRIVATE_CONTACT,
      _verified: true,
    },
    disableVerificationEmail: true,
    overrideAccess: true,
    depth: 0,
  })
  payload.logger.info(`Created the administrator ${admin.email} (password from ADMIN_PASSWORD)`)
  return admin
}
