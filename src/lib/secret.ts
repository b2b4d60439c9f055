import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * PAYLOAD_SECRET signs sessions and keys every HMAC. A deployment sets it; a local install without one
 * gets a random secret kept under .data/ so that sessions survive restarts.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.resolve(process.cwd(), '.data/payload-secret')
  let secret: string
  try {
    secret = fs.readFileSync(file, 'utf8').trim()
  } catch {
    secret = crypto.randomBytes(32).toString('hex')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600 })
  }
  process.env.PAYLOAD_SECRET = secret
  return secret
}
