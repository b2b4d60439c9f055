import type { Endpoint } from 'payload'
import type { QueryConfig } from 'pg'

import { json } from '@/lib/http'
import { poolOf } from '@/db/pool'
import { RETRY_AFTER_SECONDS } from '@/db/unavailable'


/** GET /api/health: liveness of the process and readiness of the database. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Liveness and database readiness',
      tags: ['operations'],
      security: [],
      responses: {
        200: { description: 'Serving, database reachable' },
        503: { description: 'Database down or hung (Retry-After set)' },
      },
    },
  },
  handler: async (req) => {
    const started = Date.now()
    let database: 'up' | 'down' = 'up'
    try {
      const pool = poolOf(req.payload)!
      await Promise.race([
        pool.query({ text: 'select 1', query_timeout: 1500 } as QueryConfig),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
      ])
    } catch {
      database = 'down'
    }
    const ok = database === 'up'
    return json(
      req,
      { status: ok ? 'ok' : 'degraded', live: true, ready: ok, database, latencyMs: Date.now() - started, uptimeSeconds: Math.round(process.uptime()) },
      ok ? 200 : 503,
      ok ? undefined : { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    )
  },
}
