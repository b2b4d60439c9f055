/**
 * `npm start`: production mode on this machine. Builds the app the first time (or when REBUILD=true),
 * then starts the server, which starts the embedded Postgres when DATABASE_URL is unset, applies the
 * committed migrations and seeds an empty database.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

Object.assign(process.env, { NODE_ENV: 'production' })
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const buildId = path.resolve('.next/BUILD_ID')
if (!fs.existsSync(buildId) || process.env.REBUILD === 'true') {
  console.log('Building Rounds for production (first start only; `npm run build` rebuilds)...')
  const started = Date.now()
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s`)
}

await import('../server')
