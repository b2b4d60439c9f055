import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres, tempDataDir } from '../../src/db/embedded'
import { freePort } from '../helpers/appServer'

/**
 * Integration tests run against a real, throw-away Postgres: the embedded one unless TEST_DATABASE_URL
 * names another. The schema is pushed once here; the test workers then share it.
 */
export default async function setup(_project: TestProject) {
  Object.assign(process.env, { NODE_ENV: 'test' })
  process.env.PAYLOAD_SECRET ||= 'test-secret-for-integration-tests-only-0123456789'
  process.env.PUBLIC_URL ||= 'http://localhost:3000'
  // Uploads of the tests go to a throw-away folder, not the project's media/.
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-test-media-'))
  process.env.MEDIA_DIR = mediaDir
  let stop: (() => Promise<void>) | undefined
  let dataDir: string | undefined
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL
  } else {
    dataDir = tempDataDir()
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), databases: ['rounds_test'] })
    process.env.DATABASE_URL = db.url
    stop = db.stop
  }
  process.env.PAYLOAD_PUSH = 'true'
  const { getPayload } = await import('payload')
  const config = (await import('../../payload.config')).default
  const payload = await getPayload({ config, key: 'setup' })
  const pool = (payload.db as unknown as { pool: { on: (e: string, f: () => void) => void } }).pool
  pool.on('error', () => {})
  await payload.destroy().catch(() => {})
  process.env.PAYLOAD_PUSH = 'false'

  return async () => {
    await stop?.()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(mediaDir, { recursive: true, force: true })
  }
}
