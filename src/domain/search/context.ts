import type { Payload } from 'payload'

import { sql, type SQL } from '@/db/sql'
import type { Viewer } from '@/domain/social/visibility'
import type { Cursor } from './input'

/** What every section's search gets: who asks, what, and where the previous page ended. */
export type SearchContext = {
  payload: Payload
  viewer: NonNullable<Viewer> | null
  q: string
  specialty?: number
  cursor: Cursor | null
  limit: number
  /** The moment the first page was asked for: recency is measured from it on every page. */
  at: Date
}

/** The condition "not by a member blocked either way" on the user id column `author`. */
export function notBlocked(viewer: SearchContext['viewer'], author: SQL): SQL {
  if (!viewer) return sql`true`
  const me = Number(viewer.id)
  return sql`not exists (select 1 from blocks b where (b.blocker_id = ${me} and b.blocked_id = ${author}) or (b.blocker_id = ${author} and b.blocked_id = ${me}))`
}

/** Keyset condition: after the cursor's hit in "best first, then higher id" order. */
export function afterCursor(cursor: Cursor | null): SQL {
  if (!cursor) return sql`true`
  return sql`(score < ${cursor.score}::float8 or (score = ${cursor.score}::float8 and id < ${cursor.id}))`
}

/**
 * pg_trgm's operators compare with a threshold setting: this lowers it for one statement only
 * (set_config(..., true) lasts until the statement's own transaction ends). As an uncorrelated
 * sub-select it runs once, as a one-time filter, before the index scan reads the setting.
 */
export const trigramThreshold = (value: number) =>
  sql`(select set_config('pg_trgm.word_similarity_threshold', ${String(value)}, true)) is not null`
