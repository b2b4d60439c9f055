import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { slugify } from '@/lib/slugify'

type Tx = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Claims a candidate handle for this transaction (a transaction-scoped advisory lock), without
 * waiting: false when another registration is claiming the same handle right now. Without it, two
 * members with the same name registering at the same moment both saw the handle free, and all but
 * one failed on its unique index with "The following field is invalid: handle", a field they never saw.
 */
async function claim(req: PayloadRequest, handle: string): Promise<boolean> {
  const id = req.transactionID ? await req.transactionID : undefined
  const tx = id ? (req.payload.db as unknown as { sessions?: Record<string, { db?: Tx }> }).sessions?.[String(id)]?.db : undefined
  if (!tx) return true
  const { rows } = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`users.handle:${handle}`})) as claimed`)
  return rows[0]?.claimed === true
}

/** Every member gets a stable public handle derived from their name. */
export const assignHandle: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (data.handle || originalDoc?.handle) return data
  if (operation !== 'create' && !data.name) return data
  const base = slugify(String(data.name ?? originalDoc?.name ?? 'member')).slice(0, 50) || 'member'
  let candidate = base.length >= 3 ? base : `${base}-md`
  for (let attempt = 0; attempt < 20; attempt++) {
    if (attempt > 0) candidate = `${base}-${Math.floor(1000 + Math.random() * 9000)}`
    if (!(await claim(req, candidate))) continue
    const taken = await req.payload.db.findOne({
      collection: 'users',
      where: { handle: { equals: candidate } },
      req,
    })
    if (!taken) break
  }
  data.handle = candidate
  return data
}
