import crypto from 'node:crypto'
import { generateCodeVerifier, generateState } from 'arctic'

import { payloadSecret } from '@/lib/secret'
import { safeEqual } from '@/lib/crypto'
import type { ProviderId } from './ids'
import type { FlowSecrets } from './providers'

/**
 * One browser's sign-in flow, kept between the start and the callback in a short-lived cookie that is
 * encrypted and authenticated (AES-256-GCM, key derived from PAYLOAD_SECRET, bound to the provider):
 * the browser carries it but can neither read the PKCE verifier nor change a field.
 */
export type Flow = FlowSecrets & {
  provider: ProviderId
  /** Sign in (or create an account), or connect the provider to the signed-in member `userId`. */
  intent: 'login' | 'link'
  userId?: string | number
  /** The sanitised page to return to. */
  next: string
  /** Expiry, in ms since the epoch. */
  exp: number
}

const FLOW_TTL_SECONDS = 10 * 60
/** Only the OAuth routes receive the cookie. */
const FLOW_COOKIE_PATH = '/api/users/oauth'
export const flowCookieName = (provider: ProviderId) => `rounds-oauth-${provider}`

const key = () => Buffer.from(crypto.hkdfSync('sha256', payloadSecret(), 'rounds', 'social-login-flow-cookie', 32))

export function newFlow(provider: ProviderId, intent: Flow['intent'], next: string, userId?: string | number): Flow {
  return {
    provider,
    intent,
    userId,
    next,
    state: generateState(),
    codeVerifier: generateCodeVerifier(),
    nonce: generateState(),
    exp: Date.now() + FLOW_TTL_SECONDS * 1000,
  }
}

function sealFlow(flow: Flow): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv)
  cipher.setAAD(Buffer.from(flow.provider))
  const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** The flow in `sealed`, or null when it was altered, belongs to another provider, or has expired. */
export function openFlow(sealed: string | undefined | null, provider: ProviderId): Flow | null {
  if (!sealed || sealed.length > 4096) return null
  try {
    const raw = Buffer.from(sealed, 'base64url')
    if (raw.length < 29) return null
    const decipher = crypto.createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12))
    decipher.setAAD(Buffer.from(provider))
    decipher.setAuthTag(raw.subarray(12, 28))
    const flow = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Flow
    if (flow.provider !== provider || typeof flow.exp !== 'number' || flow.exp < Date.now()) return null
    return flow
  } catch {
    return null
  }
}

/** True when the state the provider sent back is the one this browser's flow holds. */
export const stateMatches = (flow: Flow, state: unknown) => typeof state === 'string' && state.length > 0 && safeEqual(state, flow.state)

const secure = () => process.env.NODE_ENV === 'production'

/** HttpOnly, SameSite=Lax (sent on the provider's top-level redirect back), Secure in production. */
export function flowCookie(flow: Flow): string {
  return [
    `${flowCookieName(flow.provider)}=${sealFlow(flow)}`,
    `Path=${FLOW_COOKIE_PATH}`,
    `Max-Age=${FLOW_TTL_SECONDS}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure() ? ['Secure'] : []),
  ].join('; ')
}

export function clearFlowCookie(provider: ProviderId): string {
  return [`${flowCookieName(provider)}=`, `Path=${FLOW_COOKIE_PATH}`, 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(secure() ? ['Secure'] : [])].join('; ')
}
