import type {
  AfterErrorHook,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLogoutHook,
  CollectionAfterOperationHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { AuthenticationError, LockedAuth, UnverifiedEmail } from 'payload'

import { recordAudit } from '@/domain/trust/audit'

/**
 * The members' security events in the audit trail: sign-ins and refused sign-ins (the address tried,
 * never the password), sign-outs, password resets and changes, email changes, and what staff change
 * about a member (roles, tier, verification status, API key, deletion). Sign-ins with an email code or
 * a social provider are recorded where their session starts (src/domain/identity/session.ts).
 */

const LOGIN_EMAIL = 'auditLoginEmail'
const PASSWORD_CHANGED = 'auditPasswordChanged'

const emailOf = (args: unknown) =>
  String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .trim()
    .toLowerCase()
    .slice(0, 320)

async function memberIdByEmail(req: PayloadRequest, email: string) {
  if (!email) return null
  const user = await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req })
  return (user?.id as number | undefined) ?? null
}

/** Placed after the rate limits: a request they refuse is not an attempt worth a record. */
export const auditAuthAttempt: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'login') req.context[LOGIN_EMAIL] = emailOf(args)
  if (operation === 'forgotPassword') {
    const email = emailOf(args)
    await recordAudit(req, { type: 'auth.password_reset_requested', userId: await memberIdByEmail(req, email), detail: { email } })
  }
  return args
}

export const auditAuthSuccess: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  const userId = (result as { user?: { id?: number } } | undefined)?.user?.id
  if (operation === 'login' && userId) {
    delete req.context[LOGIN_EMAIL]
    await recordAudit(req, { type: 'auth.login', userId, detail: { method: 'password' } })
  }
  if (operation === 'resetPassword' && userId) {
    await recordAudit(req, { type: 'auth.password_reset', userId, detail: { signedIn: true } })
  }
  return result
}

/**
 * A refused password sign-in, REST or GraphQL (a global afterError hook: the login's own transaction is
 * rolled back by then, so the record is written on its own).
 */
export const auditFailedLogin: AfterErrorHook = async ({ error, req }) => {
  const email = req?.context?.[LOGIN_EMAIL]
  if (typeof email !== 'string') return
  const err = (error as { originalError?: unknown }).originalError ?? error
  const reason =
    err instanceof LockedAuth ? 'locked' : err instanceof UnverifiedEmail ? 'unverified' : err instanceof AuthenticationError ? 'invalid-credentials' : null
  if (!reason) return
  delete req.context[LOGIN_EMAIL]
  try {
    await recordAudit(req, { type: 'auth.login_failed', userId: await memberIdByEmail(req, email), actorId: null, detail: { method: 'password', email, reason } })
  } catch (recordError) {
    req.payload.logger.error({ err: recordError, msg: 'Could not record a refused sign-in' })
  }
}

export const auditLogout: CollectionAfterLogoutHook = async ({ req }) => {
  if (req.user?.collection === 'users') await recordAudit(req, { type: 'auth.logout', userId: req.user.id })
}

const API_KEY_BEFORE = 'auditApiKeyBefore'
type KeyState = { on: boolean; index: unknown }

async function storedKey(req: PayloadRequest, userId: number | string): Promise<KeyState | null> {
  const row = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as Record<string, unknown> | null
  return row ? { on: Boolean(row.enableAPIKey && row.apiKeyIndex), index: row.apiKeyIndex ?? null } : null
}

/**
 * What afterChange can no longer see: the new password is gone from the data by then, and the stored
 * API key is hidden from previousDoc. Both are noted here, per member, for auditUserChanges.
 */
export const noteCredentialChanges: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const id = String(originalDoc.id)
  if (typeof data?.password === 'string' && data.password) {
    const changed = (req.context[PASSWORD_CHANGED] as Set<string> | undefined) ?? new Set<string>()
    changed.add(id)
    req.context[PASSWORD_CHANGED] = changed
  }
  if (data?.apiKey !== undefined || data?.enableAPIKey !== undefined) {
    const before = (req.context[API_KEY_BEFORE] as Map<string, KeyState | null> | undefined) ?? new Map<string, KeyState | null>()
    before.set(id, await storedKey(req, originalDoc.id))
    req.context[API_KEY_BEFORE] = before
  }
  return data
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const sortedRoles = (roles: unknown) => (Array.isArray(roles) ? [...roles].map(String).sort() : [])

export const auditUserChanges: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  const userId = doc.id as number
  const changed = req.context[PASSWORD_CHANGED] as Set<string> | undefined
  if (changed?.delete(String(userId))) await recordAudit(req, { type: 'auth.password_changed', userId })
  if (doc.email !== undefined && previousDoc?.email !== undefined && !same(previousDoc.email, doc.email)) {
    await recordAudit(req, { type: 'user.email_changed', userId, detail: { from: previousDoc.email, to: doc.email } })
  }
  const rolesBefore = sortedRoles(previousDoc?.roles)
  const rolesAfter = sortedRoles(doc.roles)
  if (doc.roles !== undefined && !same(rolesBefore, rolesAfter)) {
    await recordAudit(req, {
      type: 'user.role_changed',
      userId,
      detail: { from: rolesBefore, to: rolesAfter, added: rolesAfter.filter((r) => !rolesBefore.includes(r)), removed: rolesBefore.filter((r) => !rolesAfter.includes(r)) },
    })
  }
  if (doc.tier !== undefined && !same(previousDoc?.tier, doc.tier)) {
    await recordAudit(req, { type: 'user.tier_changed', userId, detail: { from: previousDoc?.tier ?? null, to: doc.tier } })
  }
  if (doc.verificationStatus !== undefined && !same(previousDoc?.verificationStatus, doc.verificationStatus)) {
    await recordAudit(req, { type: 'user.verification_changed', userId, detail: { from: previousDoc?.verificationStatus ?? null, to: doc.verificationStatus } })
  }
  const keysBefore = req.context[API_KEY_BEFORE] as Map<string, KeyState | null> | undefined
  if (keysBefore?.has(String(userId))) {
    const before = keysBefore.get(String(userId))
    keysBefore.delete(String(userId))
    await auditApiKey(req, userId, before ?? { on: false, index: null })
  }
  return doc
}

/** Compares the stored key (its lookup index) before and after: what field access let through, not what was asked. */
async function auditApiKey(req: PayloadRequest, userId: number, before: KeyState) {
  const after = await storedKey(req, userId)
  if (!after) return
  if (after.on && (!before.on || before.index !== after.index)) {
    await recordAudit(req, { type: 'user.api_key_created', userId, detail: { replaced: before.on } })
  } else if (before.on && !after.on) {
    await recordAudit(req, { type: 'user.api_key_revoked', userId })
  }
}

export const auditUserDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recordAudit(req, { type: 'user.deleted', userId: doc.id as number, detail: { roles: doc.roles ?? [] } })
  return doc
}
