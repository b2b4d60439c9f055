import type { Payload } from 'payload'

import { RestClient } from './rest'

export const PASSWORD = 'correct horse battery staple 42'
let counter = 0

export type TestUser = { id: number; email: string; password: string; client: RestClient }

/** Creates a confirmed member with the given roles and returns a client logged in as them. */
export async function createUser(
  payload: Payload,
  opts: { roles?: string[]; verificationStatus?: string; tier?: string; name?: string; login?: boolean } = {},
): Promise<TestUser> {
  const email = `user${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6)}@example.test`
  const doc = await payload.create({
    collection: 'users',
    data: {
      email,
      password: PASSWORD,
      name: opts.name ?? `Test Member ${counter} ${Math.random().toString(36).slice(2, 8)}`,
      roles: (opts.roles ?? ['member']) as never,
      verificationStatus: (opts.verificationStatus ?? 'unverified') as never,
      tier: (opts.tier ?? 'free') as never,
      _verified: true,
    } as never,
    disableVerificationEmail: true,
    overrideAccess: true,
  })
  const client = new RestClient()
  if (opts.login !== false) {
    const res = await client.login(email, PASSWORD)
    if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`)
  }
  return { id: doc.id as number, email, password: PASSWORD, client }
}

/** The newest outbox email sent to `to`. */
export async function lastEmailTo(payload: Payload, to: string) {
  const { docs } = await payload.find({
    collection: 'emails',
    where: { to: { contains: to } },
    sort: '-createdAt',
    limit: 1,
    overrideAccess: true,
  })
  return docs[0] as { subject: string; text?: string; html?: string } | undefined
}

/** Every outbox email sent to `to`, newest first. */
export async function emailsTo(payload: Payload, to: string) {
  const { docs } = await payload.find({
    collection: 'emails',
    where: { to: { contains: to } },
    sort: '-createdAt',
    limit: 100,
    overrideAccess: true,
  })
  return docs as unknown as { subject: string; text?: string; html?: string; from?: string }[]
}

/** The user row as stored, hidden fields included (hash, salt, tokens, sessions). */
export async function storedUser(payload: Payload, id: number | string) {
  return (await payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as Record<string, any>
}

/** Names of fields that must never leave the server in any API response. */
export const SECRET_KEYS = [
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  '_verificationToken',
  'emailCodeHash',
  'emailCodeExpiresAt',
  'emailCodeAttempts',
  'apiKey',
  'apiKeyIndex',
  'loginAttempts',
  'lockUntil',
]

/** Paths (a.b.c) of secret keys found anywhere in a response body. */
export function secretPaths(body: unknown, keys: string[] = SECRET_KEYS, at = ''): string[] {
  if (!body || typeof body !== 'object') return []
  const found: string[] = []
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const path = at ? `${at}.${k}` : k
    if (keys.includes(k) && v !== undefined) found.push(path)
    found.push(...secretPaths(v, keys, path))
  }
  return found
}
