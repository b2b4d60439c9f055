import { getPayload, type Payload } from 'payload'

import { poolOf } from './pool'

/**
 * Runs once before the server accepts requests, with its own Payload instance: in production this
 * applies committed migrations (prodMigrations); then an empty database gets its first accounts.
 * Next's route handlers start their own instance, so this one is closed afterwards.
 */
export async function preparePayload() {
  // Migrations and seeding may run long statements; the request-serving instance keeps the short budget.
  const requestBudget = process.env.STATEMENT_TIMEOUT_MS
  process.env.STATEMENT_TIMEOUT_MS = process.env.MIGRATION_STATEMENT_TIMEOUT_MS || '600000'
  const config = (await import('@payload-config')).default
  if (requestBudget === undefined) delete process.env.STATEMENT_TIMEOUT_MS
  else process.env.STATEMENT_TIMEOUT_MS = requestBudget
  const payload = await getPayload({ config, key: 'bootstrap' })
  try {
    const { seedIfEmpty } = await import('@/domain/seed')
    await seedIfEmpty(payload)
  } finally {
    await closeInstance(payload)
    ;(globalThis as { _payload?: Map<string, unknown> })._payload?.delete('bootstrap')
  }
}

/** Ends a Payload instance and its pool (the adapter keeps one client checked out, so end() is bounded). */
export async function closeInstance(payload: Payload) {
  const pool = poolOf(payload)
  pool?.on('error', () => {})
  await payload.destroy().catch(() => {})
  // The adapter keeps one client checked out for good, so end() would wait forever: bound it.
  await Promise.race([pool?.end().catch(() => {}), new Promise((r) => setTimeout(r, 500).unref())])
}

/** Closes the instance that served requests, before the database stops. */
export async function closePayload() {
  const { stopRealtimeHub } = await import('@/realtime/hub')
  await stopRealtimeHub()
  const cache = (globalThis as { _payload?: Map<string, { payload?: Payload }> })._payload
  for (const entry of cache?.values() ?? []) {
    if (entry.payload) await closeInstance(entry.payload)
  }
}
