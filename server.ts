import { createServer, type IncomingMessage } from 'node:http'
import { parse } from 'node:url'

import next from 'next'

import { ensureDatabase } from './src/db/bootstrap'
import { installSqlCounter, withSqlCounter } from './src/db/sqlCounter'
import { loadEnv } from './src/lib/loadEnv'

/**
 * The Rounds server: starts (or connects to) Postgres, applies migrations and seeds an empty database
 * in production, then serves Next.js (member site, admin, REST and GraphQL) on PORT.
 */
const dev = process.env.NODE_ENV !== 'production'
loadEnv()
const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || '0.0.0.0'
const trustProxy = process.env.TRUST_PROXY === 'true'
const countSql = process.env.COUNT_SQL === 'true'

function clientAddress(req: IncomingMessage): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    if (first) return first
  }
  return req.socket.remoteAddress ?? 'unknown'
}

async function main() {
  if (countSql) installSqlCounter()
  const database = await ensureDatabase()

  const { preparePayload } = await import('./src/db/prepare')
  await preparePayload()

  const app = next({ dev, hostname: 'localhost', port })
  const handle = app.getRequestHandler()
  await app.prepare()

  const server = createServer((req, res) => {
    // Rate limits key on this header; whatever a client sent under that name is replaced.
    req.headers['x-rounds-client-ip'] = clientAddress(req)
    const serve = () =>
      void handle(req, res, parse(req.url ?? '/', true)).catch((err) => {
        console.error(err)
        if (!res.headersSent) {
          res.statusCode = 500
          res.end('Internal Server Error')
        }
      })
    if (countSql) withSqlCounter(res, serve)
    else serve()
  })
  server.keepAliveTimeout = 65_000
  server.listen(port, host, () => {
    console.log(`Rounds is ready on http://localhost:${port} (${dev ? 'development' : 'production'})`)
  })

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: shutting down`)
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    server.close()
    server.closeAllConnections?.()
    try {
      const { closePayload } = await import('./src/db/prepare')
      await closePayload()
    } catch (err) {
      console.error(err)
    }
    await database?.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
