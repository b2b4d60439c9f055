import type { Payload } from 'payload'

import { createFirstAdmin, normalizeEmail } from './admin'
import { databaseName, describeCredentials, writeCredentials } from './credentials'
import { seedDemo, type DemoResult } from './demo'
import { seedSpecialties } from './masterData'

export { createFirstAdmin } from './admin'
export { seedDemo, removeDemo } from './demo'
export { seedSpecialties } from './masterData'
export { describeCredentials, writeCredentials, credentialsFile, CREDENTIALS_FILE } from './credentials'

/** Reads ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME, SEED_DEMO, DEMO_PASSWORD and ROUNDS_EMBEDDED_DB. */
export type SeedEnv = Record<string, string | undefined>

/**
 * Demo data goes only into the embedded database (a local install) or where SEED_DEMO=true asks for
 * it; a DATABASE_URL database is somebody's real data.
 */
export const demoAllowed = (env: SeedEnv) => env.SEED_DEMO === 'true' || env.ROUNDS_EMBEDDED_DB === 'true'

/** Seeds the demo accounts and tells the operator how to sign in: in the log and in a 0600 file. */
export async function seedDemoAndReport(payload: Payload, env: SeedEnv): Promise<DemoResult> {
  const result = await seedDemo(payload, { password: env.DEMO_PASSWORD || undefined, adminEmail: env.ADMIN_EMAIL || undefined })
  const envAdmin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? normalizeEmail(env.ADMIN_EMAIL) : undefined
  const text = describeCredentials(result, { envAdminEmail: envAdmin, database: databaseName() })
  const file = writeCredentials(text)
  const rule = '-'.repeat(72)
  payload.logger.info(`\n${rule}\n${text}\nSaved to ${file} (readable only by you).\n${rule}`)
  return result
}

/**
 * Runs before the server accepts requests, on every start: upserts the specialties, creates the
 * administrator named by ADMIN_EMAIL/ADMIN_PASSWORD, and fills an empty local database with demo data.
 */
export async function seedIfEmpty(payload: Payload, env: SeedEnv = process.env) {
  await seedSpecialties(payload)
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  const admin = await createFirstAdmin(payload, env)
  if (totalDocs > 0) return
  if (!demoAllowed(env)) {
    if (!admin) {
      payload.logger.warn(
        'There are no accounts yet. Set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first administrator.',
      )
    }
    return
  }
  // Demo data is a convenience: a failure is reported, and the server still starts.
  try {
    await seedDemoAndReport(payload, env)
  } catch (err) {
    payload.logger.error({ err }, 'Seeding the demo data failed; `npm run seed` retries it')
  }
}
