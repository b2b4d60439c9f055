import { query, sql, type Db, type SQL } from '@/db/sql'
import { LEVELS, POINT_RULES, type PointReason } from './scoring'

/**
 * The points ledger (collection `point-events`). One row per member, reason and source (a post, a
 * reaction, a follower, a day), under a unique index, so the same contribution never pays twice however
 * often its event is emitted. A row counts towards users.points while it is `active` (its reaction
 * still stands) and not `withheld` (its post is not hidden by moderation); every change of either flag
 * moves users.points and users.level by an atomic update in the same transaction.
 *
 * Locks: the earning member's user row is locked before the ledger is touched, so daily caps hold under
 * concurrency. Callers lock content rows (posts, comments) before this, never after, so the order is
 * always content then member.
 */

export type LedgerKey = { member: number; reason: PointReason; source: string }

/** The level of a points expression, as SQL (the constants are ours, not input). */
function levelOf(points: SQL): SQL {
  const branches = [...LEVELS]
    .reverse()
    .filter((l) => l.min > 0)
    .map((l) => sql`when ${points} >= ${sql.raw(String(l.min))} then ${sql.raw(String(l.level))}`)
  return sql`case ${sql.join(branches, sql` `)} else 1 end`
}

/** users.points += delta (never below zero) and users.level with it, in one statement. */
async function addPoints(db: Db, member: number, delta: number) {
  if (!delta) return
  const total = sql`greatest(0, coalesce(points, 0) + ${sql.raw(String(Math.trunc(delta)))})`
  await db.execute(sql`update users set points = ${total}, level = ${levelOf(total)} where id = ${member}`)
}

/**
 * Locks the member's row; false when there is no such member. FOR NO KEY UPDATE, the lock an UPDATE of
 * the row takes anyway: FOR UPDATE would also wait for the key-share locks that other transactions'
 * follows and reactions hold on the member through their foreign keys, and deadlock with them.
 */
async function lockMember(db: Db, member: number) {
  return (await query(db, sql`select id from users where id = ${member} for no key update`)).length > 0
}

const startOfUtcDay = sql`(date_trunc('day', now() at time zone 'UTC') at time zone 'UTC')`

/**
 * Records a contribution and pays it, at most once per key: the points of its rule, or fewer when the
 * member's daily cap for that reason is reached (the row is still kept, so a later repeat of the same
 * event cannot pay then). Returns the points paid, or null when the key was already in the ledger.
 */
export async function pay(db: Db, key: LedgerKey, opts: { post?: number | null; withheld?: boolean } = {}): Promise<number | null> {
  if (!(await lockMember(db, key.member))) return null
  const rule = POINT_RULES[key.reason]
  let points: number = rule.points
  if (rule.dailyCap !== null) {
    const [today] = await query<{ total: string | number }>(
      db,
      sql`select coalesce(sum(points), 0) as total from point_events
          where member_id = ${key.member} and reason = ${key.reason} and created_at >= ${startOfUtcDay}`,
    )
    points = Math.max(0, Math.min(points, rule.dailyCap - Number(today.total)))
  }
  const withheld = Boolean(opts.withheld)
  const inserted = await query(
    db,
    sql`insert into point_events (member_id, reason, source, points, post_id, active, withheld, updated_at, created_at)
        values (${key.member}, ${key.reason}, ${key.source}, ${points}, ${opts.post ?? null}, true, ${withheld}, now(), now())
        on conflict (member_id, reason, source) do nothing returning id`,
  )
  if (!inserted.length) return null
  if (!withheld) await addPoints(db, key.member, points)
  return points
}

/**
 * Takes back (active = false) or gives back (active = true) what a ledger row paid, once per change:
 * a second reversal of the same row finds nothing to change.
 */
export async function setActive(db: Db, key: LedgerKey, active: boolean): Promise<number> {
  if (!(await lockMember(db, key.member))) return 0
  const rows = await query<{ points: string | number; withheld: boolean }>(
    db,
    sql`update point_events set active = ${active}, updated_at = now()
        where member_id = ${key.member} and reason = ${key.reason} and source = ${key.source} and active is distinct from ${active}
        returning points, withheld`,
  )
  const delta = rows.filter((r) => !r.withheld).reduce((sum, r) => sum + Number(r.points), 0) * (active ? 1 : -1)
  await addPoints(db, key.member, delta)
  return delta
}

/**
 * Withholds (a post hidden, removed or held by moderation) or releases (visible again) everything the
 * post earned its author: the post itself and the reactions it received.
 */
export async function withholdPost(db: Db, member: number, post: number, withheld: boolean): Promise<number> {
  if (!(await lockMember(db, member))) return 0
  const rows = await query<{ points: string | number; active: boolean }>(
    db,
    sql`update point_events set withheld = ${withheld}, updated_at = now()
        where member_id = ${member} and post_id = ${post} and withheld is distinct from ${withheld}
        returning points, active`,
  )
  const delta = rows.filter((r) => r.active).reduce((sum, r) => sum + Number(r.points), 0) * (withheld ? -1 : 1)
  await addPoints(db, member, delta)
  return delta
}
