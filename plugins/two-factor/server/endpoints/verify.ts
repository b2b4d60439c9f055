import type { Endpoint } from 'payload'

import { acceptRecoveryCode, acceptTotp } from '../codes'
import { rememberDevice } from '../devices'
import { deleteChallenge, resolveCaller, resumeSession } from '../session'
import { findCredential } from '../store'
import { SLUGS, type ResolvedOptions } from '../types'
import { body, CODE, doc, fail, json } from './respond'

export function verifyEndpoint(o: ResolvedOptions): Endpoint {
  return {
    path: '/two-factor/verify',
    method: 'post',
    custom: doc(
      'Finish a login with the authenticator code or a recovery code; the session token from the login starts working',
      {
        200: 'Signed in; with rememberDevice, a cookie skips the second factor on this device for 30 days',
        400: 'Wrong or already used code',
        401: 'No login in progress (or it expired): log in again',
        409: 'This login needs enrollment instead (/two-factor/setup and /two-factor/enable)',
        429: 'Too many attempts',
      },
      { body: { code: { type: 'string', pattern: '^\\d{6}$' }, recoveryCode: { type: 'string' }, rememberDevice: { type: 'boolean' } } },
    ),
    handler: async (req) => {
      const caller = await resolveCaller(req, o)
      if (caller?.kind === 'active') return json(req, { message: 'Already signed in.', state: 'active' })
      if (!caller) return fail(req, 401, 'Your login expired. Log in again.')
      const { challenge, userId } = caller
      if (challenge.purpose !== 'verify') return fail(req, 409, 'Set up two-factor authentication to finish logging in.')
      const data = await body(req)
      if (data instanceof Response) return data
      const code = typeof data.code === 'string' ? data.code.replace(/\s/g, '') : ''
      const recoveryCode = typeof data.recoveryCode === 'string' ? data.recoveryCode.trim() : ''
      if (!code && !recoveryCode) return fail(req, 400, 'Enter the 6-digit code from your authenticator app, or a recovery code.', { field: 'code' })
      if (code && !CODE.test(code)) return fail(req, 400, 'The code has 6 digits.', { field: 'code' })

      if (challenge.attempts >= o.maxAttempts) {
        await deleteChallenge(req, challenge.id)
        return fail(req, 401, 'Too many wrong codes. Log in again.')
      }
      await o.rateLimit?.(req, { userId, action: 'verify' })
      // Count the attempt before checking, so parallel guesses cannot exceed the limit unnoticed.
      await req.payload.db.updateOne({ collection: SLUGS.challenges, id: challenge.id, data: { attempts: challenge.attempts + 1 }, req, returning: false })

      const cred = await findCredential(req, userId)
      if (!cred?.secret) {
        await deleteChallenge(req, challenge.id)
        return fail(req, 401, 'Two-factor authentication was reset for this account. Log in again.')
      }
      const ok = code ? await acceptTotp(req, o, userId, cred, code) : await acceptRecoveryCode(req, userId, cred, recoveryCode)
      if (!ok) {
        const remaining = Math.max(0, o.maxAttempts - challenge.attempts - 1)
        await o.onEvent?.(req, { type: 'two-factor.failed', userId, detail: { method: code ? 'totp' : 'recovery-code', remaining } })
        return fail(req, 400, code ? 'That code is not right, or it was already used.' : 'That recovery code is not right, or it was already used.', {
          field: code ? 'code' : 'recoveryCode',
          remaining,
        })
      }
      await resumeSession(req, o, challenge)
      await deleteChallenge(req, challenge.id)
      await o.onEvent?.(req, { type: code ? 'two-factor.verified' : 'two-factor.recovery-code-used', userId })
      let cookie: string | undefined
      if (data.rememberDevice === true && o.rememberDeviceDays > 0) {
        cookie = await rememberDevice(req, o, userId)
        await o.onEvent?.(req, { type: 'two-factor.device-remembered', userId })
      }
      return json(req, { message: 'Signed in.', state: 'active' }, 200, cookie)
    },
  }
}
