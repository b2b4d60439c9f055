import crypto from 'node:crypto'

import { payloadSecret } from '@/lib/secret'

/**
 * Verification codes: `RND-<serial>-<mac>`, where the serial is 40 random bits and the MAC is the first
 * 80 bits of HMAC-SHA256 over the serial, keyed by a key derived from the app's secret for this purpose
 * only. Both parts are Crockford base32 (no I, L, O, U), so a code reads aloud and types without
 * ambiguity; letters are accepted in either case. A code that was not made with the key fails the MAC
 * check, in constant time, before anything is looked up.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const SERIAL_BYTES = 5 // 8 characters
const MAC_BYTES = 10 // 80 bits, 16 characters
const FORMAT = /^RND-([0-9A-HJKMNP-TV-Z]{8})-([0-9A-HJKMNP-TV-Z]{16})$/

/** The key of certificate codes, derived from `secret` (HKDF-SHA256) so it differs from every other use of it. */
export function certificateKey(secret: string = payloadSecret()): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'rounds', 'certificate verification codes v1', 32))
}

let cachedKey: { secret: string; key: Buffer } | null = null
function defaultKey(): Buffer {
  const secret = payloadSecret()
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: certificateKey(secret) }
  return cachedKey.key
}

/** Crockford base32 of `bytes` (big-endian bit string, padded with zero bits). */
export function base32(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

const macOf = (serial: string, key: Buffer) =>
  crypto.createHmac('sha256', key).update(`certificate:${serial}`).digest().subarray(0, MAC_BYTES)

/** The code of `serial` (8 base32 characters). */
export function codeFor(serial: string, key: Buffer = defaultKey()): string {
  return `RND-${serial}-${base32(macOf(serial, key))}`
}

/** A code for a new certificate, on a random serial. */
export function newCertificateCode(key: Buffer = defaultKey()): string {
  return codeFor(base32(crypto.randomBytes(SERIAL_BYTES)), key)
}

/**
 * The canonical form of `input` when it is a genuine code (made with `key`), else null. Case and
 * surrounding spaces do not matter. Touches no database: a tampered or invented code ends here.
 */
export function checkCode(input: unknown, key: Buffer = defaultKey()): string | null {
  if (typeof input !== 'string' || input.length > 64) return null
  const match = FORMAT.exec(input.trim().toUpperCase())
  if (!match) return null
  const [, serial, mac] = match
  const expected = Buffer.from(base32(macOf(serial, key)))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return `RND-${serial}-${mac}`
}
