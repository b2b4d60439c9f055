import type { BrowserContext, Page } from 'playwright-core'
import { inject } from 'vitest'

import { E2E_ADMIN } from '../setup/server'
import { baseURL } from '../helpers/browser'
import { nextTotpCode, request } from './totp'

/**
 * REST helpers for the end-to-end tests. The server limits logins to 10 a minute per address and every
 * test comes from 127.0.0.1, so the administrator logs in once per test file and a 429 is waited out
 * rather than failed.
 */

export type Outboxed = { to: string; subject: string; text?: string | null; html?: string | null; createdAt: string }

let counter = 0
let visitor = Math.floor(Math.random() * 60000)
/** A fresh address on a reserved domain; nothing is delivered anywhere. */
export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e4)}@e2e.rounds.test`

export const api = (method: string, route: string, body?: unknown, token?: string, cookie?: string) =>
  request(baseURL(), method, route, { body, token, cookie })

/** Waits out a refusal for too many logins: the seconds it names (at most a minute), plus one. */
const waitOut = (seconds: number) => new Promise((r) => setTimeout(r, (Math.min(seconds, 60) + 1) * 1000))

/**
 * POST /api/users/login, waiting out the per-address rate limit if an earlier test used it up. `cookie`
 * is sent along (a remembered two-factor device).
 */
export async function login(email: string, password: string, cookie?: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await api('POST', '/api/users/login', { email, password }, undefined, cookie)
    if (res.status !== 429 || attempt >= 2) return res
    await waitOut(Number(res.headers.get('retry-after') ?? 30))
  }
}

/**
 * Signs a browser context in through the login API, waiting out the per-address rate limit as login()
 * does; the session cookie lands in the context.
 */
export async function signInContext(context: BrowserContext, email: string, password: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await context.request.post('/api/users/login', { data: { email, password } })
    if (res.status() === 200) return
    if (res.status() !== 429 || attempt >= 2) throw new Error(`login failed (${res.status()}): ${await res.text()}`)
    await waitOut(Number(res.headers()['retry-after'] ?? 30))
  }
}

/** E2E_ADMIN's two-factor secret and remembered-device cookie, from the global setup. */
export const adminTwoFactor = () => inject('e2eAdminTwoFactor')

/**
 * Finishes a login that waits for its second factor, with the next code for `secret`; returns the
 * token, which works from now on.
 */
export async function completeSecondFactor(token: string, secret: string, opts: { rememberDevice?: boolean } = {}) {
  const res = await api('POST', '/api/users/two-factor/verify', { code: await nextTotpCode(secret), rememberDevice: opts.rememberDevice }, token)
  if (res.status !== 200) throw new Error(`two-factor verify failed (${res.status}): ${JSON.stringify(res.body)}`)
  return token
}

/**
 * Logs staff in through REST: password, then the code when the server asks for it. The administrator's
 * remembered device normally spares the code (and the per-account limit on code attempts).
 */
export async function staffLogin(email: string, password: string, twoFactor: { secret: string; deviceCookie?: string }) {
  const res = await login(email, password, twoFactor.deviceCookie)
  if (res.status !== 200) throw new Error(`login of ${email} failed (${res.status}): ${JSON.stringify(res.body)}`)
  const token = res.body.token as string
  const owed = res.body.twoFactor?.state
  if (owed === 'verify') return completeSecondFactor(token, twoFactor.secret)
  if (owed) throw new Error(`login of ${email} waits for two-factor "${owed}"`)
  return token
}

const outcome = <T>(p: Promise<unknown>, value: T) => p.then(
  () => value,
  () => null,
)

/**
 * Logs in at /admin/login in the browser: email and password, then, when `secret` is given, the code
 * from the authenticator (the step staff with two-factor get). A refusal for too many logins from this
 * address is waited out, as the REST helper does.
 */
export async function adminBrowserLogin(page: Page, email: string, password: string, secret?: string) {
  // The panel sends a visitor to its login page.
  await page.goto('/admin')
  await page.waitForSelector('input[name="email"]')
  for (let attempt = 0; ; attempt++) {
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    const limited = page.getByRole('alert').filter({ hasText: /Too many attempts/ })
    const result = await Promise.race([
      outcome(limited.waitFor({ timeout: 30_000 }), 'limited' as const),
      outcome(page.waitForURL((url) => url.pathname !== '/admin/login', { timeout: 30_000 }), 'left' as const),
      outcome(page.locator('input[name="code"], .tf-enroll').first().waitFor({ timeout: 30_000 }), 'code' as const),
    ])
    if (result === 'limited' && attempt < 2) {
      await waitOut(Number((await limited.innerText()).match(/(\d+) seconds?/)?.[1] ?? 30))
      continue
    }
    break
  }
  if (!secret) return
  const code = page.locator('input[name="code"]')
  await code.waitFor({ timeout: 30_000 })
  await code.fill(await nextTotpCode(secret))
  await page.getByRole('button', { name: 'Verify' }).click()
}

let adminSession: Promise<string> | null = null

/** The E2E administrator's token (one login per test file). */
export function adminToken(): Promise<string> {
  adminSession ??= staffLogin(E2E_ADMIN.email, E2E_ADMIN.password, adminTwoFactor()).catch((err) => {
    adminSession = null
    throw new Error(`E2E admin login failed: ${err instanceof Error ? err.message : String(err)}`)
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
  // Each member signs up from an address of their own, as visitors do: the per-address limits on
  // registrations and codes are for one visitor, not for the whole suite.
  const ip = `198.18.${(visitor >> 8) & 255}.${visitor++ & 255}`
  const reg = await request(baseURL(), 'POST', '/api/users/register', { body: { name, email, password }, ip })
  if (reg.status !== 202) throw new Error(`register failed (${reg.status}): ${JSON.stringify(reg.body)}`)
  const code = await verificationCode(email, started)
  const verified = await request(baseURL(), 'POST', '/api/users/verify-code', { body: { email, code }, ip })
  if (verified.status !== 200) throw new Error(`verify failed (${verified.status}): ${JSON.stringify(verified.body)}`)
  return { email, password, name, token: verified.body.token as string }
}

/** A confirmed member whom the administrator has verified as a doctor, with a REST token that says so. */
export async function verifiedDoctor(name: string) {
  const member = await registerMember(name)
  const me = await api('GET', '/api/users/me', undefined, member.token)
  const id = me.body.user.id as number
  const verified = await api('PATCH', `/api/users/${id}`, { verificationStatus: 'verified' }, await adminToken())
  if (verified.status !== 200) throw new Error(`verification failed (${verified.status}): ${JSON.stringify(verified.body)}`)
  // A fresh session carries the new verification status.
  const session = await login(member.email, member.password)
  if (session.status !== 200) throw new Error(`login failed (${session.status})`)
  return { ...member, id, handle: me.body.user.handle as string, token: session.body.token as string }
}
