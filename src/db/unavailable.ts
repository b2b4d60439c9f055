import type { AfterErrorHook } from 'payload'

const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled (statement_timeout)
  '08000',
  '08001',
  '08003',
  '08006',
  '53300', // too_many_connections
])
const MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)|canceling statement due to statement timeout|Query read timeout/i

/** True when an error (or any error it wraps) means Postgres is down, hung or refusing connections. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let i = 0; i < 6 && current; i++) {
    const e = current as { code?: string; message?: string; cause?: unknown; errors?: unknown[] }
    if (e.code && CODES.has(e.code)) return true
    if (e.message && MESSAGES.test(e.message)) return true
    if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true
    current = e.cause
  }
  return false
}

export const RETRY_AFTER_SECONDS = 5

/** A database outage is the service being unavailable, not a server bug: answer 503 with Retry-After. */
export const databaseUnavailable: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseUnavailable(error)) return
  if (req) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
  }
  return {
    status: 503,
    response: { errors: [{ message: 'The service is temporarily unavailable. Please retry shortly.' }] },
  }
}
