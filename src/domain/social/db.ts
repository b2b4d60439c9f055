import type { Payload, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

export { sql }

export type Sql = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
type Adapter = { drizzle: Sql & { transaction: <T>(run: (tx: Sql) => Promise<T>) => Promise<T> }; sessions?: Record<string, { db?: Sql }> }

const adapter = (payload: Payload) => payload.db as unknown as Adapter

/** The connection of the request's Payload transaction, so raw statements commit or roll back with it. */
export async function sqlFor(req: PayloadRequest): Promise<Sql> {
  const id = req.transactionID ? await req.transactionID : undefined
  return (id && adapter(req.payload).sessions?.[String(id)]?.db) || adapter(req.payload).drizzle
}

/** Runs `work` in its own database transaction (for endpoints that write with plain SQL). */
export function transaction<T>(payload: Payload, work: (tx: Sql) => Promise<T>): Promise<T> {
  return adapter(payload).drizzle.transaction(work)
}

/**
 * Counter columns and the tables that carry them. Identifiers cannot be bound as parameters, so only
 * these names ever reach the statement.
 */
const COUNTERS = {
  posts: ['like_count', 'upvotes', 'downvotes', 'comment_count', 'share_count', 'bookmark_count'],
  comments: ['like_count', 'reply_count'],
  rooms: ['member_count'],
} as const

export type CounterTable = keyof typeof COUNTERS
export type CounterColumn<T extends CounterTable> = (typeof COUNTERS)[T][number]

/** `column = column + delta` in one statement: exact under concurrency, never read-modify-write. */
export async function bump<T extends CounterTable>(db: Sql, table: T, column: CounterColumn<T>, id: number | string, delta: number) {
  if (!(COUNTERS[table] as readonly string[]).includes(column)) throw new Error(`Not a counter: ${table}.${column}`)
  if (!Number.isInteger(delta) || delta === 0) return
  await db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sql.identifier(column)} + ${delta} where id = ${Number(id)}`)
}

export const COUNTER_FIELDS = {
  posts: ['likeCount', 'upvotes', 'downvotes', 'commentCount', 'shareCount', 'bookmarkCount'],
  comments: ['likeCount', 'replyCount'],
  rooms: ['memberCount'],
} as const
