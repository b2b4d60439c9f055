import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { Events, OAuth2Server } from 'oauth2-mock-server'

/**
 * Local stand-ins for the social sign-in providers, listening on 127.0.0.1 and speaking their real
 * protocols: an OpenID Connect provider (oauth2-mock-server: discovery, authorization code with PKCE,
 * signed ID tokens, JWKS) for Google and Apple, and small servers with the endpoints of GitHub and of
 * Facebook's Graph API.
 */

/** Who signs in at the OpenID provider; `claims` overrides anything in the ID token (aud, nonce, iss...). */
export type OidcIdentity = { sub: string; email?: string; email_verified?: boolean | string; name?: string; claims?: Record<string, unknown> }

export type AuthorizeResult = { callback: URL; code: string; state: string }

/**
 * Follows the provider's authorization page the way a browser would, as `identity`: returns the
 * redirect back to Rounds (not followed: the test calls the callback with its own cookies).
 */
async function followAuthorize(url: URL | string, onBeforeRequest: () => void): Promise<AuthorizeResult> {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1') throw new Error(`refusing to leave loopback: ${target.href}`)
  onBeforeRequest()
  const res = await fetch(target, { redirect: 'manual' })
  const location = res.headers.get('location')
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status}: ${await res.text()}`)
  const callback = new URL(location)
  return { callback, code: callback.searchParams.get('code') ?? '', state: callback.searchParams.get('state') ?? '' }
}

export type OidcProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  /** The body of the last request to the token endpoint (client authentication, PKCE verifier). */
  lastTokenRequest: () => Record<string, unknown> | null
  authorize: (url: URL | string, identity?: OidcIdentity) => Promise<AuthorizeResult>
  stop: () => Promise<void>
}

export async function startOidcProvider(
  opts: { port?: number; clientId?: string; clientSecret?: string; defaultIdentity?: OidcIdentity } = {},
): Promise<OidcProvider> {
  const server = new OAuth2Server()
  await server.issuer.keys.generate('RS256')
  // Named by its loopback address (the library would say "localhost"), as the app is configured with it.
  if (opts.port) server.issuer.url = `http://127.0.0.1:${opts.port}`
  await server.start(opts.port ?? 0, '127.0.0.1')
  server.issuer.url = `http://127.0.0.1:${server.address().port}`
  const identities = new Map<string, OidcIdentity>()
  let pending: OidcIdentity | null = null
  let lastBody: Record<string, unknown> | null = null
  const fallback: OidcIdentity = opts.defaultIdentity ?? { sub: 'johndoe' }

  server.service.on(Events.BeforeAuthorizeRedirect, (redirect: { url: URL }) => {
    const code = redirect.url.searchParams.get('code')
    if (code) identities.set(code, pending ?? fallback)
    pending = null
  })
  server.service.on(Events.BeforeTokenSigning, (token: { payload: Record<string, unknown> }, req: { body?: Record<string, unknown> }) => {
    lastBody = req.body ?? null
    // The ID token is the one with an audience and no scope (the access token has a scope).
    if (!('aud' in token.payload) || 'scope' in token.payload) return
    const code = typeof req.body?.code === 'string' ? req.body.code : ''
    const identity = identities.get(code) ?? fallback
    identities.delete(code)
    const { claims, ...standard } = identity
    Object.assign(token.payload, standard, claims ?? {})
  })

  return {
    issuer: server.issuer.url!,
    clientId: opts.clientId ?? `rounds-${crypto.randomUUID()}`,
    clientSecret: opts.clientSecret ?? crypto.randomBytes(16).toString('hex'),
    lastTokenRequest: () => lastBody,
    authorize: (url, identity) =>
      followAuthorize(url, () => {
        pending = identity ?? null
      }),
    stop: () => server.stop(),
  }
}

// ---------------------------------------------------------------------------------------------------

/** Who signs in at GitHub or Facebook. GitHub lists `email` as the primary address, verified unless said otherwise. */
export type ApiIdentity = { id: string | number; name?: string; login?: string; email?: string; emailVerified?: boolean }

type Grant = { identity: ApiIdentity; challenge: string | null; redirectUri: string; clientId: string }

export type ApiProvider = {
  kind: 'github' | 'facebook'
  base: string
  clientId: string
  clientSecret: string
  authorize: (url: URL | string, identity: ApiIdentity) => Promise<AuthorizeResult>
  stop: () => Promise<void>
}

const s256 = (verifier: string) => crypto.createHash('sha256').update(verifier).digest('base64url')

async function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/**
 * GitHub (`/login/oauth/authorize`, `/login/oauth/access_token`, `/user`, `/user/emails`; token errors
 * as HTTP 200 with `error`, as GitHub does) or Facebook (`/dialog/oauth`, `/oauth/access_token`,
 * `/me` with `appsecret_proof`; Graph API errors). Both check client credentials, redirect URI and the
 * PKCE verifier, and codes are single use.
 */
export async function startApiProvider(kind: 'github' | 'facebook', opts: { clientId?: string; clientSecret?: string } = {}): Promise<ApiProvider> {
  const clientId = opts.clientId ?? `${kind}-client-${crypto.randomBytes(4).toString('hex')}`
  const clientSecret = opts.clientSecret ?? crypto.randomBytes(16).toString('hex')
  const grants = new Map<string, Grant>()
  const tokens = new Map<string, ApiIdentity>()
  let pending: ApiIdentity | null = null
  const paths =
    kind === 'github'
      ? { authorize: '/login/oauth/authorize', token: '/login/oauth/access_token' }
      : { authorize: '/dialog/oauth', token: '/oauth/access_token' }

  const tokenError = (res: http.ServerResponse, error: string) =>
    kind === 'github'
      ? send(res, 200, { error, error_description: error, error_uri: 'https://docs.github.com/apps' })
      : send(res, 400, { error: { message: error, type: 'OAuthException', code: 100 } })

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    try {
      if (req.method === 'GET' && url.pathname === paths.authorize) {
        const redirectUri = url.searchParams.get('redirect_uri')
        if (url.searchParams.get('client_id') !== clientId || !redirectUri) return send(res, 400, { error: 'bad client or redirect_uri' })
        const method = url.searchParams.get('code_challenge_method')
        if (url.searchParams.get('code_challenge') && method !== 'S256') return send(res, 400, { error: 'only S256' })
        const code = crypto.randomBytes(10).toString('hex')
        grants.set(code, { identity: pending ?? { id: 1, login: 'octo' }, challenge: url.searchParams.get('code_challenge'), redirectUri, clientId })
        pending = null
        const back = new URL(redirectUri)
        back.searchParams.set('code', code)
        const state = url.searchParams.get('state')
        if (state) back.searchParams.set('state', state)
        res.writeHead(302, { Location: back.href })
        return res.end()
      }
      if (req.method === 'POST' && url.pathname === paths.token) {
        const body = await readBody(req)
        let id = body.get('client_id')
        let secret = body.get('client_secret')
        const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1]
        if (basic) [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':') as [string, string]
        if (id !== clientId || secret !== clientSecret) return tokenError(res, 'incorrect_client_credentials')
        const code = body.get('code') ?? ''
        const grant = grants.get(code)
        grants.delete(code)
        if (!grant || grant.redirectUri !== body.get('redirect_uri')) return tokenError(res, 'bad_verification_code')
        if (grant.challenge) {
          const verifier = body.get('code_verifier') ?? ''
          if (s256(verifier) !== grant.challenge) return tokenError(res, 'bad_verification_code')
        }
        const token = crypto.randomBytes(16).toString('hex')
        tokens.set(token, grant.identity)
        return kind === 'github'
          ? send(res, 200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' })
          : send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 5183944 })
      }
      if (req.method === 'GET' && kind === 'github' && (url.pathname === '/user' || url.pathname === '/user/emails')) {
        const identity = tokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '')
        if (!identity) return send(res, 401, { message: 'Bad credentials' })
        if (!req.headers['user-agent']) return send(res, 403, { message: 'User-Agent required' })
        if (url.pathname === '/user') {
          return send(res, 200, { id: Number(identity.id), login: identity.login ?? `user${identity.id}`, name: identity.name ?? null, email: null })
        }
        const emails = identity.email
          ? [{ email: identity.email, primary: true, verified: identity.emailVerified ?? true, visibility: 'private' }]
          : []
        return send(res, 200, [...emails, { email: `${identity.id}+${identity.login ?? 'user'}@users.noreply.github.com`, primary: false, verified: true, visibility: null }])
      }
      if (req.method === 'GET' && kind === 'facebook' && url.pathname === '/me') {
        const token = url.searchParams.get('access_token') ?? ''
        const identity = tokens.get(token)
        const proof = crypto.createHmac('sha256', clientSecret).update(token).digest('hex')
        if (!identity || url.searchParams.get('appsecret_proof') !== proof) {
          return send(res, 400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } })
        }
        const fields = (url.searchParams.get('fields') ?? 'id,name').split(',')
        const me: Record<string, unknown> = { id: String(identity.id) }
        if (fields.includes('name') && identity.name) me.name = identity.name
        // Facebook leaves `email` out when the person has no confirmed address.
        if (fields.includes('email') && identity.email && identity.emailVerified !== false) me.email = identity.email
        return send(res, 200, me)
      }
      send(res, 404, { message: 'Not Found' })
    } catch (err) {
      send(res, 500, { message: String(err) })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    kind,
    base,
    clientId,
    clientSecret,
    authorize: (url, identity) =>
      followAuthorize(url, () => {
        pending = identity
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

// ---------------------------------------------------------------------------------------------------

/** The environment that points Rounds' Google sign-in at a local OpenID provider. */
export const googleEnv = (p: OidcProvider) => ({
  GOOGLE_CLIENT_ID: p.clientId,
  GOOGLE_CLIENT_SECRET: p.clientSecret,
  GOOGLE_ISSUER_URL: p.issuer,
})

/**
 * For the end-to-end server: a local Google, started before the app so that its address can be passed
 * to it, with one person who signs in there. Returns that person, the app's variables, and the provider.
 */
export async function startE2eGoogle(port = 0) {
  const stamp = Date.now().toString(36)
  const identity: OidcIdentity = {
    sub: `e2e-google-${stamp}`,
    email: `google-${stamp}@e2e.rounds.test`,
    email_verified: true,
    name: 'Ada Okonkwo-Lovelace',
  }
  const provider = await startOidcProvider({ port, clientId: 'rounds-e2e-google', defaultIdentity: identity })
  return { provider, identity, env: googleEnv(provider) }
}
