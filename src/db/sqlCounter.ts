import { AsyncLocalStorage } from 'node:async_hooks'
import type { ServerResponse } from 'node:http'
import { createRequire } from 'node:module'

type Store = { statements: number; texts?: string[] }
const storage = new AsyncLocalStorage<Store>()
let installed = false

/**
 * Counts the SQL statements each request sends (for benchmarks and query-budget checks): every
 * pg query inside the request's async context increments its counter, reported in the
 * `x-sql-statements` response header. Off unless COUNT_SQL=true.
 */
export function installSqlCounter() {
  if (installed) return
  installed = true
  const require = createRequire(import.meta.url)
  const pg = require('pg') as typeof import('pg')
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown
  pg.Client.prototype.query = function patchedQuery(this: unknown, ...args: unknown[]) {
    const store = storage.getStore()
    if (store) {
      store.statements++
      const q = args[0] as string | { text?: string }
      store.texts?.push(typeof q === 'string' ? q : (q?.text ?? ''))
    }
    return original.apply(this, args)
  } as typeof pg.Client.prototype.query
}

export function withSqlCounter(res: ServerResponse, run: () => void) {
  const store: Store = { statements: 0 }
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    if (!res.headersSent) res.setHeader('x-sql-statements', String(store.statements))
    return writeHead(...args)
  }) as typeof res.writeHead
  storage.run(store, run)
}

/** Runs `work` and reports the SQL statements its async context sent, with their texts (tests). */
export async function countSql<T>(work: () => Promise<T>): Promise<{ result: T; count: number; texts: string[] }> {
  installSqlCounter()
  const store: Store = { statements: 0, texts: [] }
  const result = await storage.run(store, work)
  return { result, count: store.statements, texts: store.texts! }
}
