import type { Payload } from 'payload'
import type { Pool, PoolConfig } from 'pg'

/** Request-serving budget: a hung database must turn into a 503 within ~3 s, not a pile-up. */
export const REQUEST_STATEMENT_TIMEOUT_MS = 2500

/**
 * Fail fast when Postgres is unreachable or hung: a request waits at most 2 s for a connection and a
 * statement is cancelled after STATEMENT_TIMEOUT_MS (the client gives up 500 ms later even if the
 * server does not answer at all). Migrations and seeding raise the budget (see src/db/prepare.ts).
 */
export function poolOptions(): PoolConfig {
  // The development server compares the whole schema with the database at every start (schema push):
  // dozens of introspection queries at once, which a busy laptop cannot answer within request budgets.
  const development = process.env.NODE_ENV === 'development'
  const statementTimeout = Number(process.env.STATEMENT_TIMEOUT_MS || (development ? 30_000 : REQUEST_STATEMENT_TIMEOUT_MS))
  return {
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX || 20),
    connectionTimeoutMillis: development ? 15_000 : 2000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 500,
    keepAlive: true,
  }
}

/** The pg pool of Payload's Postgres adapter (rate limits, health checks, dedicated clients). */
export const poolOf = (payload: Payload): Pool | undefined => (payload.db as unknown as { pool?: Pool }).pool
