import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { startEmbeddedPostgres, tempDataDir, type EmbeddedDatabase } from '@/db/embedded'
import { isDatabaseUnavailable } from '@/db/unavailable'
import { freePort } from '../helpers/appServer'

describe('isDatabaseUnavailable', () => {
  const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code })

  it.each([
    ['connection refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', pgError('ECONNRESET')],
    ['admin shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['statement timeout (57014)', pgError('57014', 'canceling statement due to statement timeout')],
    ['too many connections (53300)', pgError('53300')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['client-side query timeout', new Error('Query read timeout')],
    ['terminated connection', new Error('Connection terminated unexpectedly')],
    ['wrapped by drizzle', Object.assign(new Error('Failed query: select 1'), { cause: pgError('ECONNREFUSED') })],
    ['wrapped twice', new Error('outer', { cause: new Error('middle', { cause: pgError('57P01') }) })],
    ['an AggregateError of refused addresses', new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], '')],
  ])('true for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601', 'syntax error at or near "selec"')],
    ['a validation error', Object.assign(new Error('The following field is invalid: email'), { status: 400 })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('false for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('does not loop on an error that is its own cause', () => {
    const e = new Error('self') as Error & { cause?: unknown }
    e.cause = e
    expect(isDatabaseUnavailable(e)).toBe(false)
  })
})

/**
 * The real thing: a throw-away Postgres of its own, a Payload instance on it, and the database
 * stopped, frozen and brought back while requests keep coming.
 */
describe('the app while its database is down or hung', () => {
  let db: EmbeddedDatabase
  let dataDir: string
  let port: number
  let payload: Payload
  let client: InstanceType<typeof import('../helpers/rest').RestClient>
  let RestClient: typeof import('../helpers/rest').RestClient

  beforeAll(async () => {
    dataDir = tempDataDir('rounds-pg-outage-')
    port = await freePort()
    db = await startEmbeddedPostgres({ dataDir, port, databases: ['rounds_outage'] })
    // Before the config is first imported: the pool is built from these when it loads.
    process.env.DATABASE_URL = db.url
    process.env.PAYLOAD_PUSH = 'true'
    const { getPayload } = await import('payload')
    const config = (await import('@payload-config')).default
    payload = await getPayload({ config })
    ;(payload.db as unknown as { pool: { on: (e: string, f: () => void) => void } }).pool.on('error', () => {})
    ;({ RestClient } = await import('../helpers/rest'))
    client = new RestClient()
    await payload.create({ collection: 'specialties', data: { name: 'Cardiology', slug: 'cardiology' } })
  }, 180_000)

  afterAll(async () => {
    resume()
    await db?.stop().catch(() => {})
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }, 60_000)

  /** The postmaster and every backend of the throw-away cluster. */
  function postgresPids(): number[] {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter(Boolean)
    return [postmaster, ...children]
  }
  let frozen: number[] = []
  function freeze() {
    frozen = postgresPids()
    for (const pid of frozen) process.kill(pid, 'SIGSTOP')
  }
  function resume() {
    for (const pid of frozen) {
      try {
        process.kill(pid, 'SIGCONT')
      } catch {
        /* already gone */
      }
    }
    frozen = []
  }

  async function timed<T>(fn: () => Promise<T>) {
    const started = Date.now()
    const result = await fn()
    return { result, ms: Date.now() - started }
  }

  async function untilServing(limitMs: number) {
    const started = Date.now()
    for (;;) {
      const res = await client.get('/specialties?limit=5')
      if (res.status === 200) return Date.now() - started
      if (Date.now() - started > limitMs) throw new Error(`still ${res.status} after ${limitMs} ms`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  it('serves normally while the database is up', async () => {
    const res = await client.get('/specialties?limit=5')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { slug: string }) => d.slug)).toContain('cardiology')
    const health = await client.get('/health')
    expect(health.status).toBe(200)
    expect(health.body.database).toBe('up')
  })

  it('database stopped: 503 with Retry-After within 3 s, for reads, logins and health', async () => {
    await db.stop()

    const read = await timed(() => client.get('/specialties?limit=5'))
    expect(read.result.status).toBe(503)
    expect(Number(read.result.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(read.result.body.errors[0].message).toMatch(/temporarily unavailable/)
    expect(read.ms).toBeLessThan(3000)
    // No internals leak into the answer.
    expect(JSON.stringify(read.result.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select|stack/i)

    const login = await timed(() => new RestClient().post('/users/login', { email: 'someone@example.test', password: 'a quiet ward at 3am' }))
    expect(login.result.status).toBe(503)
    expect(login.ms).toBeLessThan(3000)

    const graphql = await timed(() => client.graphql('query { Specialties(limit: 5) { docs { id } } }'))
    expect(graphql.ms).toBeLessThan(3000)
    expect(graphql.result.body.data?.Specialties ?? null).toBeNull()
    expect(JSON.stringify(graphql.result.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/)

    const health = await timed(() => client.get('/health'))
    expect(health.result.status).toBe(503)
    expect(health.result.body).toMatchObject({ status: 'degraded', live: true, ready: false, database: 'down' })
    expect(health.result.headers.get('retry-after')).toBeTruthy()
    expect(health.ms).toBeLessThan(3000)
  })

  it('database back: full service within 10 s, without restarting the app', async () => {
    db = await startEmbeddedPostgres({ dataDir, port, databases: ['rounds_outage'] })
    const ms = await untilServing(10_000)
    expect(ms).toBeLessThan(10_000)
    expect((await client.get('/health')).body.database).toBe('up')
    // Writes work again too.
    const admin = await payload.create({
      collection: 'users',
      data: { email: `outage-admin-${Date.now()}@example.test`, password: 'a quiet ward at 3am', name: 'Outage Admin', roles: ['admin'], _verified: true } as never,
      disableVerificationEmail: true,
    })
    const adminClient = new RestClient()
    expect((await adminClient.login(String(admin.email), 'a quiet ward at 3am')).status).toBe(200)
    const created = await adminClient.post('/specialties', { name: 'Neurology', slug: `neurology-${Date.now()}` })
    expect(created.status).toBe(201)
  }, 30_000)

  it('database hung (frozen, not refusing): 503 within ~3 s instead of waiting, then recovers', async () => {
    // A connection already in the pool, then the database stops answering mid-flight.
    expect((await client.get('/specialties?limit=5')).status).toBe(200)
    freeze()
    try {
      const results = await Promise.all([0, 1, 2, 3].map(() => timed(() => client.get('/specialties?limit=5'))))
      for (const { result, ms } of results) {
        expect(result.status).toBe(503)
        expect(result.headers.get('retry-after')).toBeTruthy()
        expect(ms).toBeLessThan(4000)
      }
      const health = await timed(() => client.get('/health'))
      expect(health.result.status).toBe(503)
      expect(health.result.body.database).toBe('down')
      expect(health.ms).toBeLessThan(3000)
    } finally {
      resume()
    }
    expect(await untilServing(10_000)).toBeLessThan(10_000)
  }, 60_000)
})
