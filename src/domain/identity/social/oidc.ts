import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose'

import { SocialLoginError } from './errors'

/** The parts of an OpenID provider's discovery document that sign-in uses. */
export type OidcMetadata = {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  jwks_uri: string
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000
export const FETCH_TIMEOUT_MS = 10_000

const discovered = new Map<string, { at: number; metadata: OidcMetadata }>()
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

export const trimSlash = (url: string) => url.replace(/\/+$/, '')

/**
 * Reads `<issuer>/.well-known/openid-configuration` (kept for an hour). The document must name the
 * same issuer it was fetched from (OpenID Connect Discovery 1.0, section 4.3).
 */
export async function discover(issuer: string): Promise<OidcMetadata> {
  const key = trimSlash(issuer)
  const cached = discovered.get(key)
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.metadata
  let body: Partial<OidcMetadata>
  try {
    const res = await fetch(`${key}/.well-known/openid-configuration`, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    })
    if (!res.ok) throw new Error(`discovery answered ${res.status}`)
    body = (await res.json()) as Partial<OidcMetadata>
  } catch (err) {
    throw new SocialLoginError('unreachable', `OpenID discovery failed for ${key}: ${(err as Error).message}`)
  }
  const { issuer: named, authorization_endpoint, token_endpoint, jwks_uri } = body
  if (typeof named !== 'string' || trimSlash(named) !== key || !authorization_endpoint || !token_endpoint || !jwks_uri) {
    throw new SocialLoginError('unreachable', `OpenID discovery document of ${key} is incomplete or names another issuer`)
  }
  const metadata = { issuer: named, authorization_endpoint, token_endpoint, jwks_uri }
  discovered.set(key, { at: Date.now(), metadata })
  return metadata
}

function keySet(jwksUri: string) {
  let set = keySets.get(jwksUri)
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: FETCH_TIMEOUT_MS, cooldownDuration: 30_000 })
    keySets.set(jwksUri, set)
  }
  return set
}

/**
 * Verifies an ID token: signature against the provider's published keys, issuer, audience (our client
 * id), expiry, and the nonce this browser's flow sent. Anything else is refused.
 */
export async function verifyIdToken(
  idToken: string,
  expected: { issuers: string[]; jwksUri: string; audience: string; nonce: string },
): Promise<JWTPayload> {
  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(idToken, keySet(expected.jwksUri), {
      issuer: expected.issuers,
      audience: expected.audience,
      algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 30,
    }))
  } catch (err) {
    // Not a JOSE error (a refused connection), a timeout, or a key set answered with an HTTP error.
    const unreachable =
      !(err instanceof joseErrors.JOSEError) || err instanceof joseErrors.JWKSTimeout || err.code === 'ERR_JOSE_GENERIC'
    if (unreachable) {
      throw new SocialLoginError('unreachable', `ID token keys could not be fetched: ${(err as Error).message}`)
    }
    throw new SocialLoginError('invalid-token', `ID token refused: ${(err as Error).message}`)
  }
  if (payload.nonce !== expected.nonce) throw new SocialLoginError('invalid-token', 'ID token nonce does not match this sign-in')
  return payload
}

/** Some providers (Apple) send booleans as the strings "true" / "false". */
export const claimIsTrue = (value: unknown) => value === true || value === 'true'
