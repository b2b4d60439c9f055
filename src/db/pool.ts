import type { PoolConfig } from 'pg'

/**
 * Fail fast when Postgres is unreachable or hung: a request waits at most ~2 s for a connection and
 * a statement is cancelled after STATEMENT_TIMEOUT_MS, so callers get a 503 instead of a pile-up.
 */
export function poolOptions(): PoolConfig {
  return {
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX || 20),
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    statement_timeout: Number(process.env.STATEMENT_TIMEOUT_MS || 10_000),
    query_timeout: Number(process.env.STATEMENT_TIMEOUT_MS || 10_000) + 2000,
    keepAlive: true,
  }
}
