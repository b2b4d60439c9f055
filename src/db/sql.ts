import type { Payload, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

export { sql }
export type SQL = ReturnType<typeof sql>

export type Row = Record<string, unknown>
export type Db = { execute: (query: SQL) => Promise<{ rows: Row[] }> }
type Drizzle = Db & { transaction: <T>(run: (tx: Db) => Promise<T>) => Promise<T> }
type Adapter = { drizzle: Drizzle; sessions?: Record<string, { db?: Db }> }

/** The adapter's connection pool as a Db (outside any transaction). */
export const drizzleOf = (payload: Payload) => (payload.db as unknown as Adapter).drizzle

/** The connection of the request's Payload transaction, so raw statements commit or roll back with it. */
export async function sqlFor(req: PayloadRequest): Promise<Db> {
  const id = req.transactionID ? await req.transactionID : undefined
  return (id && (req.payload.db as unknown as Adapter).sessions?.[String(id)]?.db) || drizzleOf(req.payload)
}

/** Runs one parameterised statement (identifiers through sql.identifier only) and returns its rows. */
export async function query<T = Row>(payload: Payload | Db, statement: SQL): Promise<T[]> {
  const db = 'execute' in payload ? payload : drizzleOf(payload)
  return (await db.execute(statement)).rows as T[]
}

const RETRYABLE = new Set(['40P01', '40001'])

/**
 * Runs `work` in a transaction; a deadlock or serialization failure (two members acting on the same
 * pair at the same instant) is retried a few times, since the whole transaction rolled back.
 */
export async function transaction<T>(payload: Payload, work: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await drizzleOf(payload).transaction(work)
    } catch (err) {
      const code = pgCode(err)
      if (attempt >= 4 || !code || !RETRYABLE.has(code)) throw err
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)))
    }
  }
}

/** The Postgres error code of a failed statement (drizzle wraps the driver's error in `cause`). */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } }
  return e?.code ?? e?.cause?.code
}
