import crypto from 'node:crypto'
import type { CollectionBeforeDeleteHook, Payload, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { safeEqual, sha256 } from '@/lib/crypto'
import { SocialLoginError } from './errors'
import type { ProviderId } from './ids'
import { configuredProviders, type SocialProfile } from './providers'

/**
 * The rules that tie a provider identity (provider + subject) to a member:
 *  - an identity already connected signs in its member;
 *  - otherwise an address the provider has VERIFIED that matches an account connects to it and signs in;
 *  - an unverified address never connects, never signs in to an existing account, never creates one;
 *  - no matching account: a new member is created, confirmed by the provider, with a random password
 *    nobody knows (the member can set one with "Forgot your password?").
 */

export const SOCIAL_ACCOUNTS = 'socialAccounts'

type Id = string | number
export type SocialLink = {
  id: Id
  user: Id | { id: Id }
  provider: ProviderId
  subject: string
  email?: string | null
  lastUsedAt?: string | null
  createdAt?: string
  passwordMarker?: string | null
}

type StoredUser = { id: Id; email: string; name?: string | null; _verified?: boolean | null; salt?: string | null; hash?: string | null }

const userIdOf = (link: SocialLink): Id => (typeof link.user === 'object' && link.user ? link.user.id : (link.user as Id))

/**
 * A member created by a provider gets a password nobody knows. Its salt is remembered (hashed) on the
 * member's links: while the stored salt is still that one, the member has never chosen a password.
 * Setting or resetting a password always draws a new salt, and the marker stops matching.
 */
const passwordMarker = (userId: Id, salt: string) => sha256(`unusable-password:${userId}:${salt}`)
const randomPassword = () => crypto.randomBytes(32).toString('base64url')

async function storedUser(payload: Payload, where: Record<string, unknown>, req?: Partial<PayloadRequest>): Promise<StoredUser | null> {
  return (await payload.db.findOne({ collection: 'users', where: where as never, req })) as StoredUser | null
}

export async function findLink(payload: Payload, provider: ProviderId, subject: string, req?: PayloadRequest): Promise<SocialLink | null> {
  const { docs } = await payload.find({
    collection: SOCIAL_ACCOUNTS as never,
    where: { and: [{ provider: { equals: provider } }, { subject: { equals: subject } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return (docs[0] as unknown as SocialLink | undefined) ?? null
}

/** Every provider identity connected to the member, oldest first. */
export async function linksOf(payload: Payload, userId: Id, req?: PayloadRequest): Promise<SocialLink[]> {
  const { docs } = await payload.find({
    collection: SOCIAL_ACCOUNTS as never,
    where: { user: { equals: userId } },
    limit: 50,
    depth: 0,
    sort: 'createdAt',
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return docs as unknown as SocialLink[]
}

/** False while the member still has only the random password given at sign-up through a provider. */
export async function hasUsablePassword(payload: Payload, userId: Id, links?: SocialLink[], req?: PayloadRequest): Promise<boolean> {
  const user = await storedUser(payload, { id: { equals: userId } }, req)
  if (!user?.salt || !user.hash) return false
  const marker = passwordMarker(user.id, user.salt)
  return !(links ?? (await linksOf(payload, userId, req))).some((l) => l.passwordMarker && safeEqual(l.passwordMarker, marker))
}

async function createLink(req: PayloadRequest, userId: Id, provider: ProviderId, profile: SocialProfile, marker: string | null) {
  await req.payload.create({
    collection: SOCIAL_ACCOUNTS as never,
    data: { user: userId, provider, subject: profile.subject, email: profile.email, lastUsedAt: new Date().toISOString(), passwordMarker: marker } as never,
    overrideAccess: true,
    req,
  })
}

/** The marker the member's links already carry (all of them carry the same one), if any. */
const inheritedMarker = (links: SocialLink[]) => links.find((l) => l.passwordMarker)?.passwordMarker ?? null

async function touch(payload: Payload, link: SocialLink, profile: SocialProfile, req?: PayloadRequest) {
  await payload.db.updateOne({
    collection: SOCIAL_ACCOUNTS as never,
    id: link.id,
    data: { lastUsedAt: new Date().toISOString(), ...(profile.email ? { email: profile.email } : {}) },
    req,
    returning: false,
  })
}

/** Runs `fn` in one transaction; a failure rolls every write of it back. */
async function inTransaction<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  const owner = await initTransaction(req)
  try {
    const result = await fn()
    if (owner) await commitTransaction(req)
    return result
  } catch (err) {
    if (owner) await killTransaction(req)
    throw err
  }
}

export type SignInResult = { userId: Id; how: 'linked' | 'matched' | 'created' }

async function resolveOnce(req: PayloadRequest, provider: ProviderId, profile: SocialProfile): Promise<SignInResult> {
  const { payload } = req
  const link = await findLink(payload, provider, profile.subject, req)
  if (link) {
    await touch(payload, link, profile, req)
    return { userId: userIdOf(link), how: 'linked' }
  }
  if (!profile.email) throw new SocialLoginError('no-email')
  if (!profile.emailVerified) throw new SocialLoginError('unverified')
  const email = profile.email

  return inTransaction(req, async () => {
    const existing = await storedUser(payload, { email: { equals: email } }, req)
    if (existing) {
      let marker = inheritedMarker(await linksOf(payload, existing.id, req))
      if (existing._verified !== true) {
        // Registered but never confirmed: whoever chose that password never proved the address, and the
        // provider just did. The password is replaced, so an account made in someone else's name
        // before they arrived cannot be used to get into theirs.
        await payload.update({
          collection: 'users',
          id: existing.id,
          data: { _verified: true, password: randomPassword(), ...(profile.name ? { name: profile.name } : {}) } as never,
          overrideAccess: true,
          req,
        })
        const claimed = await storedUser(payload, { id: { equals: existing.id } }, req)
        marker = claimed?.salt ? passwordMarker(existing.id, claimed.salt) : null
      }
      await createLink(req, existing.id, provider, profile, marker)
      return { userId: existing.id, how: 'matched' as const }
    }
    const created = await payload.create({
      collection: 'users',
      data: {
        email,
        password: randomPassword(),
        name: profile.name ?? email.split('@')[0]!.slice(0, 120),
        roles: ['member'],
        _verified: true,
      } as never,
      disableVerificationEmail: true,
      overrideAccess: true,
      req,
    })
    const row = await storedUser(payload, { id: { equals: created.id } }, req)
    await createLink(req, created.id, provider, profile, row?.salt ? passwordMarker(created.id, row.salt) : null)
    return { userId: created.id, how: 'created' as const }
  })
}

/**
 * Finds or creates the member for a provider identity. Two first sign-ins of the same identity at the
 * same moment: the second one's writes fail on the unique (provider, subject) index and roll back, and
 * its retry finds the link the first one made.
 */
export async function resolveSignIn(req: PayloadRequest, provider: ProviderId, profile: SocialProfile): Promise<SignInResult> {
  try {
    return await resolveOnce(req, provider, profile)
  } catch (err) {
    if (err instanceof SocialLoginError) throw err
    return resolveOnce(req, provider, profile)
  }
}

/** Connects a provider identity to the signed-in member `userId`. */
export async function linkToMember(req: PayloadRequest, userId: Id, provider: ProviderId, profile: SocialProfile): Promise<'linked' | 'already'> {
  const { payload } = req
  const link = await findLink(payload, provider, profile.subject, req)
  if (link) {
    if (String(userIdOf(link)) !== String(userId)) throw new SocialLoginError('taken')
    await touch(payload, link, profile, req)
    return 'already'
  }
  const mine = await linksOf(payload, userId, req)
  if (mine.some((l) => l.provider === provider)) throw new SocialLoginError('provider-in-use')
  try {
    await createLink(req, userId, provider, profile, inheritedMarker(mine))
  } catch (err) {
    // Connected by someone else between the check and the write: the unique index refused it.
    const winner = await findLink(payload, provider, profile.subject, req)
    if (winner && String(userIdOf(winner)) !== String(userId)) throw new SocialLoginError('taken')
    if (!winner) throw err
  }
  return 'linked'
}

export type UnlinkResult = 'unlinked' | 'not-linked' | 'last-sign-in'

/**
 * Disconnects a provider from the member. Refused when it would leave no way to sign in: the member
 * has never set a password and no other connected provider is offered on this server.
 */
export async function unlinkProvider(payload: Payload, userId: Id, provider: ProviderId, req?: PayloadRequest): Promise<UnlinkResult> {
  const mine = await linksOf(payload, userId, req)
  const target = mine.filter((l) => l.provider === provider)
  if (!target.length) return 'not-linked'
  const offered = new Set(configuredProviders().map((p) => p.id))
  const othersUsable = mine.some((l) => l.provider !== provider && offered.has(l.provider))
  if (!othersUsable && !(await hasUsablePassword(payload, userId, mine, req))) return 'last-sign-in'
  await payload.delete({
    collection: SOCIAL_ACCOUNTS as never,
    where: { id: { in: target.map((l) => l.id) } },
    overrideAccess: true,
    req,
  })
  return 'unlinked'
}

/** What the settings page shows: the member's connections and whether a password is set, from one read of the links. */
export async function connectedAccounts(payload: Payload, userId: Id) {
  const links = await linksOf(payload, userId)
  return {
    links: links.map(({ provider, email, createdAt }) => ({ provider, email: email ?? null, createdAt: createdAt ?? null })),
    hasPassword: await hasUsablePassword(payload, userId, links),
  }
}

/**
 * Users hook: a member's connections are removed with the member, before the user row goes (the links
 * reference it), in the same transaction.
 */
export const removeSocialAccounts: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: SOCIAL_ACCOUNTS as never, where: { user: { equals: id } }, req })
}
