import type { PayloadRequest } from 'payload'

import { keyedHash, newRecoveryCodes, normalizeRecoveryCode, safeEqual } from './crypto'
import { activeSecret, claimCode, pruneUsedCodes, type Credential, type RecoveryCode } from './store'
import { checkCode } from './totp'
import { SLUGS, type ResolvedOptions } from './types'

/**
 * Accepts a TOTP code for an enabled credential: +-1 step, only after the last accepted step, and
 * each step once (claimed under a unique key, so concurrent requests with one code get one success).
 */
export async function acceptTotp(req: PayloadRequest, o: ResolvedOptions, userId: number | string, cred: Credential, code: string) {
  const secret = await activeSecret(req, o, cred)
  if (!secret) return false
  return acceptWithSecret(req, userId, cred, secret, code)
}

export async function acceptWithSecret(req: PayloadRequest, userId: number | string, cred: Credential | null, secret: string, code: string) {
  const match = await checkCode(secret, code, { afterStep: cred?.lastStep ?? null })
  if (!match) return false
  if (!(await claimCode(req, userId, `totp:${userId}:${match.step}`))) return false
  if (cred) {
    await req.payload.db.updateOne({ collection: SLUGS.credentials, id: cred.id, data: { lastStep: match.step }, req, returning: false })
    await pruneUsedCodes(req, userId)
  }
  return match.step
}

const hashCode = (req: PayloadRequest, code: string) => keyedHash(req.payload.secret, `recovery:${normalizeRecoveryCode(code)}`)

/** Fresh recovery codes: the plain codes (shown once) and what is stored (their keyed hashes). */
export function issueRecoveryCodes(req: PayloadRequest) {
  const codes = newRecoveryCodes()
  return { codes, stored: codes.map((c) => ({ hash: hashCode(req, c), usedAt: null })) as RecoveryCode[] }
}

export const remainingRecoveryCodes = (cred: Credential | null) => (cred?.recoveryCodes ?? []).filter((c) => !c.usedAt).length

/** Spends a recovery code: single use, decided by a unique claim on its hash. */
export async function acceptRecoveryCode(req: PayloadRequest, userId: number | string, cred: Credential, input: string) {
  const normalized = normalizeRecoveryCode(input)
  if (normalized.length !== 10) return false
  const hash = hashCode(req, input)
  const codes = cred.recoveryCodes ?? []
  const entry = codes.find((c) => safeEqual(c.hash, hash))
  if (!entry || entry.usedAt) return false
  if (!(await claimCode(req, userId, `recovery:${hash}`))) return false
  const usedAt = new Date().toISOString()
  await req.payload.db.updateOne({
    collection: SLUGS.credentials,
    id: cred.id,
    data: { recoveryCodes: codes.map((c) => (c.hash === hash ? { ...c, usedAt } : c)) },
    req,
    returning: false,
  })
  return true
}
