import {
  ArcticFetchError,
  CodeChallengeMethod,
  OAuth2Client,
  OAuth2RequestError,
  OAuth2Tokens,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from 'arctic'
import { importPKCS8, SignJWT } from 'jose'

import { hmac } from '@/lib/crypto'
import { publicUrl } from '@/lib/publicUrl'
import { SocialLoginError } from './errors'
import { PROVIDER_IDS, PROVIDER_LABELS, isProviderId, type ProviderId } from './ids'
import { claimIsTrue, discover, FETCH_TIMEOUT_MS, trimSlash, verifyIdToken } from './oidc'

/** Who the member is at the provider. `subject` is the provider's stable id, never the email. */
export type SocialProfile = { subject: string; email: string | null; emailVerified: boolean; name: string | null }

/** The secrets of one browser's flow: state, PKCE verifier and (for OpenID providers) nonce. */
export type FlowSecrets = { state: string; codeVerifier: string; nonce: string }

export interface Provider {
  id: ProviderId
  label: string
  /** Where to send the browser, with state, the PKCE challenge and the nonce. */
  authorizationUrl(secrets: FlowSecrets): Promise<URL>
  /** Exchanges the code (with the PKCE verifier) and reads who signed in. */
  profile(code: string, secrets: FlowSecrets, extra: { user?: string | null }): Promise<SocialProfile>
}

const env = (name: string) => process.env[name]?.trim() || undefined

/** Where the provider sends the browser back: derived from the public address, never from the request. */
const redirectUri = (id: ProviderId) => `${publicUrl()}/api/users/oauth/${id}/callback`

/** Turns whatever the token request threw into a failure the callback can answer with. */
function tokenFailure(provider: string, err: unknown): SocialLoginError {
  if (err instanceof SocialLoginError) return err
  if (err instanceof ArcticFetchError) return new SocialLoginError('unreachable', `${provider} token endpoint unreachable`)
  if (err instanceof OAuth2RequestError) return new SocialLoginError('refused', `${provider} refused the code: ${err.code}`)
  if (err instanceof UnexpectedErrorResponseBodyError || err instanceof UnexpectedResponseError) {
    // A 4xx is the provider refusing the request; anything else is the provider misbehaving.
    return err.status >= 400 && err.status < 500
      ? new SocialLoginError('refused', `${provider} refused the code (HTTP ${err.status})`)
      : new SocialLoginError('unreachable', `${provider} token endpoint answered HTTP ${err.status}`)
  }
  return new SocialLoginError('unreachable', `${provider} token request failed: ${(err as Error)?.message}`)
}

/**
 * Token request with the client secret in the form body (client_secret_post), which Apple and Facebook
 * require and arctic's generic client does not send. The answer is read into arctic's own types.
 */
async function postTokenRequest(endpoint: string, params: Record<string, string>): Promise<OAuth2Tokens> {
  let res: Response
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'User-Agent': 'rounds' },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    })
  } catch (err) {
    throw new ArcticFetchError(err)
  }
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    throw new UnexpectedResponseError(res.status)
  }
  if (res.status === 200 && data && typeof data === 'object' && !('error' in data)) return new OAuth2Tokens(data)
  const error = (data as { error?: unknown } | null)?.error
  if (typeof error === 'string') throw new OAuth2RequestError(error, null, null, null)
  throw new UnexpectedErrorResponseBodyError(res.status, data)
}

/** Tokens as a valid access token, or a refusal (GitHub answers errors with HTTP 200). */
function accessTokenOf(provider: string, tokens: OAuth2Tokens): string {
  const error = (tokens.data as { error?: unknown }).error
  if (typeof error === 'string') throw new SocialLoginError('refused', `${provider} refused the code: ${error}`)
  try {
    return tokens.accessToken()
  } catch {
    throw new SocialLoginError('refused', `${provider} answered without an access token`)
  }
}

async function getJson(provider: string, url: string, headers: Record<string, string>): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, { headers: { Accept: 'application/json', 'User-Agent': 'rounds', ...headers }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  } catch {
    throw new SocialLoginError('unreachable', `${provider} API unreachable`)
  }
  if (!res.ok) throw new SocialLoginError(res.status === 401 || res.status === 403 ? 'refused' : 'unreachable', `${provider} API answered HTTP ${res.status}`)
  try {
    return await res.json()
  } catch {
    throw new SocialLoginError('unreachable', `${provider} API answered something other than JSON`)
  }
}

const cleanEmail = (value: unknown) => (typeof value === 'string' && value.includes('@') ? value.trim().toLowerCase().slice(0, 254) : null)
const cleanName = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ').slice(0, 120) : null)

// --- Google (OpenID Connect) -----------------------------------------------------------------------

function google(): Provider | null {
  const clientId = env('GOOGLE_CLIENT_ID')
  const clientSecret = env('GOOGLE_CLIENT_SECRET')
  if (!clientId || !clientSecret) return null
  const issuer = trimSlash(env('GOOGLE_ISSUER_URL') ?? 'https://accounts.google.com')
  // Google's ID tokens name their issuer with or without the scheme.
  const issuers = issuer === 'https://accounts.google.com' ? [issuer, 'accounts.google.com'] : [issuer]
  const client = new OAuth2Client(clientId, clientSecret, redirectUri('google'))
  return {
    id: 'google',
    label: PROVIDER_LABELS.google,
    async authorizationUrl({ state, codeVerifier, nonce }) {
      const { authorization_endpoint } = await discover(issuer)
      const url = client.createAuthorizationURLWithPKCE(authorization_endpoint, state, CodeChallengeMethod.S256, codeVerifier, [
        'openid',
        'email',
        'profile',
      ])
      url.searchParams.set('nonce', nonce)
      url.searchParams.set('prompt', 'select_account')
      return url
    },
    async profile(code, { codeVerifier, nonce }) {
      const metadata = await discover(issuer)
      let idToken: string
      try {
        idToken = (await client.validateAuthorizationCode(metadata.token_endpoint, code, codeVerifier)).idToken()
      } catch (err) {
        throw tokenFailure('Google', err)
      }
      const claims = await verifyIdToken(idToken, { issuers, jwksUri: metadata.jwks_uri, audience: clientId, nonce })
      return {
        subject: String(claims.sub),
        email: cleanEmail(claims.email),
        emailVerified: claimIsTrue(claims.email_verified),
        name: cleanName(claims.name) ?? cleanName([claims.given_name, claims.family_name].filter(Boolean).join(' ')),
      }
    },
  }
}

// --- Apple (OpenID Connect, answers with a form POST) ----------------------------------------------

/** A PEM PKCS#8 key; `\n` escapes from a one-line environment variable are undone. */
function pem(value: string): string {
  const body = value
    .replace(/\\n/g, '\n')
    .replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '')
    .replace(/\s+/g, '')
  return `-----BEGIN PRIVATE KEY-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END PRIVATE KEY-----`
}

/**
 * Apple's client secret: a short-lived ES256 JWT signed with the team's key, issued by the team, about
 * the client, for Apple's issuer (https://developer.apple.com/documentation/accountorganizationaldatasharing/creating-a-client-secret).
 */
async function appleClientSecret(opts: { teamId: string; clientId: string; keyId: string; privateKey: string; audience: string }) {
  const key = await importPKCS8(pem(opts.privateKey), 'ES256')
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: opts.keyId })
    .setIssuer(opts.teamId)
    .setSubject(opts.clientId)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key)
}

function apple(): Provider | null {
  const clientId = env('APPLE_CLIENT_ID')
  const teamId = env('APPLE_TEAM_ID')
  const keyId = env('APPLE_KEY_ID')
  const privateKey = env('APPLE_PRIVATE_KEY')
  if (!clientId || !teamId || !keyId || !privateKey) return null
  const issuer = trimSlash(env('APPLE_ISSUER_URL') ?? 'https://appleid.apple.com')
  const client = new OAuth2Client(clientId, null, redirectUri('apple'))
  return {
    id: 'apple',
    label: PROVIDER_LABELS.apple,
    async authorizationUrl({ state, codeVerifier, nonce }) {
      const { authorization_endpoint } = await discover(issuer)
      const url = client.createAuthorizationURLWithPKCE(authorization_endpoint, state, CodeChallengeMethod.S256, codeVerifier, ['name', 'email'])
      // Apple sends name and email only with response_mode=form_post (the callback's POST route).
      url.searchParams.set('response_mode', 'form_post')
      url.searchParams.set('nonce', nonce)
      return url
    },
    async profile(code, { codeVerifier, nonce }, extra) {
      const metadata = await discover(issuer)
      let idToken: string
      try {
        const clientSecret = await appleClientSecret({ teamId, clientId, keyId, privateKey, audience: issuer })
        const tokens = await postTokenRequest(metadata.token_endpoint, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri('apple'),
          client_id: clientId,
          client_secret: clientSecret,
          code_verifier: codeVerifier,
        })
        idToken = tokens.idToken()
      } catch (err) {
        throw tokenFailure('Apple', err)
      }
      const claims = await verifyIdToken(idToken, { issuers: [issuer], jwksUri: metadata.jwks_uri, audience: clientId, nonce })
      // The name comes only once, beside the code, as unsigned JSON: used for a new account's name only.
      let name: string | null = null
      try {
        const user = extra.user ? (JSON.parse(extra.user) as { name?: { firstName?: string; lastName?: string } }) : null
        name = cleanName([user?.name?.firstName, user?.name?.lastName].filter(Boolean).join(' '))
      } catch {
        name = null
      }
      return { subject: String(claims.sub), email: cleanEmail(claims.email), emailVerified: claimIsTrue(claims.email_verified), name }
    },
  }
}

// --- Facebook (OAuth 2.0 + Graph API) --------------------------------------------------------------

function facebook(): Provider | null {
  const clientId = env('FACEBOOK_CLIENT_ID')
  const clientSecret = env('FACEBOOK_CLIENT_SECRET')
  if (!clientId || !clientSecret) return null
  const dialog = trimSlash(env('FACEBOOK_AUTH_URL') ?? 'https://www.facebook.com/v23.0')
  const graph = trimSlash(env('FACEBOOK_GRAPH_URL') ?? 'https://graph.facebook.com/v23.0')
  const client = new OAuth2Client(clientId, clientSecret, redirectUri('facebook'))
  return {
    id: 'facebook',
    label: PROVIDER_LABELS.facebook,
    async authorizationUrl({ state, codeVerifier }) {
      return client.createAuthorizationURLWithPKCE(`${dialog}/dialog/oauth`, state, CodeChallengeMethod.S256, codeVerifier, ['email', 'public_profile'])
    },
    async profile(code, { codeVerifier }) {
      let accessToken: string
      try {
        const tokens = await postTokenRequest(`${graph}/oauth/access_token`, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri('facebook'),
          client_id: clientId,
          client_secret: clientSecret,
          code_verifier: codeVerifier,
        })
        accessToken = accessTokenOf('Facebook', tokens)
      } catch (err) {
        throw tokenFailure('Facebook', err)
      }
      // appsecret_proof ties the call to this app, as Facebook recommends for server-side calls.
      const proof = hmac(accessToken, clientSecret)
      const url = new URL(`${graph}/me`)
      url.searchParams.set('fields', 'id,name,email')
      url.searchParams.set('access_token', accessToken)
      url.searchParams.set('appsecret_proof', proof)
      const me = (await getJson('Facebook', url.href, {})) as { id?: unknown; name?: unknown; email?: unknown }
      if (typeof me.id !== 'string' && typeof me.id !== 'number') throw new SocialLoginError('unreachable', 'Facebook answered without a user id')
      const email = cleanEmail(me.email)
      // The Graph API returns `email` only for an address the person has confirmed with Facebook.
      return { subject: String(me.id), email, emailVerified: email !== null, name: cleanName(me.name) }
    },
  }
}

// --- GitHub (OAuth 2.0 + REST API) -----------------------------------------------------------------

function github(): Provider | null {
  const clientId = env('GITHUB_CLIENT_ID')
  const clientSecret = env('GITHUB_CLIENT_SECRET')
  if (!clientId || !clientSecret) return null
  const web = trimSlash(env('GITHUB_BASE_URL') ?? 'https://github.com')
  const api = trimSlash(env('GITHUB_API_URL') ?? 'https://api.github.com')
  const client = new OAuth2Client(clientId, clientSecret, redirectUri('github'))
  const headers = (token: string) => ({ Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' })
  return {
    id: 'github',
    label: PROVIDER_LABELS.github,
    async authorizationUrl({ state, codeVerifier }) {
      return client.createAuthorizationURLWithPKCE(`${web}/login/oauth/authorize`, state, CodeChallengeMethod.S256, codeVerifier, [
        'read:user',
        'user:email',
      ])
    },
    async profile(code, { codeVerifier }) {
      let accessToken: string
      try {
        accessToken = accessTokenOf('GitHub', await client.validateAuthorizationCode(`${web}/login/oauth/access_token`, code, codeVerifier))
      } catch (err) {
        throw tokenFailure('GitHub', err)
      }
      const user = (await getJson('GitHub', `${api}/user`, headers(accessToken))) as { id?: unknown; login?: unknown; name?: unknown }
      if (typeof user.id !== 'number' && typeof user.id !== 'string') throw new SocialLoginError('unreachable', 'GitHub answered without a user id')
      // The profile's public email may be unverified or absent: only the verified primary address counts.
      const emails = (await getJson('GitHub', `${api}/user/emails`, headers(accessToken))) as { email?: unknown; primary?: unknown; verified?: unknown }[]
      const primary = Array.isArray(emails) ? emails.find((e) => e.primary === true) : undefined
      return {
        subject: String(user.id),
        email: cleanEmail(primary?.email),
        emailVerified: primary?.verified === true,
        name: cleanName(user.name) ?? cleanName(user.login),
      }
    },
  }
}

const FACTORIES: Record<ProviderId, () => Provider | null> = { google, apple, facebook, github }

/**
 * The provider named `id` when it is configured in the environment, else null. Read on every call, so
 * a provider appears or disappears with its variables.
 */
export function getProvider(id: unknown): Provider | null {
  return isProviderId(id) ? FACTORIES[id]() : null
}

/** Providers offered on this server, in display order. */
export function configuredProviders(): { id: ProviderId; label: string }[] {
  return PROVIDER_IDS.filter((id) => FACTORIES[id]() !== null).map((id) => ({ id, label: PROVIDER_LABELS[id] }))
}
