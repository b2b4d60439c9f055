import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { jsonBody } from '@/openapi/describe'
import { error } from '@/lib/http'

type Responses = Record<number, { description: string }>

/** OpenAPI documentation of an endpoint for signed-in members acting on the document `:id`. */
export function memberOperation(opts: { summary: string; description?: string; tag: string; body?: z.ZodType; responses: Responses; idParam?: boolean }): Endpoint['custom'] {
  return {
    openapi: {
      summary: opts.summary,
      ...(opts.description ? { description: opts.description } : {}),
      tags: [opts.tag],
      ...(opts.idParam === false ? {} : { parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }] }),
      ...(opts.body ? { requestBody: jsonBody(opts.body) } : {}),
      responses: { 401: { description: 'Not signed in' }, ...opts.responses },
    },
  }
}

export type Member = { id: number; collection: 'users'; roles?: string[]; verificationStatus?: string; tier?: string; _verified?: boolean | null }

/** The signed-in member, or null. */
export function signedInMember(req: PayloadRequest): Member | null {
  const user = req.user as (Member & { collection?: string }) | null
  return user && user.collection === 'users' ? user : null
}

export const signInFirst = (req: PayloadRequest) => error(req, 401, 'Sign in first.')

/** An endpoint handler for signed-in members; anyone else is answered 401. */
export const forMembers =
  (handler: (req: PayloadRequest, user: Member) => Promise<Response>): Endpoint['handler'] =>
  async (req) => {
    const user = signedInMember(req)
    return user ? handler(req, user) : signInFirst(req)
  }

/** The numeric `:id` of the route, or null. */
export function routeId(req: PayloadRequest): number | null {
  const n = Number(req.routeParams?.id)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}
