import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

import { sql } from './sql'

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * What the audit trail needs from Postgres beyond Payload's field declarations:
 *
 * - `user_id` and `actor_id` keep the member's id with no foreign key. Payload declares relationships
 *   `ON DELETE SET NULL`, which would rewrite history when an account is erased (and the append-only
 *   trigger would then refuse the erasure); the trail must still say who did what after the account is
 *   gone. The relationship fields stay, so the admin shows names and filters by member.
 * - Composite indexes for the admin's usual questions: one type, or one member, newest first.
 *
 * Declared on Payload's own drizzle table, so the dev/test push and `payload migrate:create` agree.
 */
export const auditSchema: SchemaHook = ({ schema, extendTable }) => {
  const table = (schema.tables as unknown as Record<string, Record<string | symbol, unknown>>).audit_events
  if (!table) return schema
  extendTable({
    table: table as never,
    extraConfig: (t) => ({
      auditTypeCreated: index('audit_events_type_created_at_idx').on(t.type, t.createdAt),
      auditUserCreated: index('audit_events_user_created_at_idx').on(t.user, t.createdAt),
    }),
  })
  const foreignKeys = Object.getOwnPropertySymbols(table).find((s) => s.description?.includes('InlineForeignKeys'))
  if (foreignKeys) {
    type ForeignKey = { reference: () => { columns: { name: string }[] } }
    table[foreignKeys] = (table[foreignKeys] as ForeignKey[]).filter(
      (fk) => !fk.reference().columns.some((c) => c.name === 'user_id' || c.name === 'actor_id'),
    )
  }
  return schema
}

/**
 * The audit trail is append-only, enforced by the database for every connection, the table owner the
 * app connects as included: a row trigger refuses UPDATE and DELETE, a statement trigger refuses
 * TRUNCATE. (The owner could still drop or disable the triggers; a deployment that must rule that out
 * connects the app as a role that does not own the table.) Drizzle cannot declare triggers: production
 * migrations must contain this SQL verbatim; push-mode databases get it from installAuditTriggers.
 */
export const AUDIT_TRIGGERS_SQL = `
create or replace function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege',
          hint = 'Audit events are never changed or removed; record a new event instead.';
end $$;
create or replace trigger audit_events_no_update_delete before update or delete on audit_events
  for each row execute function audit_events_append_only();
create or replace trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
`

/**
 * Installs the triggers on databases whose schema Payload pushes (development, tests); production
 * runs committed migrations only and is left alone. Idempotent.
 */
export async function installAuditTriggers(payload: Payload) {
  const db = payload.db as unknown as { push?: boolean; drizzle: { execute: (q: unknown) => Promise<unknown> } }
  if (process.env.NODE_ENV === 'production' || db.push === false) return
  await db.drizzle.execute(sql.raw(AUDIT_TRIGGERS_SQL))
}
