import type { Endpoint, PayloadRequest } from 'payload'
import { parseCookies } from 'payload/shared'

import { linkToMember, resolveSignIn } from '@/domain/identity/social/accounts'
import { FAILURE_STATUS, failureMessage, SocialLoginError, type SocialFailure } from '@/domain/identity/social/errors'
import { clearFlowCookie, flowCookie, flowCookieName, newFlow, openFlow, stateMatches, type Flow } from '@/domain/identity/social/flow'
import { PROVIDER_IDS } from '@/domain/identity/social/ids'
import { getProvider, type Provider } from '@/domain/identity/social/providers'
import { recordAudit } from '@/domain/trust/audit'
import { startSession } from '@/domain/identity/session'
import { error } from '@/lib/http'
import { safeNext } from '@/lib/safeNext'
import { clientIp, consume, TooManyRequests, type PolicyName } from '@/rate-limit'
import { socialProviders, socialUnlink } from './socialAccounts'
import { continuePage, redirectTo, socialProblemPage } from './socialPage'

/**
 * Social sign-in (OAuth 2.0 authorization code + PKCE + state; OpenID Connect ID tokens with a nonce
 * for Google and Apple):
 *
 *   GET  /api/users/oauth/:provider?next=/path   start signing in: to the provider, flow cookie set
 *   POST /api/users/oauth/:provider/link         start connecting the provider to the signed-in member
 *   GET  /api/users/oauth/:provider/callback     the provider's redirect back: finish, sign in, go on
 *   POST /api/users/oauth/:provider/callback     Apple's form_post answer, turned into the GET above
 *
 * A provider that is not configured is not offered, and every one of these routes answers 404 for it.
 */

const SETTINGS = '/settings/accounts'
const providerParam = {
  in: 'path',
  name: 'provider',
  required: true,
  schema: { type: 'string', enum: [...PROVIDER_IDS] },
  description: 'A configured provider; the others answer 404.',
}

const notOffered = (req: PayloadRequest) => error(req, 404, 'This sign-in provider is not offered.')

/** Spends a point of an IP policy; a browser that used them all up gets a readable 429 page. */
async function limited(req: PayloadRequest, policy: PolicyName, back: { href: string; label: string }): Promise<Response | null> {
  try {
    await consume(req.payload, policy, clientIp(req), req)
    return null
  } catch (err) {
    if (!(err instanceof TooManyRequests)) throw err
    return socialProblemPage({ status: 429, title: 'Too many attempts', message: err.message, back })
  }
}

/** Where the member goes from a problem page: back to the settings page, or to log in again. */
function backTo(intent: Flow['intent'] | undefined, next?: string) {
  if (intent === 'link') return { href: SETTINGS, label: 'Back to connected accounts' }
  const query = next && next !== '/profile' ? `?next=${encodeURIComponent(next)}` : ''
  return { href: `/login${query}`, label: 'Back to log in' }
}

function failure(provider: Provider, reason: SocialFailure, flow: Flow | null) {
  return socialProblemPage({
    status: FAILURE_STATUS[reason],
    title: flow?.intent === 'link' ? `${provider.label} was not connected` : `Signing in with ${provider.label} did not work`,
    message: failureMessage(reason, provider.label),
    back: backTo(flow?.intent, flow?.next),
    // A request that does not match this browser's flow leaves that flow alone (it may be an attacker's).
    cookies: reason === 'state' ? [] : [clearFlowCookie(provider.id)],
  })
}

async function begin(req: PayloadRequest, intent: Flow['intent']): Promise<Response> {
  const provider = getProvider(req.routeParams?.provider)
  if (!provider) return notOffered(req)
  const next = intent === 'link' ? SETTINGS : safeNext(req.searchParams.get('next'))
  const tooMany = await limited(req, 'social-start:ip', backTo(intent, next))
  if (tooMany) return tooMany
  let userId: string | number | undefined
  if (intent === 'link') {
    if (!req.user || req.user.collection !== 'users') return error(req, 401, 'Log in to connect an account.')
    userId = req.user.id
  }
  const flow = newFlow(provider.id, intent, next, userId)
  let url: URL
  try {
    url = await provider.authorizationUrl(flow)
  } catch (err) {
    if (err instanceof SocialLoginError) {
      req.payload.logger.warn({ msg: `Social sign-in with ${provider.id} could not start`, reason: err.message })
      return failure(provider, err.reason, flow)
    }
    throw err
  }
  return redirectTo(url.href, [flowCookie(flow)], intent === 'link' ? 303 : 302)
}

export const socialStart: Endpoint = {
  path: '/oauth/:provider',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Start signing in with a social provider (browser navigation)',
      description:
        'Redirects to the provider with state, a PKCE challenge and (OpenID providers) a nonce, and sets a short-lived encrypted HttpOnly cookie holding them. Rate-limited per IP.',
      tags: ['users'],
      security: [],
      parameters: [
        providerParam,
        { in: 'query', name: 'next', required: false, schema: { type: 'string' }, description: 'Path on this site to return to after signing in.' },
      ],
      responses: {
        302: { description: "To the provider's authorization page" },
        404: { description: 'Provider not configured' },
        429: { description: 'Too many sign-ins started from this address' },
        502: { description: 'The provider could not be reached' },
      },
    },
  },
  handler: (req) => begin(req, 'login'),
}

export const socialLinkStart: Endpoint = {
  path: '/oauth/:provider/link',
  method: 'post',
  custom: {
    openapi: {
      summary: 'Start connecting a social provider to the signed-in member (form POST from the settings page)',
      tags: ['users'],
      parameters: [providerParam],
      responses: {
        303: { description: "To the provider's authorization page" },
        401: { description: 'Not signed in' },
        404: { description: 'Provider not configured' },
        429: { description: 'Too many attempts from this address' },
      },
    },
  },
  handler: (req) => begin(req, 'link'),
}

/**
 * The member signed in in this browser. The provider's redirect back is a cross-site navigation, for
 * which Payload ignores the session cookie (its CSRF rule for cookies). Here the state check has
 * already tied the request to a flow this browser started with a same-site POST, so the cookie's token
 * is checked through Payload's own strategies (signature, expiry, revoked sessions).
 */
async function browserMember(req: PayloadRequest): Promise<{ id: string | number } | null> {
  if (req.user?.collection === 'users') return req.user
  const token = parseCookies(req.headers).get(`${req.payload.config.cookiePrefix}-token`)
  if (!token) return null
  const { user } = await req.payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
  return user?.collection === 'users' ? user : null
}

async function finish(req: PayloadRequest): Promise<Response> {
  const provider = getProvider(req.routeParams?.provider)
  if (!provider) return notOffered(req)
  const cookie = parseCookies(req.headers).get(flowCookieName(provider.id))
  const flow = openFlow(cookie, provider.id)
  const tooMany = await limited(req, 'social-callback:ip', backTo(flow?.intent, flow?.next))
  if (tooMany) return tooMany
  const params = req.searchParams
  if (!flow || !stateMatches(flow, params.get('state'))) return failure(provider, 'state', flow)
  const code = params.get('code')
  if (params.get('error') || !code) return failure(provider, 'denied', flow)

  try {
    // Connecting: the member who started must still be the one signed in here, checked before the code is spent.
    const member = flow.intent === 'link' ? await browserMember(req) : null
    if (flow.intent === 'link' && (!member || String(member.id) !== String(flow.userId))) throw new SocialLoginError('signed-out')
    const profile = await provider.profile(code, flow, { user: params.get('user') })
    if (member) {
      await linkToMember(req, member.id, provider.id, profile)
      return continuePage(`${SETTINGS}?connected=${provider.id}`, [clearFlowCookie(provider.id)], `${provider.label} connected`)
    }
    const { userId } = await resolveSignIn(req, provider.id, profile)
    const session = await startSession(req, userId, { method: 'social', provider: provider.id })
    const next = safeNext(flow.next)
    // The member still owes a second factor: that page finishes the sign-in, then goes on to `next`.
    const target = session.twoFactor ? `/login/two-factor?next=${encodeURIComponent(next)}` : next
    return continuePage(target, [clearFlowCookie(provider.id), session.cookie], 'Signed in')
  } catch (err) {
    if (!(err instanceof SocialLoginError)) throw err
    req.payload.logger.warn({ msg: `Social sign-in with ${provider.id} refused`, reason: err.reason, detail: err.message })
    await recordAudit(req, {
      type: flow.intent === 'link' ? 'auth.social_link_failed' : 'auth.login_failed',
      userId: flow.intent === 'link' ? (flow.userId ?? null) : null,
      detail: { method: 'social', provider: provider.id, reason: err.reason },
    })
    return failure(provider, err.reason, flow)
  }
}

const callbackResponses = {
  200: {
    description:
      'Signed in (session cookie set) or connected: a page that moves on at once (meta refresh) to the page asked for, or to the two-factor step',
  },
  400: { description: 'Missing or mismatched state, provider error, code refused (for example a PKCE mismatch), or an ID token that fails verification' },
  401: { description: 'Connecting, but the member who started is no longer signed in' },
  403: { description: 'The provider gave no email address, or one it has not verified' },
  404: { description: 'Provider not configured' },
  409: { description: 'Connecting an identity that belongs to another member, or a second identity of the same provider' },
  429: { description: 'Too many callbacks from this address' },
  502: { description: 'The provider could not be reached' },
}

export const socialCallback: Endpoint = {
  path: '/oauth/:provider/callback',
  method: 'get',
  custom: {
    openapi: {
      summary: "The provider's redirect back after signing in (browser navigation)",
      description: 'Answers with an HTML page explaining what went wrong when the sign-in cannot finish.',
      tags: ['users'],
      security: [],
      parameters: [
        providerParam,
        { in: 'query', name: 'code', required: false, schema: { type: 'string' } },
        { in: 'query', name: 'state', required: true, schema: { type: 'string' } },
        { in: 'query', name: 'error', required: false, schema: { type: 'string' } },
        { in: 'query', name: 'user', required: false, schema: { type: 'string' }, description: "Apple's first-time name, as JSON" },
      ],
      responses: callbackResponses,
    },
  },
  handler: finish,
}

const FORM_FIELDS = ['code', 'state', 'error', 'user'] as const

/**
 * Apple answers with a cross-site form POST, which does not carry SameSite=Lax cookies. The fields are
 * handed on to the GET callback by a 303: that top-level GET navigation does carry the flow cookie
 * (and the session cookie, when connecting).
 */
export const socialFormPostCallback: Endpoint = {
  path: '/oauth/:provider/callback',
  method: 'post',
  custom: {
    openapi: {
      summary: "The provider's form_post answer (Apple), handed on to the GET callback",
      tags: ['users'],
      security: [],
      parameters: [providerParam],
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              properties: Object.fromEntries(FORM_FIELDS.map((f) => [f, { type: 'string' }])),
            },
          },
        },
      },
      responses: { 303: { description: 'To GET /api/users/oauth/{provider}/callback with the same fields' }, 404: { description: 'Provider not configured' } },
    },
  },
  handler: async (req) => {
    const provider = getProvider(req.routeParams?.provider)
    if (!provider) return notOffered(req)
    let form: URLSearchParams
    try {
      form = new URLSearchParams(((await req.text?.()) ?? '').slice(0, 16_384))
    } catch {
      form = new URLSearchParams()
    }
    const query = new URLSearchParams()
    for (const field of FORM_FIELDS) {
      const value = form.get(field)
      if (value) query.set(field, value.slice(0, 4096))
    }
    return redirectTo(`/api/users/oauth/${provider.id}/callback?${query}`)
  },
}

/** Every social sign-in route, in matching order (the fixed `/oauth/providers` before `/oauth/:provider`). */
export const socialEndpoints: Endpoint[] = [socialProviders, socialStart, socialLinkStart, socialCallback, socialFormPostCallback, socialUnlink]
