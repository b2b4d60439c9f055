/**
 * `npm run seed`: reseeds the demo data of the database `npm start` uses (the embedded one when
 * DATABASE_URL is unset). Applies pending migrations first, removes what an earlier seed created
 * (every account, on the embedded database) and seeds again with a new password.
 *
 * On a DATABASE_URL database it refuses unless `--force` or SEED_DEMO=true is given, and then only
 * removes the demo accounts (addresses at rounds.local) and demo avatars.
 */

import pg from 'pg'

import { ensureDatabase } from '../src/db/bootstrap'
import { defaultDataDir, EMBEDDED_PASSWORD, embeddedUrl, runningPostmaster } from '../src/db/embedded'
import { closeInstance } from '../src/db/prepare'
import { loadEnv } from '../src/lib/loadEnv'

const env = process.env as Record<string, string | undefined>
env.NODE_ENV = 'production'
env.NEXT_TELEMETRY_DISABLED ??= '1'
loadEnv()
// Migrations and seeding may run long statements; the short request budget is for serving.
env.STATEMENT_TIMEOUT_MS = env.MIGRATION_STATEMENT_TIMEOUT_MS || '600000'

const force = process.argv.includes('--force') || env.SEED_DEMO === 'true'
if (env.DATABASE_URL && !force) {
  console.error(
    'DATABASE_URL is set: refusing to put demo accounts into that database.\n' +
      'Run `npm run seed -- --force` (or set SEED_DEMO=true) if that is really what you want;\n' +
      'only accounts at @rounds.local and the demo avatars are replaced.',
  )
  process.exit(1)
}

async function useRunningEmbedded(port: number) {
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: EMBEDDED_PASSWORD, database: 'postgres' })
  await admin.connect()
  const exists = await admin.query("select 1 from pg_database where datname = 'rounds'")
  if (exists.rowCount === 0) await admin.query('create database rounds')
  await admin.end()
  env.DATABASE_URL = embeddedUrl(port, 'rounds')
  env.ROUNDS_EMBEDDED_DB = 'true'
  console.log(`Using the embedded PostgreSQL that is already running on 127.0.0.1:${port}`)
}

// A running server already holds the embedded data directory: starting it again would stop that
// server's database, so the seed connects to it instead.
const runningPort = env.DATABASE_URL ? null : (runningPostmaster(env.EMBEDDED_POSTGRES_DIR || defaultDataDir())?.port ?? null)
if (runningPort) await useRunningEmbedded(runningPort)
const embedded = Boolean(runningPort) || !env.DATABASE_URL
const database = runningPort ? null : await ensureDatabase()
let code = 0
try {
  const { getPayload } = await import('payload')
  const config = (await import('../payload.config')).default
  // In production mode Payload applies the committed migrations on init, as the server does.
  const payload = await getPayload({ config, key: 'seed' })
  try {
    const seed = await import('../src/domain/seed')
    await seed.seedSpecialties(payload)
    await seed.removeDemo(payload, { allUsers: embedded })
    await seed.createFirstAdmin(payload, env)
    await seed.seedDemoAndReport(payload, env)
  } finally {
    await closeInstance(payload)
  }
} catch (err) {
  console.error(err)
  code = 1
} finally {
  await database?.stop()
}
process.exit(code)
