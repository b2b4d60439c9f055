/**
 * Calls the Rounds REST API from the browser with the session cookie, and reads Payload's error shapes:
 * `{ errors: [{ message, field? }] }` from our endpoints and `{ errors: [{ message, data: { errors:
 * [{ path, message }] } }] }` from Payload's validation.
 */
export type ApiResult<T = Record<string, unknown>> = {
  ok: boolean
  status: number
  data: T | null
  /** Problems not tied to one field, ready to show. */
  messages: string[]
  /** Problems by field path (`password`, `contact.website`). */
  fieldErrors: Record<string, string>
}

type RawError = { message?: unknown; field?: unknown; data?: { errors?: { path?: unknown; message?: unknown }[] } | null }

export async function api<T = Record<string, unknown>>(
  path: string,
  init: { method?: string; json?: unknown; body?: FormData } = {},
): Promise<ApiResult<T>> {
  let res: Response
  try {
    res = await fetch(path, {
      method: init.method ?? (init.json !== undefined || init.body ? 'POST' : 'GET'),
      credentials: 'include',
      headers: init.json !== undefined ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: init.body ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
    })
  } catch {
    return { ok: false, status: 0, data: null, messages: ['Rounds could not be reached. Check your connection and try again.'], fieldErrors: {} }
  }
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    /* empty or non-JSON body */
  }
  const messages: string[] = []
  const fieldErrors: Record<string, string> = {}
  if (!res.ok) {
    const errors = ((data as { errors?: RawError[] } | null)?.errors ?? []) as RawError[]
    for (const err of errors) {
      const nested = err.data?.errors ?? []
      if (nested.length) {
        for (const item of nested) {
          const where = typeof item.path === 'string' ? item.path : ''
          const message = String(item.message ?? 'This value is not valid.')
          if (where) fieldErrors[where] ??= message
          else messages.push(message)
        }
      } else if (typeof err.field === 'string' && err.field) {
        fieldErrors[err.field] ??= String(err.message ?? 'This value is not valid.')
      } else if (err.message) {
        messages.push(String(err.message))
      }
    }
    if (!messages.length && !Object.keys(fieldErrors).length) {
      messages.push(
        res.status === 429
          ? 'Too many attempts. Wait a moment and try again.'
          : res.status >= 500
            ? 'Something went wrong on our side. Try again in a moment.'
            : 'The request was not accepted.',
      )
    }
  }
  return { ok: res.ok, status: res.status, data: data as T | null, messages, fieldErrors }
}
