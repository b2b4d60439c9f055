import type { PayloadRequest } from 'payload'

import { query, sql, sqlFor, transaction, type Db } from '@/db/sql'
import { nextStreak } from '@/domain/identity/streak'
import { pay } from './ledger'

const DAY = 24 * 60 * 60 * 1000
const utcDay = (d: Date) => d.toISOString().slice(0, 10)

/** Runs `work` in the request's transaction when it has one (Payload's login), else in a new one. */
async function inTransaction<T>(req: PayloadRequest, work: (db: Db) => Promise<T>): Promise<T> {
  const id = req.transactionID ? await req.transactionID : undefined
  return id ? work(await sqlFor(req)) : transaction(req.payload, work)
}

/**
 * A sign-in, whatever proved it (password, email code, social provider): keeps the daily login streak
 * and last-login time, and pays the day's sign-in point and the 7- and 30-day streak bonuses once per
 * UTC day. The user row is locked first, so two sign-ins at the same instant count one day once.
 */
export async function recordSignIn(req: PayloadRequest, userId: number | string, now = new Date()) {
  const member = Number(userId)
  return inTransaction(req, async (db) => {
    const [row] = await query<{ last_login_at: string | Date | null; login_streak: string | number | null }>(
      db,
      sql`select last_login_at, login_streak from users where id = ${member} for no key update`,
    )
    if (!row) return null
    const last = row.last_login_at ? new Date(row.last_login_at) : null
    const streak = nextStreak(last, Number(row.login_streak ?? 0), now)
    await db.execute(sql`update users set last_login_at = ${now.toISOString()}, login_streak = ${streak} where id = ${member}`)
    const firstToday = !last || Math.floor(last.getTime() / DAY) !== Math.floor(now.getTime() / DAY)
    if (firstToday) {
      const source = `day:${utcDay(now)}`
      await pay(db, { member, reason: 'login', source })
      if (streak === 7) await pay(db, { member, reason: 'streak7', source })
      if (streak === 30) await pay(db, { member, reason: 'streak30', source })
    }
    return { loginStreak: streak, lastLoginAt: now.toISOString() }
  })
}
