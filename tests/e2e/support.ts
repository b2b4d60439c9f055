import { E2E_ADMIN } from '../setup/server'
import { baseURL } from '../helpers/browser'

/**
 * REST helpers for the end-to-end tests. The server limits logins to 10 a minute per address and every
 * test comes from 127.0.0.1, so the administrator logs in once per test file and a 429 is waited out
 * rather than failed.
 */

export type Outboxed = { to: string; subject: string; text?: string | null; html?: string | null; createdAt: string }

let counter = 0
/** A fresh address on a reserved domain; nothing is delivered anywhere. */
export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e4)}@e2e.rounds.test`

export async function api(method: string, route: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (token) headers.Authorization = `JWT ${token}`
  const res = await fetch(`${baseURL()}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status, body: json, headers: res.headers }
}

/** POST /api/users/login, waiting out the per-address rate limit if an earlier test used it up. */
export async function login(email: string, password: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await api('POST', '/api/users/login', { email, password })
    if (res.status !== 429 || attempt >= 2) return res
    const wait = Number(res.headers.get('retry-after') ?? 30)
    await new Promise((r) => setTimeout(r, (Math.min(wait, 60) + 1) * 1000))
  }
}

let adminSession: Promise<string> | null = null

/** The E2E administrator's token (one login per test file). */
export function adminToken(): Promise<string> {
  adminSession ??= login(E2E_ADMIN.email, E2E_ADMIN.password).then((res) => {
    if (res.status !== 200) {
      adminSession = null
      throw new Error(`E2E admin login failed (${res.status}): ${JSON.stringify(res.body)}`)
    }
    return res.body.token as string
  })
  return adminSession
}

/** The newest outbox email to `to`, read as the administrator through REST; waits briefly for it. */
export async function lastEmailTo(to: string, opts: { after?: Date; timeoutMs?: number } = {}): Promise<Outboxed> {
  const token = await adminToken()
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000)
  const query = `where[to][contains]=${encodeURIComponent(to)}&sort=-createdAt&limit=1`
  for (;;) {
    const res = await api('GET', `/api/emails?${query}`, undefined, token)
    if (res.status !== 200) throw new Error(`outbox read failed (${res.status}): ${JSON.stringify(res.body)}`)
    const doc = res.body.docs?.[0] as Outboxed | undefined
    if (doc && (!opts.after || new Date(doc.createdAt) >= opts.after)) return doc
    if (Date.now() > deadline) throw new Error(`no email to ${to} in the outbox`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** The 6-digit code of the newest verification email to `to`. */
export async function verificationCode(to: string, after?: Date): Promise<string> {
  const email = await lastEmailTo(to, { after })
  const code = email.subject.match(/\b(\d{6})\b/)?.[1]
  if (!code) throw new Error(`no code in "${email.subject}"`)
  return code
}

/** A confirmed member made the way a visitor does it (register, then the emailed code), through REST. */
export async function registerMember(name: string, password = 'e2e member passphrase 2026') {
  const email = uniqueEmail('member')
  const started = new Date(Date.now() - 1000)
  const reg = await api('POST', '/api/users/register', { name, email, password })
  if (reg.status !== 202) throw new Error(`register failed (${reg.status}): ${JSON.stringify(reg.body)}`)
  const code = await verificationCode(email, started)
  const verified = await api('POST', '/api/users/verify-code', { email, code })
  if (verified.status !== 200) throw new Error(`verify failed (${verified.status}): ${JSON.stringify(verified.body)}`)
  return { email, password, name, token: verified.body.token as string }
}
