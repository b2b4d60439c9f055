import { buildQuery } from '@payloadcms/drizzle'
import type { CollectionSlug, Payload, Where } from 'payload'

import { sql, type SQL } from '@/db/sql'
import type { Viewer } from '@/domain/social/visibility'

/**
 * A Payload `where` (an access rule such as publishedPostWhere) as a SQL condition on the
 * collection's own table, translated by Payload's own query builder: search filters rows with exactly
 * the rules the collection's reads and the feed apply, not with a hand-copied version of them.
 * Only conditions on the table's own columns are accepted (no joins), so the condition can sit
 * inside a bounded candidate query on that table.
 */
export function sqlWhere(payload: Payload, collection: CollectionSlug, where: Where | boolean): SQL {
  if (where === true) return sql`true`
  if (where === false) return sql`false`
  const adapter = payload.db as never
  const { joins, where: condition } = buildQuery({
    adapter,
    fields: payload.collections[collection].config.flattenedFields,
    tableName: collection,
    where,
  })
  if (joins.length) throw new Error(`The ${collection} rule needs a join; search cannot inline it.`)
  return condition ? sql`(${condition})` : sql`true`
}

/** The members the viewer may see, as the users collection's own read access says. */
export async function usersReadWhere(payload: Payload, viewer: Viewer): Promise<Where | boolean> {
  const read = payload.collections.users.config.access.read
  return (await read({ req: { user: viewer ?? null, payload } } as never)) as Where | boolean
}
