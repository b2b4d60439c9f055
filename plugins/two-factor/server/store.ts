import type { PayloadRequest } from 'payload'

import { decrypt, encrypt, parseKeyRing, type KeyRing } from './crypto'
import { SLUGS, type ResolvedOptions } from './types'

export type RecoveryCode = { hash: string; usedAt?: string | null }

export type Credential = {
  id: number | string
  secret?: string | null
  pendingSecret?: string | null
  pendingSince?: string | null
  enabledAt?: string | null
  lastStep?: number | null
  recoveryCodes?: RecoveryCode[] | null
}

const rings = new Map<string, KeyRing>()

/** The key ring for these options and this Payload secret (parsed once). */
export function keyRing(req: PayloadRequest, o: ResolvedOptions) {
  const cacheKey = `${o.encryptionKeys ?? ''}|${req.payload.secret}`
  let ring = rings.get(cacheKey)
  if (!ring) {
    ring = parseKeyRing(o.encryptionKeys, req.payload.secret)
    rings.set(cacheKey, ring)
  }
  return ring
}

export async function findCredential(req: PayloadRequest, userId: number | string) {
  return (await req.payload.db.findOne({ collection: SLUGS.credentials, where: { user: { equals: userId } }, req })) as Credential | null
}

export async function saveCredential(req: PayloadRequest, userId: number | string, existing: Credential | null, data: Partial<Credential>) {
  if (existing) {
    await req.payload.db.updateOne({ collection: SLUGS.credentials, id: existing.id, data, req, returning: false })
  } else {
    await req.payload.db.create({ collection: SLUGS.credentials, data: { user: userId, ...data }, req })
  }
}

export async function deleteCredential(req: PayloadRequest, userId: number | string) {
  await req.payload.db.deleteMany({ collection: SLUGS.credentials, where: { user: { equals: userId } }, req })
}

/** The active TOTP secret, re-encrypted with the current key when it was sealed with an older one. */
export async function activeSecret(req: PayloadRequest, o: ResolvedOptions, cred: Credential): Promise<string | null> {
  if (!cred.secret) return null
  const ring = keyRing(req, o)
  const { plaintext, keyId } = decrypt(ring, cred.secret)
  if (keyId !== ring.currentId) {
    await req.payload.db.updateOne({ collection: SLUGS.credentials, id: cred.id, data: { secret: encrypt(ring, plaintext) }, req, returning: false })
  }
  return plaintext
}

export const pendingSecret = (req: PayloadRequest, o: ResolvedOptions, cred: Credential) =>
  cred.pendingSecret ? decrypt(keyRing(req, o), cred.pendingSecret).plaintext : null

/**
 * Records that a code was used. Returns false when it already was: the unique key decides, inside
 * the database, between two requests racing with the same code.
 */
export async function claimCode(req: PayloadRequest, userId: number | string, key: string): Promise<boolean> {
  try {
    await req.payload.db.create({ collection: SLUGS.usedCodes, data: { key, user: userId }, req })
    return true
  } catch (err) {
    if (isUniqueViolation(err)) return false
    throw err
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: unknown; name?: string; data?: { errors?: { message?: string }[] } }
  if (e?.code === '23505') return true
  if (e?.name === 'ValidationError' && e.data?.errors?.some((x) => /unique/i.test(x.message ?? ''))) return true
  return e?.cause ? isUniqueViolation(e.cause) : false
}

/** Old TOTP steps are kept a day (the last accepted step alone already refuses them). */
export async function pruneUsedCodes(req: PayloadRequest, userId: number | string) {
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000).toISOString()
  await req.payload.db.deleteMany({
    collection: SLUGS.usedCodes,
    where: { and: [{ user: { equals: userId } }, { key: { like: 'totp:' } }, { createdAt: { less_than: dayAgo } }] },
    req,
  })
}
