import { randomBytes } from 'node:crypto'

import { query, sql, type Db } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { announce, LIVE_EVENTS, liveTopic } from './realtime'

export const POLL_STATUSES = ['open', 'closed'] as const
export type PollStatus = (typeof POLL_STATUSES)[number]
export const POLL_OPTIONS_MIN = 2
export const POLL_OPTIONS_MAX = 6

export type Poll = {
  id: number
  question: string
  status: PollStatus
  options: { label: string; votes: number }[]
  total: number
  createdAt: string
  /** The option the viewer chose (lists only). */
  myVote?: number | null
}

type Raw = { id: number; question: string; status: PollStatus; created_at: string | Date; labels: string[]; counts: (number | string)[]; my_vote?: number | null }

const toPoll = (r: Raw): Poll => {
  const options = r.labels.map((label, i) => ({ label, votes: Number(r.counts[i] ?? 0) }))
  return {
    id: Number(r.id),
    question: r.question,
    status: r.status,
    options,
    total: options.reduce((n, o) => n + o.votes, 0),
    createdAt: new Date(r.created_at).toISOString(),
    ...(r.my_vote === undefined ? {} : { myVote: r.my_vote == null ? null : Number(r.my_vote) }),
  }
}

/** Labels in order and the vote count of each option, counted from the votes. */
const pollColumns = sql`p.id, p.question, p.status, p.created_at,
  array(select o.label from live_polls_options o where o._parent_id = p.id order by o._order) as labels,
  array(select (select count(*) from live_poll_votes v where v.poll_id = p.id and v.option = i.n)
        from generate_series(0, (select count(*) from live_polls_options o where o._parent_id = p.id) - 1) as i(n) order by i.n) as counts`

/** The polls of a session, newest first, with the viewer's vote. */
export async function listPolls(db: Db, sessionId: number, viewer: number): Promise<Poll[]> {
  const rows = await query<Raw>(
    db,
    sql`select ${pollColumns}, (select v.option from live_poll_votes v where v.poll_id = p.id and v.user_id = ${viewer}) as my_vote
        from live_polls p where p.session_id = ${sessionId} order by p.id desc limit 50`,
  )
  return rows.map(toPoll)
}

async function pollById(db: Db, pollId: number): Promise<Poll> {
  const [row] = await query<Raw>(db, sql`select ${pollColumns} from live_polls p where p.id = ${pollId}`)
  return toPoll(row)
}

/** A host opens a poll: a question and 2 to 6 options. */
export async function createPoll(db: Db, args: { sessionId: number; by: number; question: string; options: string[] }): Promise<Poll> {
  const question = args.question.trim()
  const options = args.options.map((o) => o.trim())
  if (!question) throw new RuleError('Write the poll question.', 400)
  if (options.length < POLL_OPTIONS_MIN || options.length > POLL_OPTIONS_MAX || options.some((o) => !o))
    throw new RuleError(`A poll has ${POLL_OPTIONS_MIN} to ${POLL_OPTIONS_MAX} options, none empty.`, 400)
  const [{ id }] = await query<{ id: number }>(
    db,
    sql`insert into live_polls (session_id, question, status, created_by_id, updated_at, created_at)
        values (${args.sessionId}, ${question}, 'open', ${args.by}, now(), now()) returning id`,
  )
  for (const [i, label] of options.entries()) {
    // Array rows as Payload stores them: a 24-hex id, 1-based order.
    await query(db, sql`insert into live_polls_options (_order, _parent_id, id, label) values (${i + 1}, ${id}, ${randomBytes(12).toString('hex')}, ${label})`)
  }
  const poll = await pollById(db, Number(id))
  await announce(db, liveTopic(args.sessionId), LIVE_EVENTS.poll, { poll })
  return poll
}

/** A host opens or closes a poll. */
export async function setPollStatus(db: Db, args: { sessionId: number; pollId: number; status: PollStatus }): Promise<Poll> {
  const rows = await query(db, sql`update live_polls set status = ${args.status}, updated_at = now() where id = ${args.pollId} and session_id = ${args.sessionId} returning id`)
  if (!rows.length) throw new RuleError('No such poll.', 404)
  const poll = await pollById(db, args.pollId)
  await announce(db, liveTopic(args.sessionId), LIVE_EVENTS.poll, { poll })
  return poll
}

/**
 * A member's vote: one per member and poll, changed freely while the poll is open. Votes of one poll
 * take its row lock in turn, so the counts announced after each vote include every vote before it.
 */
export async function votePoll(db: Db, args: { sessionId: number; pollId: number; user: number; option: number }): Promise<Poll> {
  const [poll] = await query<{ status: PollStatus; options: number | string }>(
    db,
    sql`select p.status, (select count(*) from live_polls_options o where o._parent_id = p.id) as options
        from live_polls p where p.id = ${args.pollId} and p.session_id = ${args.sessionId} for no key update`,
  )
  if (!poll) throw new RuleError('No such poll.', 404)
  if (poll.status !== 'open') throw new RuleError('This poll is closed.', 409)
  if (!Number.isInteger(args.option) || args.option < 0 || args.option >= Number(poll.options)) throw new RuleError('No such option.', 400)
  await query(
    db,
    sql`insert into live_poll_votes (poll_id, user_id, option, updated_at, created_at) values (${args.pollId}, ${args.user}, ${args.option}, now(), now())
        on conflict (poll_id, user_id) do update set option = excluded.option, updated_at = now()`,
  )
  const result = await pollById(db, args.pollId)
  await announce(db, liveTopic(args.sessionId), LIVE_EVENTS.pollResults, { id: result.id, options: result.options, total: result.total })
  return { ...result, myVote: args.option }
}
