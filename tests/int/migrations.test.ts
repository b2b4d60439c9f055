import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '../../migrations'

/**
 * Production never pushes the schema: it runs the committed migrations. The test database was pushed
 * from the config; a fresh database built from the migrations alone must come out the same, or the
 * production app queries columns that do not exist.
 */
const url = new URL(process.env.DATABASE_URL!)
const fresh = `rounds_migrated_${process.pid}_${Date.now().toString(36)}`
let admin: pg.Client
let pushed: pg.Pool
let migrated: pg.Pool

const withDatabase = (name: string) => {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: withDatabase('postgres') })
  await admin.connect()
  await admin.query(`create database "${fresh}"`)
  pushed = new pg.Pool({ connectionString: url.toString(), max: 2 })
  migrated = new pg.Pool({ connectionString: withDatabase(fresh), max: 2 })
})

afterAll(async () => {
  await migrated?.end()
  await pushed?.end()
  await admin?.query(`drop database if exists "${fresh}" with (force)`).catch(() => {})
  await admin?.end()
})

async function describeSchema(pool: pg.Pool) {
  const columns = await pool.query(`
    select table_name, column_name, data_type, udt_name, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`)
  const enums = await pool.query(`
    select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder) as labels
    from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'public' group by t.typname order by t.typname`)
  const indexes = await pool.query(`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`)
  return {
    columns: columns.rows.map((c) => `${c.table_name}.${c.column_name} ${c.udt_name} ${c.is_nullable === 'YES' ? 'null' : 'not null'} ${c.column_default ?? ''}`.trim()),
    enums: enums.rows.map((e) => `${e.typname}: ${e.labels}`),
    indexes: indexes.rows.map((i) => i.indexdef),
  }
}

describe('committed migrations', () => {
  it('build the same schema the config describes (columns, enums, indexes)', async () => {
    const db = drizzle(migrated)
    for (const migration of migrations) {
      await migration.up({ db, payload: null, req: null } as never)
    }
    const expected = await describeSchema(pushed)
    const actual = await describeSchema(migrated)
    expect(expected.columns.length).toBeGreaterThan(20)
    expect(actual.columns, 'columns: run `npm run migrate:create` after changing collections').toEqual(expected.columns)
    expect(actual.enums).toEqual(expected.enums)
    expect(actual.indexes).toEqual(expected.indexes)
  })

  it('include the storage fields, so switching media to S3 needs no schema change', async () => {
    const { rows } = await migrated.query(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'media' order by column_name`,
    )
    expect(rows.map((r) => r.column_name)).toEqual(expect.arrayContaining(['_objectkey', 'prefix', 'url', 'filename']))
  })
})
