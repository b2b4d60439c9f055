import type pg from 'pg'

import type { BenchMember } from './context'

/**
 * Signs in members picked at random (each with a direct conversation of theirs), through the login
 * API as a client would: verified doctors (the trusted sending limit) and others. Logins run a few
 * at a time, each from its own client address so that the per-address login limit does not refuse
 * them. Each member's home feed is read once for the cursor of its second page.
 */
export async function signInMembers(base: string, db: pg.Pool, password: string, opts = { verified: 48, others: 16 }) {
  const pickMembers = (verified: boolean, count: number) =>
    db.query(
      `select u.id, u.email, min(cm.conversation_id) as conversation from users u join conversation_members cm on cm.user_id = u.id
       where u.email like 'bench-%@bench.rounds.test' and (u.verification_status = 'verified') = $1
       group by u.id, u.email order by random() limit $2`,
      [verified, count],
    )
  const rows = [...(await pickMembers(true, opts.verified)).rows.map((r) => ({ ...r, verified: true })), ...(await pickMembers(false, opts.others)).rows]
  const members: (BenchMember & { verified?: boolean })[] = []
  let next = 0
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]
      const res = await fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.251.${members.length >> 8}.${next & 255}` },
        body: JSON.stringify({ email: row.email, password }),
      })
      const { token } = (await res.json()) as { token?: string }
      if (!token) throw new Error(`could not sign in bench member ${row.email} (${res.status})`)
      const feed = await fetch(`${base}/api/feed?limit=20`, { headers: { Authorization: `JWT ${token}` } })
      const { nextCursor } = (await feed.json()) as { nextCursor?: string | null }
      members.push({ id: row.id, token, conversation: Number(row.conversation), homeCursor: nextCursor ?? null, verified: Boolean(row.verified) })
    }
  }
  await Promise.all([worker(), worker(), worker()])
  // Interleaved so that the i-th request's member is as likely verified as the population drawn.
  members.sort(() => Math.random() - 0.5)
  return { members, senders: members.filter((m) => m.verified) }
}
