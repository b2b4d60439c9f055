import { query, sql, type Db } from '@/db/sql'
import { RuleError } from '@/lib/ruleError'
import { announce, LIVE_EVENTS } from './realtime'

export const QUESTION_MAX = 500
export const ANSWER_MAX = 2000
export const QUESTION_STATUSES = ['open', 'answered', 'hidden'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

/**
 * Where a Q&A lives: the questions table (with `<parent>_id`, author_id, body, status, answer,
 * answered_by_id, answered_at, upvotes), its votes table (question_id, user_id, unique) and the hub
 * topic of the parent (a live session, an expert AMA ...). The functions below work on any board;
 * who may ask or moderate is the caller's rule.
 */
export type QaBoard = { questions: string; votes: string; parent: string; topic: (parentId: number) => string }

export type Question = {
  id: number
  body: string
  status: QuestionStatus
  answer: string | null
  answeredAt: string | null
  upvotes: number
  createdAt: string
  author: { id: number; name: string }
  /** Whether the viewer upvoted it (lists only). */
  upvoted?: boolean
}

type Raw = {
  id: number
  body: string
  status: QuestionStatus
  answer: string | null
  answered_at: string | Date | null
  upvotes: number | string
  created_at: string | Date
  author_id: number
  author_name: string | null
  upvoted?: boolean
}

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString())
const toQuestion = (r: Raw): Question => ({
  id: Number(r.id),
  body: r.body,
  status: r.status,
  answer: r.answer,
  answeredAt: iso(r.answered_at),
  upvotes: Number(r.upvotes),
  createdAt: iso(r.created_at)!,
  author: { id: Number(r.author_id), name: r.author_name ?? 'Member' },
  ...(r.upvoted === undefined ? {} : { upvoted: Boolean(r.upvoted) }),
})

const t = (name: string) => sql.identifier(name)
const columns = (board: QaBoard) =>
  sql`q.id, q.body, q.status, q.answer, q.answered_at, q.upvotes, q.created_at, q.author_id,
      (select trim(concat_ws(' ', u.honorific, u.name)) from users u where u.id = q.author_id) as author_name`

/** The questions of a parent, most upvoted first, with the viewer's upvotes; hidden ones only for moderators. */
export async function listQuestions(db: Db, board: QaBoard, parentId: number, viewer: number, opts: { includeHidden?: boolean; limit?: number } = {}): Promise<Question[]> {
  const rows = await query<Raw>(
    db,
    sql`select ${columns(board)}, exists(select 1 from ${t(board.votes)} v where v.question_id = q.id and v.user_id = ${viewer}) as upvoted
        from ${t(board.questions)} q
        where q.${t(board.parent)} = ${parentId} ${opts.includeHidden ? sql`` : sql`and q.status <> 'hidden'`}
        order by q.upvotes desc, q.id asc limit ${Math.min(opts.limit ?? 200, 500)}`,
  )
  return rows.map(toQuestion)
}

/** Stores a question and announces it on the parent's topic in the same transaction. */
export async function askQuestion(db: Db, board: QaBoard, args: { parentId: number; author: number; body: string }): Promise<Question> {
  const body = args.body.trim()
  if (!body) throw new RuleError('Write a question first.', 400)
  if (body.length > QUESTION_MAX) throw new RuleError(`A question has at most ${QUESTION_MAX} characters.`, 400)
  const [row] = await query<Raw>(
    db,
    sql`with q as (
          insert into ${t(board.questions)} (${t(board.parent)}, author_id, body, status, upvotes, updated_at, created_at)
          values (${args.parentId}, ${args.author}, ${body}, 'open', 0, now(), now()) returning *
        ) select ${columns(board)} from q`,
  )
  const question = toQuestion(row)
  await announce(db, board.topic(args.parentId), LIVE_EVENTS.question, { question })
  return question
}

/** A visible question of this parent, or 404. */
async function visibleQuestion(db: Db, board: QaBoard, parentId: number, questionId: number) {
  const [row] = await query<{ status: QuestionStatus }>(
    db,
    sql`select status from ${t(board.questions)} where id = ${questionId} and ${t(board.parent)} = ${parentId}`,
  )
  if (!row || row.status === 'hidden') throw new RuleError('No such question.', 404)
}

/**
 * Adds the member's upvote, or removes it when there is one. The vote row (unique per member) and the
 * counter change in one statement under the question's row lock, so counts stay exact however many
 * members vote at once, and a double click counts once.
 */
export async function toggleUpvote(db: Db, board: QaBoard, args: { parentId: number; questionId: number; user: number }): Promise<{ upvoted: boolean; upvotes: number }> {
  await visibleQuestion(db, board, args.parentId, args.questionId)
  const [row] = await query<{ upvotes: number | string; upvoted: boolean }>(
    db,
    sql`with removed as (
          delete from ${t(board.votes)} where question_id = ${args.questionId} and user_id = ${args.user} returning 1
        ), added as (
          insert into ${t(board.votes)} (question_id, user_id, updated_at, created_at)
          select ${args.questionId}, ${args.user}, now(), now() where not exists (select 1 from removed)
          on conflict (question_id, user_id) do nothing returning 1
        )
        update ${t(board.questions)} set upvotes = upvotes + (select count(*) from added) - (select count(*) from removed)
        where id = ${args.questionId}
        returning upvotes, exists (select 1 from added) as upvoted`,
  )
  const result = { upvoted: Boolean(row.upvoted), upvotes: Number(row.upvotes) }
  await announce(db, board.topic(args.parentId), LIVE_EVENTS.questionVotes, { id: args.questionId, upvotes: result.upvotes })
  return result
}

/**
 * A moderator marks a question answered (with an optional written answer), hides it, or opens it
 * again. A hidden question leaves every list but the moderators'.
 */
export async function moderateQuestion(
  db: Db,
  board: QaBoard,
  args: { parentId: number; questionId: number; moderator: number; status: QuestionStatus; answer?: string | null },
): Promise<Question> {
  const answer = args.answer === undefined ? undefined : args.answer?.trim() || null
  if (answer && answer.length > ANSWER_MAX) throw new RuleError(`An answer has at most ${ANSWER_MAX} characters.`, 400)
  const answered = args.status === 'answered'
  const [row] = await query<Raw>(
    db,
    sql`with q as (
          update ${t(board.questions)} set status = ${args.status},
            answer = ${answer === undefined ? sql`answer` : answer},
            answered_by_id = ${answered ? sql`${args.moderator}` : sql`answered_by_id`},
            answered_at = ${answered ? sql`coalesce(answered_at, now())` : sql`answered_at`},
            updated_at = now()
          where id = ${args.questionId} and ${t(board.parent)} = ${args.parentId} returning *
        ) select ${columns(board)} from q`,
  )
  if (!row) throw new RuleError('No such question.', 404)
  const question = toQuestion(row)
  const topic = board.topic(args.parentId)
  if (question.status === 'hidden') await announce(db, topic, LIVE_EVENTS.questionRemoved, { id: question.id })
  else await announce(db, topic, LIVE_EVENTS.question, { question })
  return question
}
