import type { PayloadRequest } from 'payload'
import { headersWithCors } from 'payload'
import { z } from 'zod'

/** JSON response with CORS headers and any headers collected on the request (Retry-After, cookies). */
export function json(req: PayloadRequest, body: unknown, status = 200, extra?: Record<string, string>) {
  const headers = headersWithCors({ headers: new Headers(req.responseHeaders), req })
  headers.set('Cache-Control', 'no-store')
  for (const [k, v] of Object.entries(extra ?? {})) headers.append(k, v)
  return Response.json(body, { status, headers })
}

export const error = (req: PayloadRequest, status: number, message: string, extra?: Record<string, unknown>) =>
  json(req, { errors: [{ message, ...extra }] }, status)

/** Reads and validates a JSON body; answers 400 with the first problem otherwise. */
export async function readBody<T extends z.ZodTypeAny>(
  req: PayloadRequest,
  schema: T,
): Promise<{ data: z.infer<T>; response?: undefined } | { data?: undefined; response: Response }> {
  let raw: unknown
  try {
    raw = req.json ? await req.json() : undefined
  } catch {
    return { response: error(req, 400, 'The request body must be JSON.') }
  }
  const parsed = schema.safeParse(raw ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return { response: error(req, 400, `${where}${issue?.message ?? 'Invalid request.'}`, { field: issue?.path.join('.') }) }
  }
  return { data: parsed.data }
}
