import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { jsonBody } from '@/openapi/describe'
import { error } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'

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
  // Beyond Postgres' integer range an id cannot exist (and would fail in SQL instead of a 400/404).
  return Number.isSafeInteger(n) && n > 0 && n <= 2147483647 ? n : null
}

/** A handler for signed-in members in which a domain rule's refusal (RuleError) becomes its 4xx answer. */
export const memberHandler = (run: (req: PayloadRequest, me: Member) => Promise<Response>): Endpoint['handler'] =>
  forMembers(async (req, me) => {
    try {
      return await run(req, me)
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  })
