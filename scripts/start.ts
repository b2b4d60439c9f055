/**
 * `npm start`: production mode on this machine. Builds the app when there is no build or the sources
 * changed since the last one (or when REBUILD=true), then starts the server, which starts the embedded
 * Postgres when DATABASE_URL is unset, applies the committed migrations and seeds an empty database.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

Object.assign(process.env, { NODE_ENV: 'production' })
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const SOURCES = ['app', 'collections', 'plugins', 'src', 'migrations', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const stamp = path.resolve('.next/source-fingerprint')

/** Paths, sizes and modification times of everything the build reads. */
function fingerprint(): string {
  const hash = crypto.createHash('sha256')
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name))
    } else {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  SOURCES.forEach(visit)
  return hash.digest('hex')
}

const current = fingerprint()
const built = fs.existsSync('.next/BUILD_ID') && fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : null
if (built !== current || process.env.REBUILD === 'true') {
  console.log(built ? 'Sources changed since the last build: building again...' : 'Building Rounds for production (first start only)...')
  const started = Date.now()
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
  fs.writeFileSync(stamp, current)
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s`)
}

await import('../server')
