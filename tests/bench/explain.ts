import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'
import type pg from 'pg'

import { feedStatement, type FeedViewer } from '@/domain/social/feed'

/** The member as the feed sees them after sign-in: roles, audience fields, specialties. */
async function viewerOf(db: pg.Pool, id: number): Promise<FeedViewer> {
  const { rows } = await db.query(
    `select u.id, u.verification_status as "verificationStatus", u.tier, u.specialty_id as specialty,
       array(select value::text from users_roles where parent_id = u.id) as roles,
       array(select specialties_id from users_rels where parent_id = u.id and path = 'subSpecialties') as "subSpecialties"
     from users u where u.id = $1`,
    [id],
  )
  return { ...rows[0], collection: 'users' } as FeedViewer
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statement that picks a feed page, for one member: the evidence
 * behind the feed figures, written with the results.
 */
export async function explainFeeds(db: pg.Pool, memberId: number, roomId: number) {
  const viewer = await viewerOf(db, memberId)
  const dialect = new PgDialect()
  const cases = {
    'home (new)': feedStatement(viewer, { kind: 'home' }),
    'home (top)': feedStatement(viewer, { kind: 'home', sort: 'top' }),
    'public (new)': feedStatement(viewer, { kind: 'public' }),
    'room (new)': feedStatement(viewer, { kind: 'room', room: roomId }),
  }
  const plans: Record<string, { executionMs: number; plan: string[] }> = {}
  for (const [name, { statement }] of Object.entries(cases)) {
    const q = dialect.sqlToQuery(statement)
    const { rows } = await db.query(`explain (analyze, buffers) ${q.sql}`, q.params as unknown[])
    const plan = rows.map((r) => r['QUERY PLAN'] as string)
    const time = plan.find((l) => l.startsWith('Execution Time'))
    plans[name] = { executionMs: time ? Number(time.replace(/[^0-9.]/g, '')) : NaN, plan }
  }
  return { member: memberId, room: roomId, plans }
}
