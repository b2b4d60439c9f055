import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { transaction } from '@/db/sql'
import { LIVE_QA } from '@/domain/learning/live/board'
import { createPoll, POLL_OPTIONS_MAX, POLL_OPTIONS_MIN, POLL_STATUSES, setPollStatus, votePoll } from '@/domain/learning/live/polls'
import { ANSWER_MAX, askQuestion, moderateQuestion, QUESTION_MAX, QUESTION_STATUSES, toggleUpvote } from '@/domain/learning/live/qa'
import { LIVE_REACTIONS, sendReaction } from '@/domain/learning/live/reactions'
import { LIVE_EVENTS, liveTopic } from '@/domain/learning/live/realtime'
import { cancelRegistration, joinSession, register } from '@/domain/learning/live/registrations'
import { assertModerator, assertParticipant, loadSession, moderates } from '@/domain/learning/live/session'
import { liveSessionState } from '@/domain/learning/live/state'
import { isOpenForActivity } from '@/domain/learning/live/status'
import { error, json, readBody } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { realtimeHub } from '@/realtime/hub'
import { eventStreamResponse } from '@/realtime/stream'
import { memberHandler, memberOperation, routeId, signedInMember } from '../social/endpoints/shared'

const TAG = 'live sessions'
const id32 = (raw: unknown) => {
  const n = Number(raw)
  return Number.isSafeInteger(n) && n > 0 && n <= 2147483647 ? n : null
}

export const AskBody = z.object({ body: z.string().trim().min(1, 'Write a question first.').max(QUESTION_MAX) })
export const ModerateBody = z.object({ status: z.enum(QUESTION_STATUSES), answer: z.string().max(ANSWER_MAX).nullable().optional() })
export const PollBody = z.object({
  question: z.string().trim().min(1, 'Write the poll question.').max(300),
  options: z.array(z.string().trim().min(1, 'An option cannot be empty.').max(120)).min(POLL_OPTIONS_MIN).max(POLL_OPTIONS_MAX),
})
export const PollStatusBody = z.object({ status: z.enum(POLL_STATUSES) })
export const VoteBody = z.object({ option: z.number().int().min(0).max(POLL_OPTIONS_MAX - 1) })
export const ReactionBody = z.object({ emoji: z.enum(LIVE_REACTIONS) })

/** memberOperation for routes with a second path parameter (`:questionId`, `:pollId`). */
function nestedOperation(param: string, opts: Parameters<typeof memberOperation>[0]) {
  const custom = memberOperation(opts) as { openapi: { parameters: unknown[] } }
  custom.openapi.parameters = [...custom.openapi.parameters, { in: 'path', name: param, required: true, schema: { type: 'integer' } }]
  return custom
}

/** The session id of the route, or a 404 RuleError. */
function sessionIdOf(req: PayloadRequest): number {
  const id = routeId(req)
  if (id === null) throw new RuleError('No such live session.', 404)
  return id
}
function paramOf(req: PayloadRequest, name: string, what: string): number {
  const id = id32(req.routeParams?.[name])
  if (id === null) throw new RuleError(`No such ${what}.`, 404)
  return id
}

const state: Endpoint = {
  path: '/:id/state',
  method: 'get',
  custom: {
    openapi: {
      summary: 'A live session as its page shows it',
      description:
        'Details, status (upcoming, live, ended, cancelled), seats and hosts for anyone; the viewer\'s registration and whether Join is open; for registered members, hosts and staff the questions (most upvoted first) and polls with counts; for hosts and staff the attendance.',
      tags: [TAG],
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }],
      responses: { 200: { description: 'The session state' }, 404: { description: 'No such session' } },
    },
  },
  handler: async (req) => {
    try {
      return json(req, await liveSessionState(req.payload, signedInMember(req), sessionIdOf(req)))
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  },
}

const registration: Endpoint = {
  path: '/:id/registration',
  method: 'post',
  custom: memberOperation({
    summary: 'Register for a live session',
    description: 'Takes a seat; parallel registrations never exceed the capacity. Registering again changes nothing (200). Sessions of a course need an enrollment in it.',
    tag: TAG,
    responses: {
      200: { description: 'Already registered' },
      201: { description: 'Registered: `{ registered, capacity, seatsLeft, created }`' },
      403: { description: 'The session belongs to a course the member is not enrolled in' },
      404: { description: 'No such session' },
      409: { description: 'Full, over or cancelled' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const result = await register(req.payload, me, sessionIdOf(req))
    return json(req, result, result.created ? 201 : 200)
  }),
}

const cancel: Endpoint = {
  path: '/:id/registration',
  method: 'delete',
  custom: memberOperation({
    summary: 'Cancel a registration',
    description: 'Frees the seat. Cancelling without a registration changes nothing.',
    tag: TAG,
    responses: { 200: { description: '`{ registered, capacity, seatsLeft, cancelled }`' }, 404: { description: 'No such session' } },
  }),
  handler: memberHandler(async (req, me) => json(req, await cancelRegistration(req.payload, me, sessionIdOf(req)))),
}

const join: Endpoint = {
  path: '/:id/join',
  method: 'post',
  custom: memberOperation({
    summary: 'Join a live session',
    description:
      'Gives the join link to registered members, hosts and staff from 15 minutes before the start until the end. A member\'s first join records their attendance and, when the session is a lesson of a course they are enrolled in, completes the lesson.',
    tag: TAG,
    responses: {
      200: { description: '`{ joinUrl, attendedAt, lessonCompleted }`' },
      403: { description: 'Not registered, or the link is not open yet' },
      404: { description: 'No such session' },
      409: { description: 'Over or cancelled' },
    },
  }),
  handler: memberHandler(async (req, me) => json(req, await joinSession(req.payload, me, sessionIdOf(req)))),
}

const stream: Endpoint = {
  path: '/:id/stream',
  method: 'get',
  custom: memberOperation({
    summary: 'Live events of a session (Server-Sent Events)',
    description: [
      'A `text/event-stream` for registered members, hosts and staff. Events: `ready`;',
      '`live.question` (data.question: a new or changed question), `live.question.votes` (id, upvotes), `live.question.removed` (id: hidden);',
      '`live.poll` (data.poll: new, opened or closed, with counts), `live.poll.results` (id, options with votes, total);',
      '`live.reaction` (emoji, userId), `live.seats` (registered, capacity, seatsLeft), `live.session` (status changed);',
      '`live.attendance` (attended; hosts only); `resync` (events may have been missed: load the state again).',
    ].join(' '),
    tag: TAG,
    responses: {
      200: { description: 'The event stream' },
      403: { description: 'Not registered' },
      404: { description: 'No such session' },
      503: { description: 'Live events are unavailable; retry later' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const session = await loadSession(req.payload, id)
    await assertParticipant(req.payload, session, me)
    const hub = realtimeHub(req.payload)
    try {
      await hub.ready()
    } catch {
      return error(req, 503, 'Live updates are unavailable right now. Try again shortly.')
    }
    const host = moderates(session, me)
    return eventStreamResponse(
      req,
      (send) => {
        const offTopic = hub.subscribeTopic(liveTopic(id), send)
        // Attendance goes to the hosts by name; resync already arrives through the topic.
        const offMine = host ? hub.subscribe(me.id, (e) => e.type === LIVE_EVENTS.attendance && Number(e.data.sessionId) === id && send(e)) : () => {}
        return () => {
          offTopic()
          offMine()
        }
      },
      { sessionId: id },
    )
  }),
}

const ask: Endpoint = {
  path: '/:id/questions',
  method: 'post',
  custom: memberOperation({
    summary: 'Ask a question',
    description: `Registered members, hosts and staff ask (at most ${QUESTION_MAX} characters) until the session ends. Announced as \`live.question\`.`,
    tag: TAG,
    body: AskBody,
    responses: { 201: { description: '`{ question }`' }, 400: { description: 'Empty or too long' }, 403: { description: 'Not registered' }, 404: { description: 'No such session' }, 409: { description: 'Over or cancelled' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const body = await readBody(req, AskBody)
    if (body.response) return body.response
    const question = await transaction(req.payload, async (tx) => {
      const session = await loadSession(tx, id)
      await assertParticipant(tx, session, me)
      if (!isOpenForActivity(session)) throw new RuleError('This session is over.', 409)
      return askQuestion(tx, LIVE_QA, { parentId: id, author: me.id, body: body.data.body })
    })
    return json(req, { question }, 201)
  }),
}

const upvote: Endpoint = {
  path: '/:id/questions/:questionId/upvote',
  method: 'post',
  custom: nestedOperation('questionId', {
    summary: 'Upvote a question, or take the upvote back',
    description: 'One upvote per member and question: a second call removes it. Announced as `live.question.votes`.',
    tag: TAG,
    responses: { 200: { description: '`{ upvoted, upvotes }`' }, 403: { description: 'Not registered' }, 404: { description: 'No such session or question' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const questionId = paramOf(req, 'questionId', 'question')
    const result = await transaction(req.payload, async (tx) => {
      await assertParticipant(tx, await loadSession(tx, id), me)
      return toggleUpvote(tx, LIVE_QA, { parentId: id, questionId, user: me.id })
    })
    return json(req, result)
  }),
}

const moderate: Endpoint = {
  path: '/:id/questions/:questionId',
  method: 'patch',
  custom: nestedOperation('questionId', {
    summary: 'Answer, hide or reopen a question (hosts and staff)',
    tag: TAG,
    body: ModerateBody,
    responses: { 200: { description: '`{ question }`' }, 400: { description: 'Bad status or answer' }, 403: { description: 'Not a host' }, 404: { description: 'No such session or question' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const questionId = paramOf(req, 'questionId', 'question')
    const body = await readBody(req, ModerateBody)
    if (body.response) return body.response
    const question = await transaction(req.payload, async (tx) => {
      assertModerator(await loadSession(tx, id), me)
      return moderateQuestion(tx, LIVE_QA, { parentId: id, questionId, moderator: me.id, status: body.data.status, answer: body.data.answer })
    })
    return json(req, { question })
  }),
}

const newPoll: Endpoint = {
  path: '/:id/polls',
  method: 'post',
  custom: memberOperation({
    summary: 'Open a poll (hosts and staff)',
    description: `A question and ${POLL_OPTIONS_MIN} to ${POLL_OPTIONS_MAX} options; the poll opens at once. Announced as \`live.poll\`.`,
    tag: TAG,
    body: PollBody,
    responses: { 201: { description: '`{ poll }`' }, 400: { description: 'Bad question or options' }, 403: { description: 'Not a host' }, 404: { description: 'No such session' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const body = await readBody(req, PollBody)
    if (body.response) return body.response
    const poll = await transaction(req.payload, async (tx) => {
      assertModerator(await loadSession(tx, id), me)
      return createPoll(tx, { sessionId: id, by: me.id, question: body.data.question, options: body.data.options })
    })
    return json(req, { poll }, 201)
  }),
}

const pollStatus: Endpoint = {
  path: '/:id/polls/:pollId',
  method: 'patch',
  custom: nestedOperation('pollId', {
    summary: 'Close or reopen a poll (hosts and staff)',
    tag: TAG,
    body: PollStatusBody,
    responses: { 200: { description: '`{ poll }`' }, 400: { description: 'Bad status' }, 403: { description: 'Not a host' }, 404: { description: 'No such session or poll' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const pollId = paramOf(req, 'pollId', 'poll')
    const body = await readBody(req, PollStatusBody)
    if (body.response) return body.response
    const poll = await transaction(req.payload, async (tx) => {
      assertModerator(await loadSession(tx, id), me)
      return setPollStatus(tx, { sessionId: id, pollId, status: body.data.status })
    })
    return json(req, { poll })
  }),
}

const vote: Endpoint = {
  path: '/:id/polls/:pollId/vote',
  method: 'post',
  custom: nestedOperation('pollId', {
    summary: 'Vote in a poll',
    description: 'One vote per member; voting again while the poll is open changes it. Announced as `live.poll.results`.',
    tag: TAG,
    body: VoteBody,
    responses: { 200: { description: '`{ poll }` with counts and myVote' }, 400: { description: 'No such option' }, 403: { description: 'Not registered' }, 404: { description: 'No such session or poll' }, 409: { description: 'The poll is closed' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const pollId = paramOf(req, 'pollId', 'poll')
    const body = await readBody(req, VoteBody)
    if (body.response) return body.response
    const poll = await transaction(req.payload, async (tx) => {
      await assertParticipant(tx, await loadSession(tx, id), me)
      return votePoll(tx, { sessionId: id, pollId, user: me.id, option: body.data.option })
    })
    return json(req, { poll })
  }),
}

const react: Endpoint = {
  path: '/:id/reactions',
  method: 'post',
  custom: memberOperation({
    summary: 'Send a reaction',
    description: `One of ${LIVE_REACTIONS.join(' ')}; not stored, only shown to everyone watching (\`live.reaction\`). A few per ten seconds.`,
    tag: TAG,
    body: ReactionBody,
    responses: { 202: { description: 'Sent' }, 400: { description: 'Not an offered reaction' }, 403: { description: 'Not registered' }, 404: { description: 'No such session' }, 429: { description: 'Too many; see Retry-After' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = sessionIdOf(req)
    const body = await readBody(req, ReactionBody)
    if (body.response) return body.response
    const session = await loadSession(req.payload, id)
    await assertParticipant(req.payload, session, me)
    if (!isOpenForActivity(session)) throw new RuleError('This session is over.', 409)
    await sendReaction(req.payload, { sessionId: id, user: me.id, emoji: body.data.emoji }, req)
    return json(req, { sent: true }, 202)
  }),
}

export const liveSessionEndpoints: Endpoint[] = [state, registration, cancel, join, stream, ask, upvote, moderate, newPoll, pollStatus, vote, react]
