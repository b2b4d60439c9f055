import { getPayload, type Payload } from 'payload'

let payload: Payload | null = null

/** The Payload instance of this test worker, on the database prepared by tests/setup/database.ts. */
export async function testPayload(): Promise<Payload> {
  if (payload) return payload
  const config = (await import('@payload-config')).default
  payload = await getPayload({ config })
  ;(payload.db as unknown as { pool: { on: (e: string, f: () => void) => void } }).pool.on('error', () => {})
  return payload
}
