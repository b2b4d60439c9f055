import type { PayloadRequest } from 'payload'
import { headersWithCors } from 'payload'

export function json(req: PayloadRequest, body: unknown, status = 200, setCookie?: string) {
  const headers = headersWithCors({ headers: new Headers(req.responseHeaders), req })
  headers.set('Cache-Control', 'no-store')
  if (setCookie) headers.append('Set-Cookie', setCookie)
  return Response.json(body, { status, headers })
}

export const fail = (req: PayloadRequest, status: number, message: string, extra?: Record<string, unknown>) =>
  json(req, { errors: [{ message, ...extra }] }, status)

/** The JSON body as an object of strings and booleans; anything else is a 400. */
export async function body(req: PayloadRequest): Promise<Record<string, unknown> | Response> {
  try {
    const data = req.json ? await req.json() : {}
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail(req, 400, 'The request body must be a JSON object.')
    return data as Record<string, unknown>
  } catch {
    return fail(req, 400, 'The request body must be JSON.')
  }
}

export const CODE = /^\d{6}$/

/** A 6-digit code field, or the 400 that explains what is wrong with it. */
export function codeField(req: PayloadRequest, data: Record<string, unknown>, name = 'code'): string | Response {
  const value = typeof data[name] === 'string' ? (data[name] as string).replace(/\s/g, '') : ''
  return CODE.test(value) ? value : fail(req, 400, 'Enter the 6-digit code from your authenticator app.', { field: name })
}

/** A JSON body with a valid 6-digit `code`, or the 400 explaining what is wrong. */
export async function codeBody(req: PayloadRequest): Promise<{ data: Record<string, unknown>; code: string } | Response> {
  const data = await body(req)
  if (data instanceof Response) return data
  const code = codeField(req, data)
  return code instanceof Response ? code : { data, code }
}

/** OpenAPI description for the app's API reference. */
export function doc(summary: string, responses: Record<number, string>, opts: { body?: Record<string, unknown>; params?: string[] } = {}) {
  return {
    openapi: {
      summary,
      tags: ['two-factor'],
      ...(opts.params ? { parameters: opts.params.map((name) => ({ in: 'path', name, required: true, schema: { type: 'string' } })) } : {}),
      ...(opts.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: opts.body } } } } }
        : {}),
      responses: Object.fromEntries(Object.entries(responses).map(([k, description]) => [k, { description }])),
    },
  }
}
