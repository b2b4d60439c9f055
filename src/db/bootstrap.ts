import { defaultDataDir, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded'

/**
 * Makes sure `DATABASE_URL` points at a Postgres. When it is unset, an embedded Postgres is started
 * under `.data/postgres`. Development uses its own database so that schema push (development) and
 * migrations (production) never meet on one database.
 */
export async function ensureDatabase(): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) return null
  const production = process.env.NODE_ENV === 'production'
  const database = production ? 'rounds' : 'rounds_dev'
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)
  const db = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_POSTGRES_DIR || defaultDataDir(),
    port,
    databases: [database],
    log: process.env.LOG_POSTGRES === 'true' ? (l) => console.log(`[postgres] ${l}`) : undefined,
  })
  process.env.DATABASE_URL = db.url
  process.env.ROUNDS_EMBEDDED_DB = 'true' // a local install: the seed may add demo data
  console.log(`Embedded PostgreSQL ready on 127.0.0.1:${port} (database ${database})`)
  return db
}
