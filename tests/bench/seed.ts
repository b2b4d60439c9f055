import type pg from 'pg'

/**
 * Bulk-inserts `count` confirmed members for benchmarks. Hashing 10k passwords with PBKDF2 would take
 * an hour, so every bench member reuses the hash and salt of one account created through Payload.
 */
export async function seedMembers(db: pg.Pool, count: number, template: { email: string }) {
  const { rows } = await db.query('select hash, salt from users where email = $1', [template.email])
  if (!rows[0]) throw new Error(`template account ${template.email} not found`)
  const existing = await db.query("select count(*)::int as n from users where email like 'bench-%@bench.rounds.test'")
  const have = existing.rows[0].n as number
  if (have >= count) return
  const specialties = (await db.query('select id from specialties order by id')).rows.map((r) => r.id as number)
  const batch = 2000
  for (let start = have; start < count; start += batch) {
    const end = Math.min(count, start + batch)
    const client = await db.connect()
    try {
      await client.query('begin')
      const inserted = await client.query(
        `insert into users (name, handle, email, hash, salt, _verified, title, bio, specialty_id, verification_status, tier, points, level, login_streak)
         select 'Bench Doctor ' || g, 'bench-doctor-' || g, 'bench-' || g || '@bench.rounds.test', $1, $2, true,
                'Consultant physician', 'Seeded for benchmarks.',
                ($3::int[])[1 + (g % greatest(array_length($3::int[], 1), 1))],
                (case when g % 3 = 0 then 'verified' else 'unverified' end)::enum_users_verification_status,
                'free', g % 500, 1 + g % 10, g % 30
         from generate_series($4::int, $5::int) g
         returning id`,
        [rows[0].hash, rows[0].salt, specialties.length ? specialties : [null], start + 1, end],
      )
      const ids = inserted.rows.map((r) => r.id as number)
      await client.query(
        `insert into users_roles ("order", parent_id, value) select 1, id, 'member' from unnest($1::int[]) as id`,
        [ids],
      )
      await client.query('commit')
    } catch (err) {
      await client.query('rollback')
      throw err
    } finally {
      client.release()
    }
  }
}
