import type { Endpoint, PayloadRequest } from 'payload'

import { acceptTotp, acceptWithSecret, issueRecoveryCodes, remainingRecoveryCodes } from '../codes'
import { encrypt } from '../crypto'
import { countDevices, forgetDevices } from '../devices'
import { verifyPassword } from '../password'
import { activeCaller, deleteChallenge, loadUser, resolveCaller, resumeSession, type Caller } from '../session'
import { deleteCredential, findCredential, keyRing, pendingSecret, saveCredential } from '../store'
import { newSecret, otpauthUri, qrDataUrl } from '../totp'
import type { ResolvedOptions } from '../types'
import { codeBody, doc, fail, json } from './respond'

const SETUP_MINUTES = 30

async function callerUser(req: PayloadRequest, o: ResolvedOptions, caller: Caller) {
  return caller.kind === 'active' ? caller.user : ((await loadUser(req, o, caller.userId)) ?? {})
}

/** A signed-in member, or a login sent to enrollment; a login waiting for its code may not enroll. */
async function enrollingCaller(req: PayloadRequest, o: ResolvedOptions): Promise<Caller | Response> {
  const caller = await resolveCaller(req, o)
  if (!caller) return fail(req, 401, 'Log in first.')
  if (caller.kind === 'pending' && caller.challenge.purpose !== 'enroll') return fail(req, 403, 'Enter the code from your authenticator app to finish logging in.')
  return caller
}

export function enrollmentEndpoints(o: ResolvedOptions): Endpoint[] {
  const status: Endpoint = {
    path: '/two-factor/status',
    method: 'get',
    custom: doc('Two-factor state of the caller (a session, or a login waiting for its second factor)', {
      200: 'state (active, verify, enroll), enabled, required, recovery codes left, remembered devices',
      401: 'Not signed in and no login in progress',
    }),
    handler: async (req) => {
      const caller = await resolveCaller(req, o)
      if (!caller) return fail(req, 401, 'Log in first.')
      const [cred, user, rememberedDevices] = await Promise.all([
        findCredential(req, caller.userId),
        callerUser(req, o, caller),
        caller.kind === 'active' ? countDevices(req, caller.userId) : Promise.resolve(0),
      ])
      return json(req, {
        state: caller.kind === 'active' ? 'active' : caller.challenge.purpose,
        enabled: Boolean(cred?.secret),
        required: o.required(user),
        enabledAt: cred?.enabledAt ?? null,
        recoveryCodesRemaining: remainingRecoveryCodes(cred),
        rememberedDevices,
      })
    },
  }

  const setup: Endpoint = {
    path: '/two-factor/setup',
    method: 'post',
    custom: doc('Start (or restart) enrollment: a new secret as text, otpauth URI and QR code', {
      200: 'secret, uri, qr (data URL); not active until confirmed with /two-factor/enable',
      401: 'Not signed in',
      403: 'A login waiting for a code cannot enroll again',
      409: 'Two-factor is already on',
    }),
    handler: async (req) => {
      const caller = await enrollingCaller(req, o)
      if (caller instanceof Response) return caller
      const cred = await findCredential(req, caller.userId)
      if (cred?.secret) return fail(req, 409, 'Two-factor authentication is already on.')
      const user = await callerUser(req, o, caller)
      const secret = newSecret()
      await saveCredential(req, caller.userId, cred, { pendingSecret: encrypt(keyRing(req, o), secret), pendingSince: new Date().toISOString() })
      const uri = otpauthUri(o.issuer, String(user.email ?? user.username ?? caller.userId), secret)
      return json(req, { secret, uri, qr: await qrDataUrl(uri) })
    },
  }

  const enable: Endpoint = {
    path: '/two-factor/enable',
    method: 'post',
    custom: doc(
      'Confirm enrollment with a code: two-factor is on, ten recovery codes are returned once',
      { 200: 'recoveryCodes (shown only now), state', 400: 'Wrong code', 401: 'Not signed in', 409: 'No enrollment in progress', 429: 'Too many attempts' },
      { body: { code: { type: 'string', pattern: '^\\d{6}$' } } },
    ),
    handler: async (req) => {
      const caller = await enrollingCaller(req, o)
      if (caller instanceof Response) return caller
      const parsed = await codeBody(req)
      if (parsed instanceof Response) return parsed
      const { code } = parsed
      await o.rateLimit?.(req, { userId: caller.userId, action: 'enable' })
      const cred = await findCredential(req, caller.userId)
      if (cred?.secret) return fail(req, 409, 'Two-factor authentication is already on.')
      const fresh = cred?.pendingSince && Date.now() - new Date(cred.pendingSince).getTime() < SETUP_MINUTES * 60_000
      const secret = cred && fresh ? pendingSecret(req, o, cred) : null
      if (!cred || !secret) return fail(req, 409, 'Start the setup again: no setup is in progress or it expired.')
      const step = await acceptWithSecret(req, caller.userId, null, secret, code)
      if (step === false) {
        await o.onEvent?.(req, { type: 'two-factor.failed', userId: caller.userId, detail: { during: 'enable' } })
        return fail(req, 400, 'That code is not right. Check the time on your phone and try the newest code.')
      }
      const { codes, stored } = issueRecoveryCodes(req)
      await saveCredential(req, caller.userId, cred, {
        secret: cred.pendingSecret,
        pendingSecret: null,
        pendingSince: null,
        enabledAt: new Date().toISOString(),
        lastStep: step,
        recoveryCodes: stored,
      })
      if (caller.kind === 'pending') {
        await resumeSession(req, o, caller.challenge)
        await deleteChallenge(req, caller.challenge.id)
      }
      await o.onEvent?.(req, { type: 'two-factor.enabled', userId: caller.userId })
      return json(req, { recoveryCodes: codes, state: 'active' })
    },
  }

  const regenerate: Endpoint = {
    path: '/two-factor/recovery-codes',
    method: 'post',
    custom: doc(
      'Replace the recovery codes (confirm with a current code); the old ones stop working',
      { 200: 'recoveryCodes (shown only now)', 400: 'Wrong code', 401: 'Not signed in', 409: 'Two-factor is off', 429: 'Too many attempts' },
      { body: { code: { type: 'string', pattern: '^\\d{6}$' } } },
    ),
    handler: async (req) => {
      const caller = activeCaller(req, o)
      if (!caller) return fail(req, 401, 'Log in first.')
      const parsed = await codeBody(req)
      if (parsed instanceof Response) return parsed
      const { code } = parsed
      await o.rateLimit?.(req, { userId: caller.userId, action: 'manage' })
      const cred = await findCredential(req, caller.userId)
      if (!cred?.secret) return fail(req, 409, 'Two-factor authentication is off.')
      if (!(await acceptTotp(req, o, caller.userId, cred, code))) {
        await o.onEvent?.(req, { type: 'two-factor.failed', userId: caller.userId, detail: { during: 'recovery-codes' } })
        return fail(req, 400, 'That code is not right.')
      }
      const { codes, stored } = issueRecoveryCodes(req)
      await saveCredential(req, caller.userId, cred, { recoveryCodes: stored })
      await o.onEvent?.(req, { type: 'two-factor.recovery-codes-regenerated', userId: caller.userId })
      return json(req, { recoveryCodes: codes })
    },
  }

  const disable: Endpoint = {
    path: '/two-factor/disable',
    method: 'post',
    custom: doc(
      'Turn two-factor off (password and a current code); refused where the role requires it',
      { 200: 'Off', 400: 'Wrong password or code', 401: 'Not signed in', 403: 'Required for this role', 409: 'Already off', 429: 'Too many attempts' },
      { body: { password: { type: 'string' }, code: { type: 'string', pattern: '^\\d{6}$' } } },
    ),
    handler: async (req) => {
      const caller = activeCaller(req, o)
      if (!caller) return fail(req, 401, 'Log in first.')
      const parsed = await codeBody(req)
      if (parsed instanceof Response) return parsed
      const { data, code } = parsed
      if (typeof data.password !== 'string' || !data.password) return fail(req, 400, 'Enter your password.', { field: 'password' })
      if (o.required(caller.user)) return fail(req, 403, 'Your role requires two-factor authentication; it cannot be turned off.')
      await o.rateLimit?.(req, { userId: caller.userId, action: 'manage' })
      const cred = await findCredential(req, caller.userId)
      if (!cred?.secret) return fail(req, 409, 'Two-factor authentication is already off.')
      const user = await loadUser(req, o, caller.userId)
      if (!user || !(await verifyPassword(user, data.password))) {
        await o.onEvent?.(req, { type: 'two-factor.failed', userId: caller.userId, detail: { during: 'disable', reason: 'password' } })
        return fail(req, 400, 'That password is not right.', { field: 'password' })
      }
      if (!(await acceptTotp(req, o, caller.userId, cred, code))) {
        await o.onEvent?.(req, { type: 'two-factor.failed', userId: caller.userId, detail: { during: 'disable' } })
        return fail(req, 400, 'That code is not right.', { field: 'code' })
      }
      await deleteCredential(req, caller.userId)
      await forgetDevices(req, caller.userId)
      await o.onEvent?.(req, { type: 'two-factor.disabled', userId: caller.userId })
      return json(req, { enabled: false })
    },
  }

  return [status, setup, enable, regenerate, disable]
}
