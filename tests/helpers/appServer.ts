import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** Runs `next build` unless a build exists and `reuse` is true. */
export function ensureBuild(reuse: boolean) {
  if (reuse && fs.existsSync(path.join(ROOT, '.next/BUILD_ID'))) return
  const build = spawnSync('npx', ['next', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (build.status !== 0) throw new Error('next build failed')
}

export type AppServer = { base: string; port: number; dataDir: string; logPath: string; stop: () => Promise<void> }

/**
 * Starts server.ts in production mode on a fresh embedded Postgres (migrated and seeded by the server
 * itself, as `npm start` does) and waits until /api/health answers 200.
 */
export async function startAppServer(opts: { env?: Record<string, string>; echo?: boolean } = {}): Promise<AppServer> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-app-pg-'))
  const logPath = path.join(os.tmpdir(), `rounds-app-${port}.log`)
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-app-media-'))
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    EMBEDDED_POSTGRES_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    PAYLOAD_SECRET: 'test-server-secret-0123456789abcdef0123456789',
    MEDIA_DIR: mediaDir,
    ...opts.env,
  }
  for (const key of ['DATABASE_URL', 'SENDGRID_API_KEY', 'S3_BUCKET']) if (!opts.env?.[key]) delete env[key]
  const log = fs.createWriteStream(logPath)
  const child: ChildProcess = spawn('npx', ['tsx', 'server.ts'], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  if (opts.echo) {
    child.stdout?.pipe(process.stdout)
    child.stderr?.pipe(process.stderr)
  }
  const base = `http://localhost:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}); see ${logPath}`)
    try {
      const res = await fetch(`${base}/api/health`)
      if (res.ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy; see ${logPath}`)
    await new Promise((r) => setTimeout(r, 500))
  }

  const stop = async () => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        /* already gone */
      }
    }
    kill('SIGTERM')
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      const t = setTimeout(() => {
        kill('SIGKILL')
        resolve()
      }, 15_000)
      child.on('exit', () => {
        clearTimeout(t)
        resolve()
      })
    })
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(mediaDir, { recursive: true, force: true })
  }
  return { base, port, dataDir, logPath, stop }
}
