/**
 * `npm run bench [-- --users=10000 --posts=100000 --concurrency=16 --duration=10 --only=<text> --reuse-build]`
 *
 * Starts the production server on a fresh embedded Postgres, seeds members and the social network
 * at the chosen scale (reactions 10x posts, comments 2x posts, about 50 follows a member; see
 * seedNetwork.ts), then measures each scenario: p50/p95/p99 latency and throughput at the chosen concurrency, the
 * SQL statements per request (server-side counter), and throughput relative to a plain Next.js
 * route on the same machine. Results are printed and written to tests/bench/results/.
 */
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { ensureBuild, freePort, ROOT, startAppServer } from '../helpers/appServer'
import type { BenchContext, Scenario } from './context'
import { runLoad, sqlPerRequest } from './load'
import { identityScenarios } from './scenarios/identity'
import { socialScenarios } from './scenarios/social'
import { seedMembers } from './seed'
import { defaultScale, seedNetwork } from './seedNetwork'
import { explainFeeds } from './explain'
import { signInMembers } from './members'

const SCENARIOS: Scenario[] = [...identityScenarios, ...socialScenarios()]

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=')
    return [k, v ?? 'true']
  }),
)
const users = Number(args.users ?? 10_000)
const posts = Number(args.posts ?? 100_000)
const concurrency = Number(args.concurrency ?? 16)
const durationMs = Number(args.duration ?? 10) * 1000
const only = args.only as string | undefined

const ADMIN = { email: 'bench-admin@bench.rounds.test', password: 'bench passphrase for load tests' }

async function main() {
  ensureBuild(args['reuse-build'] === 'true')
  const pgPort = await freePort()
  const server = await startAppServer({
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DEMO_PASSWORD: ADMIN.password,
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      COUNT_SQL: 'true',
      TRUST_PROXY: 'true',
    },
  })
  const db = new pg.Pool({ connectionString: `postgres://postgres:rounds@127.0.0.1:${pgPort}/rounds`, max: 4 })
  try {
    const seedStart = Date.now()
    await seedMembers(db, users, ADMIN)
    const membersSeconds = (Date.now() - seedStart) / 1000
    console.log(`Seeded ${users} members in ${membersSeconds.toFixed(1)} s; the network:`)
    await seedNetwork(db, defaultScale(posts))
    const seedSeconds = (Date.now() - seedStart) / 1000
    const sample = await db.query(
      "select id, handle, email from users where email like 'bench-%@bench.rounds.test' and handle is not null order by random() limit 500",
    )
    const login = await fetch(`${server.base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.250.0.1' },
      body: JSON.stringify({ email: sample.rows[0].email, password: ADMIN.password }),
    })
    const { token } = (await login.json()) as { token: string }
    if (!token) throw new Error('could not log in a bench member')
    const signedIn = await signInMembers(server.base, db, ADMIN.password)
    const readable = `_status = 'published' and moderation = 'visible' and deleted_at is null and visibility in ('public', 'members') and room_visibility in ('public', 'members')`
    const postIds = (await db.query(`select id from posts where ${readable} order by random() limit 2000`)).rows.map((r) => r.id as number)
    const likablePostIds = (
      await db.query(`select id from posts where ${readable} and (room_id is null or room_id in (select id from rooms where not voting)) order by random() limit 5000`)
    ).rows.map((r) => r.id as number)
    const roomIds = (await db.query("select id from rooms where visibility in ('public', 'members') order by id")).rows.map((r) => r.id as number)
    const ctx: BenchContext = {
      base: server.base,
      db,
      password: ADMIN.password,
      token,
      handles: sample.rows.map((r) => r.handle),
      userIds: sample.rows.map((r) => r.id),
      emails: sample.rows.map((r) => r.email),
      ...signedIn,
      postIds,
      likablePostIds,
      roomIds,
    }
    const total = (await db.query('select count(*)::int as n from users')).rows[0].n
    const counts = (
      await db.query(`select (select count(*) from posts)::int as posts, (select count(*) from reactions)::int as reactions,
        (select count(*) from comments)::int as comments, (select count(*) from follows)::int as follows,
        (select count(*) from room_members)::int as room_members, (select count(*) from rooms)::int as rooms,
        (select count(*) from messages)::int as messages, (select count(*) from conversations)::int as conversations`)
    ).rows[0] as Record<string, number>
    const scale = { users: total, ...counts }

    console.log(
      `\nRounds bench: ${Object.entries(scale).map(([k, v]) => `${v} ${k}`).join(', ')} (seeded in ${seedSeconds.toFixed(1)} s), ${concurrency} concurrent clients\n`,
    )
    const results: Record<string, unknown>[] = []
    let referenceRps = 0
    for (const scenario of SCENARIOS) {
      if (only && !scenario.name.includes(only) && !scenario.name.startsWith('reference')) continue
      await scenario.before?.(ctx)
      const sql = await sqlPerRequest(server.base, [0, 1, 2, 3, 4].map((i) => scenario.next(ctx, i + 1000)))
      const r = await runLoad({
        base: server.base,
        concurrency,
        durationMs: scenario.durationMs ?? durationMs,
        next: (i) => scenario.next(ctx, i),
      })
      if (scenario.name.startsWith('reference')) referenceRps = r.rps
      const row = {
        scenario: scenario.name,
        p50_ms: r.p50,
        p95_ms: r.p95,
        p99_ms: r.p99,
        rps: r.rps,
        vs_reference: referenceRps ? `${Math.round((r.rps / referenceRps) * 100)}%` : '',
        sql_per_request: sql,
        target_p95_ms: scenario.target?.p95 ?? null,
        meets_target: scenario.target ? r.p95 <= scenario.target.p95 : null,
        errors: r.errors,
        statuses: JSON.stringify(r.statusCounts),
      }
      results.push(row)
      console.log(
        `${scenario.name.padEnd(34)} p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  p99 ${String(r.p99).padStart(7)} ms  ${String(r.rps).padStart(8)} req/s  ${String(row.vs_reference).padStart(5)}  sql ${sql ?? '-'}  errors ${r.errors}${scenario.target ? `  target p95 ${scenario.target.p95} ms ${r.p95 <= scenario.target.p95 ? 'met' : 'MISSED'}` : ''}`,
      )
    }
    // The plans behind the feed figures, for one of the signed-in members.
    const explained = await explainFeeds(db, ctx.members[0].id, ctx.roomIds[0])
    for (const [name, p] of Object.entries(explained.plans)) console.log(`EXPLAIN ANALYZE ${name.padEnd(14)} ${p.executionMs} ms`)
    const outDir = path.join(ROOT, 'tests/bench/results')
    fs.mkdirSync(outDir, { recursive: true })
    const file = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${posts}-posts.json`)
    fs.writeFileSync(file, JSON.stringify({ scale, seedSeconds, concurrency, durationMs, results, explained }, null, 2))
    console.log(`\nWritten to ${path.relative(ROOT, file)}`)
  } finally {
    await db.end()
    await server.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
