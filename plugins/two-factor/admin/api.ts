/** Where the staff member's own two-factor page lives in the admin panel (the plugin registers it there). */
export const MANAGE_PATH = '/two-factor'

/** Calls the two-factor endpoints from the admin panel with the session cookie; reads Payload's error shape. */
export type Answer<T> = { ok: boolean; status: number; data: T | null; message: string | null }

export async function call<T = Record<string, unknown>>(url: string, init: { method?: string; json?: unknown } = {}): Promise<Answer<T>> {
  let res: Response
  try {
    res = await fetch(url, {
      method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'),
      credentials: 'include',
      headers: init.json !== undefined ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    })
  } catch {
    return { ok: false, status: 0, data: null, message: 'The server could not be reached. Check your connection and try again.' }
  }
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    /* empty or not JSON */
  }
  let message: string | null = null
  if (!res.ok) {
    const first = (data as { errors?: { message?: unknown }[] } | null)?.errors?.[0]?.message
    message =
      typeof first === 'string' && first
        ? first
        : res.status === 429
          ? 'Too many attempts. Wait a moment and try again.'
          : res.status >= 500
            ? 'Something went wrong on the server. Try again in a moment.'
            : 'The request was not accepted.'
  }
  return { ok: res.ok, status: res.status, data: data as T | null, message }
}

export type Status = {
  state: 'active' | 'verify' | 'enroll'
  enabled: boolean
  required: boolean
  enabledAt: string | null
  recoveryCodesRemaining: number
  rememberedDevices: number
}

export type SetupData = { secret: string; uri: string; qr: string }

export type Device = { id: string | number; label: string | null; createdAt: string; lastUsedAt: string | null; expiresAt: string; current: boolean }

/** The key in groups of four, as authenticator apps show it. */
export const groupSecret = (secret: string) => secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? secret

export const formatDate = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso)) : '—'
