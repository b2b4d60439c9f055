import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { verificationCodeEmail } from '@/email/templates'
import { hmac, randomDigits, safeEqual } from '@/lib/crypto'

export const CODE_LENGTH = 6
export const CODE_TTL_MS = 10 * 60 * 1000
export const CODE_MAX_ATTEMPTS = 5

const codeHash = (userId: string | number, code: string) => hmac(`email-code:${userId}:${code}`)

type Drizzle = { execute: (q: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
const drizzle = (payload: Payload) => (payload.db as unknown as { drizzle: Drizzle }).drizzle

/** Creates a fresh code for the user (replacing any earlier one) and emails it. */
export async function issueEmailCode(payload: Payload, user: { id: string | number; email: string; name?: string }) {
  const code = randomDigits(CODE_LENGTH)
  await payload.db.updateOne({
    collection: 'users',
    id: user.id,
    data: {
      emailCodeHash: codeHash(user.id, code),
      emailCodeExpiresAt: new Date(Date.now() + CODE_TTL_MS).toISOString(),
      emailCodeAttempts: 0,
    },
    returning: false,
  })
  const message = verificationCodeEmail(code, user.name)
  await payload.sendEmail({ to: user.email, ...message })
  return code
}

export type CodeCheck =
  | { ok: true; userId: string | number }
  | { ok: false; reason: 'invalid' | 'expired' | 'exhausted'; remaining?: number }

/**
 * Checks a code. An attempt is reserved atomically before comparing, so parallel guesses cannot
 * exceed the limit; a correct code is consumed at once (single use).
 */
export async function checkEmailCode(payload: Payload, email: string, code: string): Promise<CodeCheck> {
  const db = drizzle(payload)
  const reserved = await db.execute(sql`
    update users set email_code_attempts = coalesce(email_code_attempts, 0) + 1
    where lower(email) = lower(${email}) and _verified is not true and email_code_hash is not null
      and coalesce(email_code_attempts, 0) < ${CODE_MAX_ATTEMPTS}
    returning id, email_code_hash, email_code_expires_at, email_code_attempts`)
  const row = reserved.rows[0]
  if (!row) {
    const exists = await db.execute(sql`
      select 1 from users where lower(email) = lower(${email}) and _verified is not true and email_code_hash is not null`)
    return { ok: false, reason: exists.rows.length ? 'exhausted' : 'invalid' }
  }
  if (new Date(String(row.email_code_expires_at)).getTime() < Date.now()) return { ok: false, reason: 'expired' }
  const remaining = CODE_MAX_ATTEMPTS - Number(row.email_code_attempts)
  if (!/^\d{6}$/.test(code) || !safeEqual(codeHash(row.id as string | number, code), String(row.email_code_hash))) {
    return { ok: false, reason: 'invalid', remaining }
  }
  const consumed = await db.execute(sql`
    update users set email_code_hash = null, email_code_expires_at = null, _verified = true
    where id = ${row.id} and email_code_hash = ${row.email_code_hash} returning id`)
  if (!consumed.rows.length) return { ok: false, reason: 'invalid', remaining }
  return { ok: true, userId: row.id as string | number }
}
