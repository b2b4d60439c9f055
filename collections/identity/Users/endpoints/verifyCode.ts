import type { Endpoint } from 'payload'
import { z } from 'zod'

import { checkEmailCode, issueEmailCode } from '@/domain/identity/emailCode'
import { startSession } from '@/domain/identity/session'
import { recordAudit } from '@/domain/trust/audit'
import { clientIp, consume } from '@/rate-limit'
import { error, json, readBody } from '@/lib/http'
import { publicOperation } from '@/openapi/describe'

const VerifyBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  code: z.string().trim().regex(/^\d{6}$/, 'The code has 6 digits.'),
})

/** POST /api/users/verify-code: confirms the email and signs the member in. */
export const verifyCode: Endpoint = {
  path: '/verify-code',
  method: 'post',
  custom: publicOperation({
    summary: 'Confirm the email with the 6-digit code and sign in',
    tag: 'users',
    body: VerifyBody,
    responses: {
      200: { description: 'Confirmed; returns a token and sets the session cookie' },
      400: { description: 'Wrong, expired or exhausted code (at most 5 tries, 10 minutes)' },
      429: { description: 'Too many attempts from this address' },
    },
  }),
  handler: async (req) => {
    const body = await readBody(req, VerifyBody)
    if (body.response) return body.response
    await consume(req.payload, 'code:ip', clientIp(req), req)
    const result = await checkEmailCode(req.payload, body.data.email, body.data.code)
    if (!result.ok) {
      const messages = {
        invalid: 'That code is not right.',
        expired: 'That code has expired. Ask for a new one.',
        exhausted: 'Too many wrong codes. Ask for a new one.',
      }
      await recordAudit(req, { type: 'auth.login_failed', detail: { method: 'email-code', email: body.data.email, reason: result.reason } })
      return error(req, 400, messages[result.reason], { reason: result.reason, remaining: result.remaining })
    }
    const { token, exp, cookie, twoFactor } = await startSession(req, result.userId, { method: 'email-code' })
    return json(req, { message: 'Email confirmed. Welcome to Rounds.', token, exp, ...(twoFactor ? { twoFactor } : {}) }, 200, { 'Set-Cookie': cookie })
  },
}

const ResendBody = z.object({ email: z.string().trim().toLowerCase().email('Enter a valid email address.') })

/** POST /api/users/resend-code: a new code replaces the old one (rate-limited per account). */
export const resendCode: Endpoint = {
  path: '/resend-code',
  method: 'post',
  custom: publicOperation({
    summary: 'Send a new confirmation code (replaces the previous one)',
    tag: 'users',
    body: ResendBody,
    responses: { 202: { description: 'Accepted' }, 400: { description: 'Invalid email' }, 429: { description: 'Rate limited' } },
  }),
  handler: async (req) => {
    const body = await readBody(req, ResendBody)
    if (body.response) return body.response
    await consume(req.payload, 'code:ip', clientIp(req), req)
    await consume(req.payload, 'code-send:account', body.data.email, req)
    const user = await req.payload.db.findOne({ collection: 'users', where: { email: { equals: body.data.email } }, req })
    if (user && !(user as { _verified?: boolean })._verified) await issueEmailCode(req.payload, user as never)
    return json(req, { message: 'If this address is waiting for confirmation, a new code is on its way.' }, 202)
  },
}
