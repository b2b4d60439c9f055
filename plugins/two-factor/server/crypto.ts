import crypto from 'node:crypto'

/**
 * TOTP secrets are stored encrypted with AES-256-GCM: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 * The key ring comes from configuration; the first key encrypts, every key decrypts, so rotating is
 * "put the new key first, keep the old one until every secret was re-encrypted".
 */
export type KeyRing = { currentId: string; keys: Map<string, Buffer> }

export function parseKeyRing(spec: string | undefined, fallbackSecret: string): KeyRing {
  const keys = new Map<string, Buffer>()
  let currentId = ''
  for (const part of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const sep = part.indexOf(':')
    if (sep < 1) throw new Error('Two-factor encryption keys must look like id:base64key')
    const id = part.slice(0, sep)
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`Two-factor key id "${id}" may only use letters, digits, _ and -`)
    const key = Buffer.from(part.slice(sep + 1), 'base64')
    if (key.length !== 32) throw new Error(`Two-factor key "${id}" must be 32 bytes (base64 of 32 random bytes)`)
    keys.set(id, key)
    currentId ||= id
  }
  if (!keys.size) {
    // Without configured keys, derive one from the application secret (rotating that secret then
    // needs the old value as an explicit key).
    keys.set('app', Buffer.from(crypto.hkdfSync('sha256', fallbackSecret, 'two-factor', 'totp-secret-encryption', 32)))
    currentId = 'app'
  }
  return { currentId, keys }
}

export function encrypt(ring: KeyRing, plaintext: string): string {
  const key = ring.keys.get(ring.currentId)!
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(`v1.${ring.currentId}`))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', ring.currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.')
}

export function decrypt(ring: KeyRing, blob: string): { plaintext: string; keyId: string } {
  const [version, keyId, iv, tag, ct] = blob.split('.')
  if (version !== 'v1' || !keyId || !iv || !tag || ct === undefined) throw new Error('Unreadable two-factor secret')
  const key = ring.keys.get(keyId)
  if (!key) throw new Error(`Two-factor secret was encrypted with key "${keyId}", which is not configured`)
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(`v1.${keyId}`))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const plaintext = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
  return { plaintext, keyId }
}

/** Keyed hash for recovery codes and device tokens: a database leak reveals neither. */
export const keyedHash = (secret: string, value: string) =>
  crypto.createHmac('sha256', secret).update(value).digest('hex')

export const safeEqual = (a: string, b: string) => {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb)
}

// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten single-use recovery codes like `k7m2p-x9qrt` (about 49 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let s = ''
    for (let i = 0; i < 10; i++) s += ALPHABET[crypto.randomInt(ALPHABET.length)]
    return `${s.slice(0, 5)}-${s.slice(5)}`
  })
}

/** What a person typed as a recovery code, in the form its hash was made from. */
export const normalizeRecoveryCode = (input: string) => input.toLowerCase().replace(/[^a-z0-9]/g, '')
