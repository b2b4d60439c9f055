import type { Endpoint } from 'payload'
import { z } from 'zod'

import { decodeCursor, inbox, startConversation } from '@/domain/messaging/conversations'
import { listMessages, markRead, sendMessage } from '@/domain/messaging/messages'
import { GROUP_LIMIT } from '@/domain/messaging/policy'
import { MESSAGE_MAX } from '@/domain/messaging/shared'
import { error, json, readBody } from '@/lib/http'
import { jsonBody } from '@/openapi/describe'
import { memberHandler, routeId } from '../social/endpoints/shared'

type Responses = Record<number, { description: string; content?: unknown }>
const idParam = { in: 'path', name: 'id', required: true, schema: { type: 'integer' }, description: 'Conversation id' }

function operation(opts: { summary: string; description?: string; body?: z.ZodType; parameters?: unknown[]; responses: Responses }) {
  return {
    openapi: {
      summary: opts.summary,
      ...(opts.description ? { description: opts.description } : {}),
      tags: ['messages'],
      ...(opts.parameters ? { parameters: opts.parameters } : {}),
      ...(opts.body ? { requestBody: jsonBody(opts.body) } : {}),
      responses: { 401: { description: 'Not signed in' }, ...opts.responses },
    },
  }
}

const messageId = z.coerce.number().int().positive().max(2147483647)

export const StartBody = z.object({
  participantIds: z.array(z.number().int().positive().max(2147483647)).min(1).max(GROUP_LIMIT - 1),
  title: z.string().trim().max(120).optional(),
})
export const SendBody = z.object({
  body: z.string().trim().min(1, 'Write a message first.').max(MESSAGE_MAX),
  clientId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'clientId: letters, digits, - and _ only.')
    .optional(),
})
export const ReadBody = z.object({ messageId: z.number().int().positive().max(2147483647) })

const messageSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    conversationId: { type: 'integer' },
    senderId: { type: 'integer' },
    body: { type: 'string' },
    clientId: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    state: { type: 'string', enum: ['sent', 'delivered', 'read'], description: 'Only on your own messages' },
  },
}

const start: Endpoint = {
  path: '/start',
  method: 'post',
  custom: operation({
    summary: 'Start a conversation (or open the existing 1:1)',
    description: `One other participant makes a 1:1 conversation: a pair has at most one, so starting it again returns the same one (200, created: false). Two to ${GROUP_LIMIT - 1} others make a group with an optional title. Refused (403) when a block stands between any two participants. Members who are not verified doctors may only start conversations with members who follow them, and fewer per hour.`,
    body: StartBody,
    responses: {
      200: { description: 'The existing 1:1 conversation: `{ id, created: false }`' },
      201: { description: 'A new conversation: `{ id, created: true }`' },
      400: { description: 'No other participant, or too many' },
      403: { description: 'A block stands between participants, or a new member writes to someone who does not follow them' },
      404: { description: 'A participant does not exist' },
      429: { description: 'Too many new conversations; see Retry-After' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const body = await readBody(req, StartBody)
    if (body.response) return body.response
    const result = await startConversation(req.payload, me, body.data, req)
    return json(req, result, result.created ? 201 : 200)
  }),
}

const send: Endpoint = {
  path: '/:id/messages',
  method: 'post',
  custom: operation({
    summary: 'Send a message',
    description:
      'The sender is the signed-in member. Pass a `clientId` (8-64 characters, unique per send) to make retries safe: a send repeated with the same clientId is stored once and answers 200 with the stored message. Participants with an open stream (GET /api/realtime/stream) receive it live. New (unverified) members may send 10 messages a minute, verified doctors 60.',
    parameters: [idParam],
    body: SendBody,
    responses: {
      201: { description: 'Stored: `{ message, created: true }`' },
      200: { description: 'A retry: the message stored earlier with this clientId, `{ message, created: false }`' },
      400: { description: 'Empty or over 4000 characters' },
      403: { description: 'A block stands between you and a participant' },
      404: { description: 'No such conversation (or you are not in it)' },
      429: { description: 'Sending too fast; see Retry-After' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return error(req, 404, 'No such conversation.')
    const body = await readBody(req, SendBody)
    if (body.response) return body.response
    const result = await sendMessage(req.payload, me, id, body.data, req)
    return json(req, result, result.created ? 201 : 200)
  }),
}

const Page = z.object({
  before: messageId.optional(),
  after: z.coerce.number().int().min(0).max(2147483647).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})

const list: Endpoint = {
  path: '/:id/messages',
  method: 'get',
  custom: operation({
    summary: 'Messages of a conversation',
    description:
      'Newest first; pass `nextCursor` as `before` for older ones (keyset, no counts). `after=<message id>` instead returns newer messages oldest first, for catching up. `members` carries each participant\'s read and delivery markers (message ids); your own messages carry `state`. Fetching marks the conversation delivered to you.',
    parameters: [
      idParam,
      { in: 'query', name: 'before', schema: { type: 'integer' } },
      { in: 'query', name: 'after', schema: { type: 'integer' } },
      { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 100, default: 30 } },
    ],
    responses: {
      200: {
        description: '`{ conversation, docs, nextCursor, members }`',
        content: { 'application/json': { schema: { type: 'object', properties: { docs: { type: 'array', items: messageSchema }, nextCursor: { type: ['string', 'null'] } } } } },
      },
      400: { description: 'Bad cursor' },
      404: { description: 'No such conversation (or you are not in it)' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return error(req, 404, 'No such conversation.')
    const params = Page.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) return error(req, 400, 'Bad cursor or limit.')
    return json(req, await listMessages(req.payload, me.id, id, params.data))
  }),
}

const read: Endpoint = {
  path: '/:id/read',
  method: 'post',
  custom: operation({
    summary: 'Mark a conversation read up to a message',
    description: 'Read markers only move forward: marking an older message changes nothing. The other participants get a `read` event.',
    parameters: [idParam],
    body: ReadBody,
    responses: {
      200: { description: '`{ changed }`' },
      400: { description: 'The message is not in this conversation' },
      404: { description: 'No such conversation (or you are not in it)' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return error(req, 404, 'No such conversation.')
    const body = await readBody(req, ReadBody)
    if (body.response) return body.response
    return json(req, await markRead(req.payload, me.id, id, body.data.messageId))
  }),
}

const InboxPage = z.object({ before: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) })

const inboxEndpoint: Endpoint = {
  path: '/inbox',
  method: 'get',
  custom: operation({
    summary: 'Your conversations, most recent first',
    description:
      'Each with the other participants, a preview of the last message and your unread count (counted up to 100). Keyset pagination: pass `nextCursor` as `before`. Listing marks the listed conversations delivered to you.',
    parameters: [
      { in: 'query', name: 'before', schema: { type: 'string' } },
      { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    ],
    responses: { 200: { description: '`{ docs, nextCursor }`' }, 400: { description: 'Bad cursor' } },
  }),
  handler: memberHandler(async (req, me) => {
    const params = InboxPage.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) return error(req, 400, 'Bad cursor or limit.')
    const before = params.data.before ? decodeCursor(params.data.before) : null
    if (params.data.before && !before) return error(req, 400, 'Bad cursor.')
    return json(req, await inbox(req.payload, me.id, { before, limit: params.data.limit }))
  }),
}

export const conversationEndpoints: Endpoint[] = [start, inboxEndpoint, send, list, read]
