import { ensureBuild, startAppServer } from '../helpers/appServer'

/** The first admin of the e2e server (created by the seed from ADMIN_EMAIL / ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: 'admin@e2e.rounds.test', password: 'e2e staff passphrase 2026' }

/**
 * End-to-end tests drive real Chromium against a production build served by server.ts, on a fresh
 * embedded Postgres that the server migrates and seeds itself, exactly as `npm start` does.
 * E2E_SKIP_BUILD=true reuses an existing build; E2E_BASE_URL targets a server already running.
 */
export default async function setup() {
  if (process.env.E2E_BASE_URL) return
  ensureBuild(process.env.E2E_SKIP_BUILD === 'true')
  const server = await startAppServer({
    env: { ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password },
    echo: process.env.E2E_SERVER_LOG === 'true',
  })
  process.env.E2E_BASE_URL = server.base
  process.env.E2E_DATA_DIR = server.dataDir
  return server.stop
}
