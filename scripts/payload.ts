/**
 * Runs Payload's CLI (migrate, migrate:create, generate:types, generate:importmap ...) with the same
 * database bootstrap as the server: the embedded Postgres when DATABASE_URL is unset.
 */
import { ensureDatabase } from '../src/db/bootstrap'
import { loadEnv } from '../src/lib/loadEnv'

loadEnv()

const needsDatabase = !process.argv.slice(2).some((a) => a.startsWith('generate:'))
const database = needsDatabase ? await ensureDatabase() : null
process.on('exit', () => void database?.stop())
const { bin } = await import('payload/bin' as string).catch(() => import('../node_modules/payload/dist/bin/index.js' as string))
await bin()
await database?.stop()
