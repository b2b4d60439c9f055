import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { tempDataDir } from '../../src/db/embedded'
import { freePort } from './database'

/**
 * End-to-end tests drive real Chromium against a production build served by server.ts, on a fresh
 * embedded Postgres that the server migrates and seeds itself, exactly as `npm start` does.
 */
/** The first admin of the e2e server (created by the seed from ADMIN_EMAIL / ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: 'admin@e2e.rounds.test', password: 'e2e admin passphrase 2026' }

export default async function setup() {
  if (process.env.E2E_BASE_URL) return
  const root = path.resolve(__dirname, '../..')
  const hasBuild = fs.existsSync(path.join(root, '.next/BUILD_ID'))
  if (!hasBuild || process.env.E2E_SKIP_BUILD !== 'true') {
    const build = spawnSync('npx', ['next', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const port = await freePort()
  const dataDir = tempDataDir('rounds-e2e-pg-')
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    EMBEDDED_POSTGRES_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    DATABASE_URL: '',
    SENDGRID_API_KEY: '',
    S3_BUCKET: '',
  }
  delete (env as Record<string, string | undefined>).DATABASE_URL
  const log = fs.createWriteStream(path.join(dataDir, '..', `rounds-e2e-server-${port}.log`))
  const child: ChildProcess = spawn('npx', ['tsx', 'server.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  if (process.env.E2E_SERVER_LOG === 'true') {
    child.stdout?.pipe(process.stdout)
    child.stderr?.pipe(process.stderr)
  }
  const base = `http://localhost:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}); see ${log.path}`)
    try {
      const res = await fetch(`${base}/api/health`)
      if (res.ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy; see ${log.path}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  process.env.E2E_BASE_URL = base
  process.env.E2E_DATA_DIR = dataDir

  return async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {}
        resolve()
      }, 15_000)
      child.on('exit', () => {
        clearTimeout(t)
        resolve()
      })
    })
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
