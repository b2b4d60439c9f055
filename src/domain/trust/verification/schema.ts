import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { uniqueIndex } from '@payloadcms/db-postgres/drizzle/pg-core'

import { sql } from '@/db/sql'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * One open verification request per member, enforced by the database: a partial unique index on
 * licence_verifications(user_id) where status = 'submitted'. Payload's `indexes` cannot carry a
 * condition, so it is declared on the drizzle table here (the schema push and migrate:create see it).
 */
export const verificationSchema: SchemaHook = ({ schema, extendTable }) => {
  const table = (schema.tables as Record<string, never>).licence_verifications
  if (!table) return schema
  extendTable({
    table,
    extraConfig: (t: Record<string, any>) => ({
      oneOpenPerMember: uniqueIndex('licence_verifications_one_open_idx')
        .on(t.user)
        .where(sql`status = 'submitted'`),
    }),
  })
  return schema
}
