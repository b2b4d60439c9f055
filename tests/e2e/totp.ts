import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { generate } from 'otplib'

/**
 * Authenticator codes for the end-to-end tests. The server accepts each 30-second step once, and only
 * steps after the last one it accepted (with one step of drift either way), so every code handed out
 * here is for a later step than the one before, across all processes of a run (the global setup and
 * each test file): the current step if still free, else the next one, and only when that one is taken
 * too does it wait for time to catch up.
 */
const PERIOD = 30

function stateFile(secret: string) {
  const dir = process.env.E2E_TOTP_DIR || os.tmpdir()
  return path.join(dir, `rounds-e2e-totp-${crypto.createHash('sha256').update(secret).digest('hex').slice(0, 16)}.json`)
}

export async function nextTotpCode(secret: string): Promise<string> {
  const file = stateFile(secret)
  let last = -Infinity
  try {
    last = Number(JSON.parse(fs.readFileSync(file, 'utf8')).lastStep)
  } catch {
    /* no code used yet */
  }
  const now = Math.floor(Date.now() / 1000 / PERIOD)
  const step = Math.max(now, last + 1)
  if (step > now + 1) {
    // Wait until the step before it is current, so the code is within the server's window.
    const wait = (step - 1) * PERIOD * 1000 - Date.now() + 250
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
  fs.writeFileSync(file, JSON.stringify({ lastStep: step }))
  return generate({ secret, epoch: step * PERIOD })
}

/** A 6-digit code that is wrong right now: none of the codes the server would accept at this moment. */
export async function wrongTotpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / PERIOD)
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((d) => generate({ secret, epoch: (now + d) * PERIOD }))))
  for (const candidate of ['000000', '123456', '999999', '424242']) if (!valid.has(candidate)) return candidate
  throw new Error('unreachable: four candidates cannot all be valid')
}

/**
 * A JSON request to the server at `base`; the answer's body is parsed when it is JSON. support.ts builds
 * its api() on this one; it lives here because the global setup, which has no inject(), cannot load support.ts.
 */
export async function request(base: string, method: string, route: string, opts: { body?: unknown; token?: string; cookie?: string; ip?: string } = {}) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.token) headers.Authorization = `JWT ${opts.token}`
  if (opts.cookie) headers.Cookie = opts.cookie
  // The server trusts this header in tests (TRUST_PROXY): a request can come from another visitor's address.
  if (opts.ip) headers['X-Forwarded-For'] = opts.ip
  const res = await fetch(`${base}${route}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) })
  const text = await res.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status, body: json, headers: res.headers }
}

const post = (base: string, route: string, body: unknown, token?: string) => request(base, 'POST', route, { body, token })

/**
 * Turns two-factor on for an account whose role requires it and who has none yet, the way a client
 * does it: the login is held for enrollment, then setup and the first code. Returns the secret.
 */
export async function enrollRequiredAccount(base: string, email: string, password: string): Promise<string> {
  const login = await post(base, '/api/users/login', { email, password })
  if (login.status !== 200) throw new Error(`login of ${email} failed (${login.status}): ${JSON.stringify(login.body)}`)
  if (login.body?.twoFactor?.state !== 'enroll') {
    throw new Error(`login of ${email} should wait for two-factor enrollment; it answered ${JSON.stringify(login.body?.twoFactor ?? null)}`)
  }
  const token = login.body.token as string
  const setup = await post(base, '/api/users/two-factor/setup', {}, token)
  if (setup.status !== 200 || typeof setup.body?.secret !== 'string') {
    throw new Error(`two-factor setup failed (${setup.status}): ${JSON.stringify(setup.body)}`)
  }
  const secret = setup.body.secret as string
  const enable = await post(base, '/api/users/two-factor/enable', { code: await nextTotpCode(secret) }, token)
  if (enable.status !== 200) throw new Error(`two-factor enable failed (${enable.status}): ${JSON.stringify(enable.body)}`)
  return secret
}

/**
 * Logs in with a code and asks the server to remember the device; returns the cookie (`name=value`)
 * that later logins send to skip the code, as a browser that ticked "remember this device" does.
 */
export async function rememberedDevice(base: string, email: string, password: string, secret: string): Promise<string> {
  const login = await post(base, '/api/users/login', { email, password })
  if (login.status !== 200 || login.body?.twoFactor?.state !== 'verify') {
    throw new Error(`login of ${email} should wait for a code (${login.status}): ${JSON.stringify(login.body)}`)
  }
  const res = await post(base, '/api/users/two-factor/verify', { code: await nextTotpCode(secret), rememberDevice: true }, login.body.token)
  const cookie = res.headers.getSetCookie().find((c) => c.includes('-2fa-device='))
  if (res.status !== 200 || !cookie) throw new Error(`two-factor verify did not remember the device (${res.status}): ${JSON.stringify(res.body)}`)
  return cookie.split(';')[0]!
}
