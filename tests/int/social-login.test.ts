/**
 * Social sign-in against local providers that speak the real protocols: an OpenID Connect server
 * (oauth2-mock-server) standing in for Google and for Apple, and small servers with GitHub's and
 * Facebook's endpoints. Every flow goes start -> provider's authorization page -> callback, with the
 * cookies a browser would carry.
 */
import crypto from 'node:crypto'

import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  googleEnv,
  startApiProvider,
  startOidcProvider,
  type ApiIdentity,
  type ApiProvider,
  type AuthorizeResult,
  type OidcIdentity,
  type OidcProvider,
} from '../helpers/oauthProvider'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, storedUser, type TestUser } from '../helpers/users'

type ProviderName = 'google' | 'apple' | 'github' | 'facebook'

let payload: Payload
let google: OidcProvider
let apple: OidcProvider
let github: ApiProvider
let facebook: ApiProvider
let applePublicKey: crypto.KeyObject
const APPLE_TEAM = 'TEAM123456'
const APPLE_KEY = 'KEY7654321'
const saved: Record<string, string | undefined> = {}

const PUBLIC_URL = process.env.PUBLIC_URL ?? 'http://localhost:3000'
const unique = () => `${Date.now().toString(36)}${crypto.randomBytes(4).toString('hex')}`
const email = (prefix: string) => `${prefix}-${unique()}@example.test`
const s256 = (verifier: string) => crypto.createHash('sha256').update(verifier).digest('base64url')

function setEnv(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) {
    if (!(k in saved)) saved[k] = process.env[k]
    process.env[k] = v
  }
}

beforeAll(async () => {
  payload = await testPayload()
  google = await startOidcProvider({ clientId: 'rounds-google-test' })
  apple = await startOidcProvider({ clientId: 'org.rounds.test.web' })
  github = await startApiProvider('github')
  facebook = await startApiProvider('facebook')
  const keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  applePublicKey = keys.publicKey
  setEnv({
    ...googleEnv(google),
    APPLE_CLIENT_ID: apple.clientId,
    APPLE_TEAM_ID: APPLE_TEAM,
    APPLE_KEY_ID: APPLE_KEY,
    // As it is written in a one-line environment variable.
    APPLE_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim().replace(/\n/g, '\\n'),
    APPLE_ISSUER_URL: apple.issuer,
    GITHUB_CLIENT_ID: github.clientId,
    GITHUB_CLIENT_SECRET: github.clientSecret,
    GITHUB_BASE_URL: github.base,
    GITHUB_API_URL: github.base,
    FACEBOOK_CLIENT_ID: facebook.clientId,
    FACEBOOK_CLIENT_SECRET: facebook.clientSecret,
    FACEBOOK_AUTH_URL: facebook.base,
    FACEBOOK_GRAPH_URL: facebook.base,
  })
}, 60_000)

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  await Promise.all([google?.stop(), apple?.stop(), github?.stop(), facebook?.stop()])
})

// ---------------------------------------------------------------------------------------------------
// A browser's part of the flow

type Started = { authorize: URL; flowCookie: string; setCookie: string }
/** `location`: where a redirect, or the page's immediate refresh (after a sign-in), sends the browser. */
type Answer = { status: number; location: string | null; cookies: string[]; text: string }

async function start(client: RestClient, provider: ProviderName, next?: string): Promise<Started> {
  const res = await client.raw('GET', `/users/oauth/${provider}${next !== undefined ? `?next=${encodeURIComponent(next)}` : ''}`)
  expect(res.status).toBe(302)
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`rounds-oauth-${provider}=`))
  expect(setCookie).toBeDefined()
  return { authorize: new URL(res.headers.get('location')!), flowCookie: setCookie!.split(';')[0]!, setCookie: setCookie! }
}

const unescapeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')

async function answer(res: Response): Promise<Answer> {
  const text = await res.text()
  const refresh = text.match(/<meta http-equiv="refresh" content="0;url=([^"]*)">/)?.[1]
  const location = res.headers.get('location') ?? (refresh !== undefined ? unescapeHtml(refresh) : null)
  return { status: res.status, location, cookies: res.headers.getSetCookie(), text }
}

/**
 * The provider's redirect back, as the browser makes it: a cross-site top-level GET carrying the
 * browser's SameSite=Lax cookies (`cookie`).
 */
async function callback(client: RestClient, provider: ProviderName, query: URLSearchParams | string, cookie?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' }
  if (cookie) headers.Cookie = cookie
  return answer(await client.raw('GET', `/users/oauth/${provider}/callback?${query}`, undefined, { headers }))
}

const idp = (provider: ProviderName) => ({ google, apple, github, facebook })[provider]

async function authorizeAt(provider: ProviderName, url: URL, identity: OidcIdentity | ApiIdentity): Promise<AuthorizeResult> {
  const result = await (idp(provider) as { authorize: (u: URL, i: unknown) => Promise<AuthorizeResult> }).authorize(url, identity)
  // The provider sends the browser back to the address derived from PUBLIC_URL.
  expect(`${result.callback.origin}${result.callback.pathname}`).toBe(`${PUBLIC_URL}/api/users/oauth/${provider}/callback`)
  return result
}

/** The whole flow, as one browser: start, the provider's page as `identity`, callback. */
async function signIn(provider: ProviderName, identity: OidcIdentity | ApiIdentity, opts: { next?: string; client?: RestClient } = {}) {
  const client = opts.client ?? new RestClient()
  const started = await start(client, provider, opts.next)
  const back = await authorizeAt(provider, started.authorize, identity)
  return callback(client, provider, back.callback.searchParams, started.flowCookie)
}

const sessionCookie = (cookies: string[]) => cookies.find((c) => c.startsWith('payload-token='))?.split(';')[0]
const tokenOf = (cookies: string[]) => sessionCookie(cookies)?.slice('payload-token='.length)

/** GET /api/users/me with the session cookie alone, as the browser would. */
async function me(cookie: string | undefined) {
  expect(cookie).toBeDefined()
  const res = await new RestClient().get('/users/me', { headers: { Cookie: cookie!, 'Sec-Fetch-Site': 'same-origin' } })
  expect(res.status).toBe(200)
  return res.body.user as { id: number; email: string; name: string } | null
}

async function linksOf(userId: number) {
  const { docs } = await payload.find({ collection: 'socialAccounts', where: { user: { equals: userId } }, depth: 0, overrideAccess: true, showHiddenFields: true })
  return docs as unknown as Record<string, unknown>[]
}

async function linkBySubject(provider: ProviderName, subject: string) {
  const { docs } = await payload.find({
    collection: 'socialAccounts',
    where: { and: [{ provider: { equals: provider } }, { subject: { equals: subject } }] },
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] as unknown as { user: number; email?: string } | undefined
}

async function userByEmail(address: string) {
  return payload.db.findOne({ collection: 'users', where: { email: { equals: address } } }) as Promise<Record<string, any> | null>
}

/**
 * A signed-in member connects `provider` from the settings page: the form POST, the provider's page,
 * and the redirect back, which carries the flow cookie and the member's session cookie (no header).
 */
async function connect(client: RestClient, provider: ProviderName, identity: OidcIdentity | ApiIdentity) {
  const res = await client.raw('POST', `/users/oauth/${provider}/link`)
  expect(res.status).toBe(303)
  const flowCookie = res.headers.getSetCookie().find((c) => c.startsWith(`rounds-oauth-${provider}=`))!.split(';')[0]!
  const back = await authorizeAt(provider, new URL(res.headers.get('location')!), identity)
  return callback(new RestClient({ ip: client.ip }), provider, back.callback.searchParams, `${flowCookie}; payload-token=${client.token}`)
}

const googleIdentity = (over: Partial<OidcIdentity> = {}): OidcIdentity => ({
  sub: `g-${unique()}`,
  email: email('google'),
  email_verified: true,
  name: 'Imani Adeyemi',
  ...over,
})

// ---------------------------------------------------------------------------------------------------

describe('which providers are offered', () => {
  it('lists the configured providers; one without configuration is not offered and all its routes answer 404', async () => {
    const client = new RestClient()
    const listed = await client.get('/users/oauth/providers')
    expect(listed.status).toBe(200)
    expect(listed.body.providers.map((p: { id: string }) => p.id)).toEqual(['google', 'apple', 'facebook', 'github'])
    expect(listed.body.providers[0]).toEqual({ id: 'google', label: 'Google', start: '/api/users/oauth/google' })

    const secret = process.env.FACEBOOK_CLIENT_SECRET
    delete process.env.FACEBOOK_CLIENT_SECRET
    try {
      const now = await client.get('/users/oauth/providers')
      expect(now.body.providers.map((p: { id: string }) => p.id)).toEqual(['google', 'apple', 'github'])
      expect((await client.raw('GET', '/users/oauth/facebook')).status).toBe(404)
      expect((await client.raw('GET', '/users/oauth/facebook/callback?code=x&state=y')).status).toBe(404)
      expect((await client.raw('POST', '/users/oauth/facebook/callback')).status).toBe(404)
      const member = await createUser(payload)
      expect((await member.client.raw('POST', '/users/oauth/facebook/link')).status).toBe(404)
    } finally {
      process.env.FACEBOOK_CLIENT_SECRET = secret
    }
    expect((await client.raw('GET', '/users/oauth/myspace')).status).toBe(404)
    expect((await client.raw('GET', '/users/oauth/facebook')).status).toBe(302)
  })
})

describe('signing in with an OpenID Connect provider (Google)', () => {
  it('starts with state, a PKCE S256 challenge and a nonce, kept in an encrypted HttpOnly SameSite=Lax cookie', async () => {
    const { authorize, setCookie, flowCookie } = await start(new RestClient(), 'google', '/doctors')
    expect(authorize.origin).toBe(google.issuer)
    expect(authorize.pathname).toBe('/authorize')
    const q = authorize.searchParams
    expect(q.get('response_type')).toBe('code')
    expect(q.get('client_id')).toBe(google.clientId)
    expect(q.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/users/oauth/google/callback`)
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']))
    expect(q.get('code_challenge_method')).toBe('S256')
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(40)
    expect(q.get('nonce')!.length).toBeGreaterThanOrEqual(40)

    const attributes = setCookie.split(';').map((a) => a.trim().toLowerCase())
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/api/users/oauth', 'max-age=600']))
    // Encrypted: the browser cannot read state, nonce or the verifier out of it.
    const value = decodeURIComponent(flowCookie.split('=')[1]!)
    expect(value).not.toContain(q.get('state')!)
    expect(value).not.toContain(q.get('nonce')!)
    expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain('codeVerifier')
  })

  it('creates a confirmed member from a verified identity and signs them in with a session cookie', async () => {
    const identity = googleIdentity({ name: 'Imani Adeyemi' })
    const res = await signIn('google', identity, { next: '/doctors?page=2' })
    expect(res.status).toBe(200)
    expect(res.location).toBe('/doctors?page=2')
    // The page moves on by itself (see continuePage), with the session cookie set on this response.
    expect(res.text).toContain('<meta http-equiv="refresh" content="0;url=/doctors?page=2">')
    // The flow cookie is spent.
    expect(res.cookies.find((c) => c.startsWith('rounds-oauth-google='))).toMatch(/Max-Age=0/)
    const user = await me(sessionCookie(res.cookies))
    expect(user?.email).toBe(identity.email)
    expect(user?.name).toBe('Imani Adeyemi')

    const stored = await storedUser(payload, user!.id)
    expect(stored._verified).toBe(true)
    expect(stored.roles).toEqual(['member'])
    expect(stored.hash).toBeTruthy()
    const links = await linksOf(user!.id)
    expect(links).toHaveLength(1)
    expect(links[0]).toMatchObject({ provider: 'google', subject: identity.sub, email: identity.email })
    // No provider token is kept.
    expect(Object.keys(links[0]!).filter((k) => /token|secret|code/i.test(k))).toEqual([])
    // The token request carried the PKCE verifier matching the challenge sent at the start.
    expect(google.lastTokenRequest()?.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('signs the same member in again by the provider identity, even after the email at the provider changed', async () => {
    const identity = googleIdentity()
    const first = await signIn('google', identity)
    const firstUser = await me(sessionCookie(first.cookies))
    const again = await signIn('google', { ...identity, email: email('renamed') })
    expect(again.status).toBe(200)
    expect(again.location).toBe('/profile')
    expect((await me(sessionCookie(again.cookies)))?.id).toBe(firstUser!.id)
    expect(await linksOf(firstUser!.id)).toHaveLength(1)
  })

  it('connects a verified email to the existing account and signs into it, leaving its password alone', async () => {
    const member = await createUser(payload, { login: false })
    const identity = googleIdentity({ email: member.email.toUpperCase() })
    const res = await signIn('google', identity)
    expect(res.status).toBe(200)
    expect((await me(sessionCookie(res.cookies)))?.id).toBe(member.id)
    expect((await linkBySubject('google', identity.sub))?.user).toBe(member.id)
    expect((await new RestClient().login(member.email, member.password)).status).toBe(200)
  })

  it('never uses an unverified email: no sign-in to the matching account, no new account, and a clear message', async () => {
    const member = await createUser(payload, { login: false })
    const takeover = googleIdentity({ email: member.email, email_verified: false })
    const res = await signIn('google', takeover)
    expect(res.status).toBe(403)
    expect(res.text).toContain('has not confirmed your email address')
    expect(sessionCookie(res.cookies)).toBeUndefined()
    expect(await linkBySubject('google', takeover.sub)).toBeUndefined()
    expect(await linksOf(member.id)).toHaveLength(0)

    // No verification claim at all counts as unverified, and no account is made for a new address.
    const stranger = googleIdentity({ email_verified: undefined })
    const res2 = await signIn('google', stranger)
    expect(res2.status).toBe(403)
    expect(await userByEmail(stranger.email!)).toBeNull()
  })

  it('claims an unconfirmed registration of the same address: the provider proves it, the password chosen by whoever registered stops working', async () => {
    const address = email('squatted')
    const squatterPassword = 'squatter chose this passphrase 99'
    const reg = await new RestClient().post('/users/register', { email: address, password: squatterPassword, name: 'Someone Else' })
    expect(reg.status).toBe(202)
    const res = await signIn('google', googleIdentity({ email: address, name: 'Rightful Owner' }))
    expect(res.status).toBe(200)
    const user = await me(sessionCookie(res.cookies))
    expect(user?.email).toBe(address)
    expect(user?.name).toBe('Rightful Owner')
    expect((await storedUser(payload, user!.id))._verified).toBe(true)
    expect((await new RestClient().login(address, squatterPassword)).status).toBe(401)
  })

  it("removes a deleted member's connections with them: the same identity then signs up afresh", async () => {
    const identity = googleIdentity()
    const first = await me(sessionCookie((await signIn('google', identity)).cookies))
    await payload.delete({ collection: 'users', id: first!.id, overrideAccess: true })
    expect(await linkBySubject('google', identity.sub)).toBeUndefined()
    const again = await signIn('google', identity)
    expect(again.status).toBe(200)
    const second = await me(sessionCookie(again.cookies))
    expect(second?.email).toBe(identity.email)
    expect(second!.id).not.toBe(first!.id)
    expect((await linkBySubject('google', identity.sub))?.user).toBe(second!.id)
  })

  it('makes one member when the same new identity finishes two sign-ins at the same moment', async () => {
    const identity = googleIdentity()
    const flows = await Promise.all([0, 1].map(async () => {
      const client = new RestClient()
      const started = await start(client, 'google')
      return { client, started }
    }))
    const backs: AuthorizeResult[] = []
    for (const f of flows) backs.push(await authorizeAt('google', f.started.authorize, identity))
    const results = await Promise.all(flows.map((f, i) => callback(f.client, 'google', backs[i]!.callback.searchParams, f.started.flowCookie)))
    expect(results.map((r) => r.status)).toEqual([200, 200])
    const users = await Promise.all(results.map((r) => me(sessionCookie(r.cookies))))
    expect(users[0]!.id).toBe(users[1]!.id)
    const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: identity.email } }, overrideAccess: true })
    expect(totalDocs).toBe(1)
    expect(await linksOf(users[0]!.id)).toHaveLength(1)
  })

  it('only follows a same-site next', async () => {
    for (const next of ['//evil.example/steal', 'https://evil.example/', '/\\evil.example', '/api/users/me']) {
      const res = await signIn('google', googleIdentity(), { next })
      expect(res.status).toBe(200)
      expect(res.location).toBe('/profile')
    }
  })

  it('sends a member who still owes a second factor to /login/two-factor, and the session does not count yet', async () => {
    const admin = await createUser(payload, { roles: ['admin'], login: false })
    const res = await signIn('google', googleIdentity({ email: admin.email }), { next: '/settings/sessions' })
    expect(res.status).toBe(200)
    expect(res.location).toBe(`/login/two-factor?next=${encodeURIComponent('/settings/sessions')}`)
    expect(sessionCookie(res.cookies)).toBeDefined()
    expect(await me(sessionCookie(res.cookies))).toBeNull()
  })
})

describe('refused callbacks', () => {
  it('refuses a missing, mismatched, tampered or foreign flow cookie with 400, and creates nothing', async () => {
    const client = new RestClient()
    const identity = googleIdentity()
    const started = await start(client, 'google')
    const back = await authorizeAt('google', started.authorize, identity)
    const params = back.callback.searchParams

    const noCookie = await callback(client, 'google', params)
    expect(noCookie.status).toBe(400)
    expect(noCookie.text).toContain('expired or was opened in another browser')

    const wrongState = new URLSearchParams(params)
    wrongState.set('state', `${params.get('state')}x`)
    expect((await callback(client, 'google', wrongState, started.flowCookie)).status).toBe(400)

    const [name, value] = started.flowCookie.split('=') as [string, string]
    const flipped = `${name}=${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`
    expect((await callback(client, 'google', params, flipped)).status).toBe(400)

    // The cookie of another flow (another browser, or an attacker's own) does not fit this state.
    const other = await start(new RestClient(), 'google')
    expect((await callback(client, 'google', params, other.flowCookie)).status).toBe(400)
    // Nor does a Google flow cookie presented to another provider's callback.
    expect((await callback(client, 'github', params, started.flowCookie.replace('rounds-oauth-google', 'rounds-oauth-github'))).status).toBe(400)

    for (const res of [noCookie]) expect(sessionCookie(res.cookies)).toBeUndefined()
    expect(await userByEmail(identity.email!)).toBeNull()
  })

  it('refuses a code bound to another PKCE challenge (the token endpoint says no): 400 with a clear page, no account', async () => {
    const client = new RestClient()
    const identity = googleIdentity()
    const started = await start(client, 'google')
    // An authorization code obtained with someone else's challenge, brought back into this browser's flow.
    const injected = new URL(started.authorize)
    injected.searchParams.set('code_challenge', s256(crypto.randomBytes(32).toString('base64url')))
    const back = await authorizeAt('google', injected, identity)
    const res = await callback(client, 'google', back.callback.searchParams, started.flowCookie)
    expect(res.status).toBe(400)
    expect(res.text).toContain('did not accept this sign-in')
    expect(res.text).toContain('Back to log in')
    expect(sessionCookie(res.cookies)).toBeUndefined()
    expect(await userByEmail(identity.email!)).toBeNull()

    // The same code cannot be used twice either.
    const replay = await callback(client, 'google', back.callback.searchParams, started.flowCookie)
    expect(replay.status).toBe(400)
  })

  it('refuses an ID token for another audience, with another nonce, or expired', async () => {
    const now = Math.floor(Date.now() / 1000)
    for (const claims of [{ aud: 'someone-elses-client' }, { nonce: 'not-the-nonce-of-this-flow' }, { iat: now - 7200, exp: now - 3600 }]) {
      const identity = googleIdentity({ claims })
      const res = await signIn('google', identity)
      expect(res.status, JSON.stringify(claims)).toBe(400)
      expect(res.text).toContain('could not be verified')
      expect(await userByEmail(identity.email!)).toBeNull()
    }
  })

  it('answers 502 with a clear page when the provider cannot be reached', async () => {
    const issuer = process.env.GOOGLE_ISSUER_URL
    process.env.GOOGLE_ISSUER_URL = 'http://127.0.0.1:9'
    try {
      const res = await answer(await new RestClient().raw('GET', '/users/oauth/google'))
      expect(res.status).toBe(502)
      expect(res.text).toContain('Google could not be reached')
    } finally {
      process.env.GOOGLE_ISSUER_URL = issuer
    }
  })

  it('shows a clear page when the provider reports an error (for example the member cancelled)', async () => {
    const client = new RestClient()
    const started = await start(client, 'google')
    const state = started.authorize.searchParams.get('state')!
    const res = await callback(client, 'google', new URLSearchParams({ error: 'access_denied', state }), started.flowCookie)
    expect(res.status).toBe(400)
    expect(res.text).toContain('Google did not complete the sign-in')
  })
})

describe('GitHub', () => {
  it('signs in with the verified primary address from /user/emails', async () => {
    const identity: ApiIdentity = { id: Math.floor(Math.random() * 1e9), login: `octo-${unique()}`, name: 'Tomas Lindqvist', email: email('github') }
    const res = await signIn('github', identity, { next: '/learn' })
    expect(res.status).toBe(200)
    expect(res.location).toBe('/learn')
    const user = await me(sessionCookie(res.cookies))
    expect(user).toMatchObject({ email: identity.email, name: 'Tomas Lindqvist' })
    expect(await linkBySubject('github', String(identity.id))).toMatchObject({ user: user!.id })
  })

  it('refuses an account whose primary address GitHub has not verified', async () => {
    const identity: ApiIdentity = { id: Math.floor(Math.random() * 1e9), login: 'unverified', email: email('ghu'), emailVerified: false }
    const res = await signIn('github', identity)
    expect(res.status).toBe(403)
    expect(res.text).toContain('GitHub has not confirmed your email address')
    expect(await userByEmail(identity.email!)).toBeNull()
  })

  it('refuses a code bound to another PKCE challenge (GitHub answers the error with HTTP 200)', async () => {
    const client = new RestClient()
    const identity: ApiIdentity = { id: Math.floor(Math.random() * 1e9), login: 'pkce', email: email('ghp') }
    const started = await start(client, 'github')
    const injected = new URL(started.authorize)
    injected.searchParams.set('code_challenge', s256('another-verifier-another-verifier-another-verifier'))
    const back = await authorizeAt('github', injected, identity)
    const res = await callback(client, 'github', back.callback.searchParams, started.flowCookie)
    expect(res.status).toBe(400)
    expect(res.text).toContain('GitHub did not accept this sign-in')
    expect(await userByEmail(identity.email!)).toBeNull()
  })
})

describe('Facebook', () => {
  it('signs in with the Graph API profile (id, name, email)', async () => {
    const identity: ApiIdentity = { id: `${Date.now()}${Math.floor(Math.random() * 1000)}`, name: 'Nadia Haddad', email: email('facebook') }
    const res = await signIn('facebook', identity)
    expect(res.status).toBe(200)
    expect(await me(sessionCookie(res.cookies))).toMatchObject({ email: identity.email, name: 'Nadia Haddad' })
  })

  it('refuses to create an account when Facebook shares no email address', async () => {
    const res = await signIn('facebook', { id: `${Date.now()}1`, name: 'No Email' })
    expect(res.status).toBe(403)
    expect(res.text).toContain('did not share an email address')
  })
})

describe('Apple', () => {
  it("takes Apple's form POST, hands it to the GET callback, and signs in with a client secret signed by the team key", async () => {
    const client = new RestClient()
    const started = await start(client, 'apple')
    expect(started.authorize.searchParams.get('response_mode')).toBe('form_post')
    expect(started.authorize.searchParams.get('scope')).toBe('name email')
    const identity: OidcIdentity = { sub: `001234.${unique()}`, email: email('apple'), email_verified: 'true' }
    const back = await authorizeAt('apple', started.authorize, identity)

    // Apple posts the answer from its own site: no cookies come with it.
    const form = new URLSearchParams({
      code: back.code,
      state: back.state,
      user: JSON.stringify({ name: { firstName: 'Léa', lastName: 'Martin' }, email: identity.email }),
    })
    const posted = await REST_POST(config)(
      new Request(`${PUBLIC_URL}/api/users/oauth/apple/callback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-rounds-client-ip': client.ip },
        body: form,
      }),
      { params: Promise.resolve({ slug: ['users', 'oauth', 'apple', 'callback'] }) },
    )
    expect(posted.status).toBe(303)
    const location = new URL(posted.headers.get('location')!, PUBLIC_URL)
    expect(location.pathname).toBe('/api/users/oauth/apple/callback')
    expect(location.searchParams.get('code')).toBe(back.code)

    const res = await callback(client, 'apple', location.searchParams, started.flowCookie)
    expect(res.status).toBe(200)
    expect(await me(sessionCookie(res.cookies))).toMatchObject({ email: identity.email, name: 'Léa Martin' })

    const token = apple.lastTokenRequest()!
    expect(token.client_id).toBe(apple.clientId)
    expect(token.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const secret = String(token.client_secret)
    expect(decodeProtectedHeader(secret)).toMatchObject({ alg: 'ES256', kid: APPLE_KEY })
    await expect(jwtVerify(secret, applePublicKey, { issuer: APPLE_TEAM, subject: apple.clientId, audience: apple.issuer })).resolves.toBeTruthy()
  })
})

describe('connecting and disconnecting providers from the settings page', () => {
  const githubIdentity = (over: Partial<ApiIdentity> = {}): ApiIdentity => ({
    id: Math.floor(Math.random() * 1e9),
    login: `gh-${unique()}`,
    email: email('gh'),
    ...over,
  })

  it('connects GitHub to the signed-in member, who can then sign in with it', async () => {
    const member = await createUser(payload)
    const identity = githubIdentity()
    const res = await connect(member.client, 'github', identity)
    expect(res.status).toBe(200)
    expect(res.location).toBe('/settings/accounts?connected=github')
    expect((await linkBySubject('github', String(identity.id)))?.user).toBe(member.id)

    const later = await signIn('github', identity)
    expect((await me(sessionCookie(later.cookies)))?.id).toBe(member.id)
  })

  it('connecting needs a signed-in member, and still the same one when the provider answers', async () => {
    expect((await new RestClient().raw('POST', '/users/oauth/github/link')).status).toBe(401)

    const member = await createUser(payload)
    const res = await member.client.raw('POST', '/users/oauth/github/link')
    const flowCookie = res.headers.getSetCookie().find((c) => c.startsWith('rounds-oauth-github='))!.split(';')[0]!
    const identity = githubIdentity()
    const back = await authorizeAt('github', new URL(res.headers.get('location')!), identity)
    // The browser now holds another member's session: the connection is not made for either.
    const other = await createUser(payload)
    const switched = await callback(new RestClient(), 'github', back.callback.searchParams, `${flowCookie}; payload-token=${other.client.token}`)
    expect(switched.status).toBe(401)
    // The callback arrives without the member's session (signed out meanwhile).
    const answer = await callback(new RestClient(), 'github', back.callback.searchParams, flowCookie)
    expect(answer.status).toBe(401)
    expect(answer.text).toContain('Back to connected accounts')
    expect(await linkBySubject('github', String(identity.id))).toBeUndefined()
  })

  it("refuses (409) an identity already connected to another member, and a second identity of the same provider", async () => {
    const first = await createUser(payload)
    const second = await createUser(payload)
    const identity = githubIdentity()
    expect((await connect(first.client, 'github', identity)).status).toBe(200)

    const stolen = await connect(second.client, 'github', identity)
    expect(stolen.status).toBe(409)
    expect(stolen.text).toContain('already connected to another Rounds member')
    expect((await linkBySubject('github', String(identity.id)))?.user).toBe(first.id)
    expect(await linksOf(second.id)).toHaveLength(0)

    const another = await connect(first.client, 'github', githubIdentity())
    expect(another.status).toBe(409)
    expect(another.text).toContain('already connected to a different GitHub account')
    expect(await linksOf(first.id)).toHaveLength(1)
  })

  it('disconnects while the member keeps a way to sign in (a password or another provider), and refuses the last one', async () => {
    // A member with a password may disconnect their only provider.
    const withPassword = await createUser(payload)
    await connect(withPassword.client, 'github', githubIdentity())
    const done = await withPassword.client.delete('/users/oauth/github')
    expect(done.status).toBe(200)
    expect(await linksOf(withPassword.id)).toHaveLength(0)
    expect((await withPassword.client.delete('/users/oauth/github')).status).toBe(404)
    expect((await withPassword.client.delete('/users/oauth/myspace')).status).toBe(404)
    expect((await new RestClient().delete('/users/oauth/github')).status).toBe(401)

    // A member created through Google has no password of their own.
    const identity = googleIdentity()
    const signedIn = await signIn('google', identity)
    const client = new RestClient({ token: tokenOf(signedIn.cookies) })
    const userId = (await me(sessionCookie(signedIn.cookies)))!.id
    const last = await client.delete('/users/oauth/google')
    expect(last.status).toBe(409)
    expect(last.body.errors[0].message).toContain('only way you can sign in')
    expect(await linksOf(userId)).toHaveLength(1)

    // With GitHub connected too, Google can go; then GitHub is the last way in.
    expect((await connect(client, 'github', githubIdentity())).status).toBe(200)
    expect((await client.delete('/users/oauth/google')).status).toBe(200)
    expect((await client.delete('/users/oauth/github')).status).toBe(409)

    // Once the member sets a password, the last provider can go as well.
    const password = 'my own passphrase at last 2026'
    expect((await client.patch(`/users/${userId}`, { password })).status).toBe(200)
    const relogin = new RestClient()
    expect((await relogin.login(identity.email!, password)).status).toBe(200)
    expect((await relogin.delete('/users/oauth/github')).status).toBe(200)
    expect(await linksOf(userId)).toHaveLength(0)
  })

  it('lets members read only their own connections, without the password marker, and write none through the API', async () => {
    const owner: TestUser = await createUser(payload)
    const other: TestUser = await createUser(payload)
    await connect(owner.client, 'github', githubIdentity())
    await connect(other.client, 'github', githubIdentity())

    const list = await owner.client.get('/socialAccounts?depth=0')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { user: number }) => d.user)).toEqual([owner.id])
    expect(list.body.docs[0]).not.toHaveProperty('passwordMarker')
    const id = list.body.docs[0].id
    expect([403, 404]).toContain((await owner.client.delete(`/socialAccounts/${id}`)).status)
    expect([403, 404]).toContain((await owner.client.patch(`/socialAccounts/${id}`, { subject: 'mine-now' })).status)
    expect((await owner.client.post('/socialAccounts', { user: owner.id, provider: 'google', subject: 'forged' })).status).toBe(403)
    expect(await linksOf(owner.id)).toHaveLength(1)
    expect((await new RestClient().get('/socialAccounts')).status).toBe(403)
  })
})

describe('rate limits', () => {
  it('limits starting sign-ins and callbacks per address', async () => {
    const client = new RestClient()
    for (let i = 0; i < 30; i++) expect((await client.raw('GET', '/users/oauth/google')).status).toBe(302)
    const limited = await client.raw('GET', '/users/oauth/google')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await new RestClient().raw('GET', '/users/oauth/google')).status).toBe(302)

    const caller = new RestClient()
    for (let i = 0; i < 30; i++) expect((await caller.raw('GET', '/users/oauth/github/callback?code=x&state=y')).status).toBe(400)
    expect((await caller.raw('GET', '/users/oauth/github/callback?code=x&state=y')).status).toBe(429)
  })
})
