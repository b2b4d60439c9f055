import type { Endpoint, PayloadRequest } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'
import { z } from 'zod'

import { recordAudit } from '@/domain/trust/audit'
import { listSessions, revokeOtherSessions, revokeSession, type SessionOwner } from '@/domain/identity/sessions/manage'
import { error, json } from '@/lib/http'
import { signedInMember } from '../../../social/endpoints/shared'

/** The signed-in member (by session token or API key) with the sessions Payload put on it, or null. */
const member = (req: PayloadRequest) => signedInMember(req) as SessionOwner | null

const signInFirst = (req: PayloadRequest) => error(req, 401, 'Sign in to manage your sessions.')

const sessionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Session id' },
    current: { type: 'boolean', description: 'True for the session that made this request' },
    device: { type: 'string', examples: ['Chrome on Windows'] },
    browser: { type: ['string', 'null'] },
    os: { type: ['string', 'null'] },
    mobile: { type: 'boolean' },
    userAgent: { type: ['string', 'null'] },
    ip: { type: ['string', 'null'], description: 'Address the session signed in from' },
    createdAt: { type: 'string', format: 'date-time' },
    lastSeenAt: { type: ['string', 'null'], format: 'date-time', description: 'Last use, at most a few minutes behind' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'current', 'device', 'createdAt', 'expiresAt'],
}

/** GET /api/users/sessions: the caller's live sessions, most recently used first. */
export const listSessionsEndpoint: Endpoint = {
  path: '/sessions',
  method: 'get',
  custom: {
    openapi: {
      summary: 'List your signed-in sessions (device, address, last seen)',
      tags: ['users'],
      responses: {
        200: {
          description: 'Live sessions, most recently used first; the one making the request has `current: true`',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { sessions: { type: 'array', items: sessionSchema } }, required: ['sessions'] },
            },
          },
        },
        401: { description: 'Not signed in' },
      },
    },
  },
  handler: async (req) => {
    const user = member(req)
    if (!user) return signInFirst(req)
    return json(req, { sessions: await listSessions(req.payload, user, req) })
  },
}

const SessionId = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a session id.'),
})

/** DELETE /api/users/sessions/:id: ends one of the caller's sessions. */
export const revokeSessionEndpoint: Endpoint = {
  path: '/sessions/:id',
  method: 'delete',
  custom: {
    openapi: {
      summary: 'Sign out one of your sessions',
      description:
        'The session ends at once: its token no longer authenticates anywhere (REST, GraphQL, admin, refresh). Ending the session that makes the request also clears its cookie.',
      tags: ['users'],
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' }, description: 'Session id from GET /api/users/sessions' }],
      responses: {
        200: { description: 'The session was ended' },
        400: { description: 'Not a session id' },
        401: { description: 'Not signed in' },
        404: { description: 'You have no session with this id' },
      },
    },
  },
  handler: async (req) => {
    const user = member(req)
    if (!user) return signInFirst(req)
    const params = SessionId.safeParse({ id: req.routeParams?.id })
    if (!params.success) return error(req, 400, 'Not a session id.', { field: 'id' })
    const sid = params.data.id
    if (!(await revokeSession(req, user.id, sid))) return error(req, 404, 'You have no session with this id.')
    const current = sid === user._sid
    await recordAudit(req, { type: 'auth.session_revoked', userId: user.id, detail: { current } })
    const extra: Record<string, string> = {}
    if (current) {
      const { config } = req.payload
      extra['Set-Cookie'] = generateExpiredPayloadCookie({
        collectionAuthConfig: req.payload.collections.users.config.auth,
        cookiePrefix: config.cookiePrefix,
      }) as string
    }
    return json(req, { message: current ? 'You are signed out.' : 'That session is signed out.', id: sid, current }, 200, extra)
  },
}

/** POST /api/users/sessions/revoke-others: ends every session of the caller but the current one. */
export const revokeOtherSessionsEndpoint: Endpoint = {
  path: '/sessions/revoke-others',
  method: 'post',
  custom: {
    openapi: {
      summary: 'Sign out of every session except this one',
      description: 'Needs a session token: a request made with an API key belongs to no session and is refused.',
      tags: ['users'],
      responses: {
        200: {
          description: 'How many sessions were ended',
          content: { 'application/json': { schema: { type: 'object', properties: { revoked: { type: 'integer' } } } } },
        },
        400: { description: 'The request was made with an API key, so there is no current session to keep' },
        401: { description: 'Not signed in' },
      },
    },
  },
  handler: async (req) => {
    const user = member(req)
    if (!user) return signInFirst(req)
    if (!user._sid) {
      return error(req, 400, 'This request is not made from a signed-in session (an API key has none), so there is no session to keep. End sessions one by one instead.')
    }
    const revoked = await revokeOtherSessions(req, user.id, user._sid)
    if (revoked) await recordAudit(req, { type: 'auth.other_sessions_revoked', userId: user.id, detail: { revoked } })
    return json(req, { message: revoked ? `Signed out of ${revoked} other session${revoked === 1 ? '' : 's'}.` : 'No other session was signed in.', revoked })
  },
}

export const sessionEndpoints = [listSessionsEndpoint, revokeSessionEndpoint, revokeOtherSessionsEndpoint]
