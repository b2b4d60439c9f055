import { sql, type Db } from '@/db/sql'

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
export async function bump<T extends CounterTable>(db: Db, table: T, column: CounterColumn<T>, id: number | string, delta: number) {
  if (!(COUNTERS[table] as readonly string[]).includes(column)) throw new Error(`Not a counter: ${table}.${column}`)
  if (!Number.isInteger(delta) || delta === 0) return
  await db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${sql.identifier(column)} + ${delta} where id = ${Number(id)}`)
}

export const COUNTER_FIELDS = {
  posts: ['likeCount', 'upvotes', 'downvotes', 'commentCount', 'shareCount', 'bookmarkCount'],
  comments: ['likeCount', 'replyCount'],
  rooms: ['memberCount'],
} as const
