import type { Payload } from 'payload'

/** Seeds an empty database (placeholder replaced below). */
export async function seedIfEmpty(payload: Payload) {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  payload.logger.info('Empty database: seeding')
}
