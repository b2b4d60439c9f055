import { Agent, request } from 'undici'

export type RequestSpec = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; headers?: Record<string, string>; body?: string }
export type LoadResult = {
  requests: number
  errors: number
  statusCounts: Record<string, number>
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0

/**
 * Closed-loop load: `concurrency` clients each send the next request as soon as the previous answer
 * arrives, for `durationMs` after a warm-up. Latency is measured per request on the client side.
 */
export async function runLoad(opts: {
  base: string
  concurrency: number
  durationMs: number
  warmupMs?: number
  next: (i: number) => RequestSpec
}): Promise<LoadResult> {
  const dispatcher = new Agent({ connections: opts.concurrency, keepAliveTimeout: 30_000, pipelining: 1 })
  const latencies: number[] = []
  const statusCounts: Record<string, number> = {}
  let errors = 0
  let counter = 0
  let measuring = false
  let stop = false

  const client = async () => {
    while (!stop) {
      const spec = opts.next(counter++)
      const started = performance.now()
      try {
        const res = await request(`${opts.base}${spec.path}`, {
          method: spec.method ?? 'GET',
          headers: spec.headers,
          body: spec.body,
          dispatcher,
        })
        await res.body.dump()
        if (measuring) {
          latencies.push(performance.now() - started)
          statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1
          if (res.statusCode >= 400) errors++
        }
      } catch {
        if (measuring) errors++
      }
    }
  }

  const clients = Array.from({ length: opts.concurrency }, client)
  await new Promise((r) => setTimeout(r, opts.warmupMs ?? 2000))
  measuring = true
  const started = performance.now()
  await new Promise((r) => setTimeout(r, opts.durationMs))
  measuring = false
  const elapsed = (performance.now() - started) / 1000
  stop = true
  await Promise.all(clients)
  await dispatcher.close()

  const sorted = latencies.sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    requests: sorted.length,
    errors,
    statusCounts,
    rps: round(sorted.length / elapsed),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  }
}

/** Median number of SQL statements per request, from the server's x-sql-statements header. */
export async function sqlPerRequest(base: string, specs: RequestSpec[]): Promise<number | null> {
  const counts: number[] = []
  for (const spec of specs) {
    const res = await request(`${base}${spec.path}`, { method: spec.method ?? 'GET', headers: spec.headers, body: spec.body })
    await res.body.dump()
    const header = res.headers['x-sql-statements']
    if (header !== undefined) counts.push(Number(header))
  }
  if (!counts.length) return null
  counts.sort((a, b) => a - b)
  return counts[Math.floor(counts.length / 2)]
}
