import crypto from 'node:crypto'

import { payloadSecret } from './secret'

export const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex')

/** Keyed hash for short secrets (one-time codes) so a database leak does not reveal them. */
export const hmac = (value: string, key = payloadSecret()) =>
  crypto.createHmac('sha256', key).update(value).digest('hex')

export const safeEqual = (a: string, b: string) => {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb)
}

export const randomDigits = (length: number) => {
  let out = ''
  for (let i = 0; i < length; i++) out += crypto.randomInt(0, 10).toString()
  return out
}
