import type { Endpoint } from 'payload'
import { z } from 'zod'

import { checkPassword } from '@/domain/identity/passwordPolicy'
import { issueEmailCode } from '@/domain/identity/emailCode'
import { clientIp, consume } from '@/rate-limit'
import { error, json, readBody } from '@/lib/http'
import { publicOperation } from '@/openapi/describe'

const RegisterBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  password: z.string().max(256),
  name: z.string().trim().min(2, 'Enter your name.').max(120),
  honorific: z.enum(['Dr', 'Prof', 'Mr', 'Ms', 'Mx']).optional(),
})

const ACCEPTED = 'If this address can be registered, a 6-digit code is on its way. Enter it to confirm your email.'

/**
 * POST /api/users/register. The answer is the same whether or not the address already has an account,
 * so registration cannot be used to find out who is a member.
 */
export const register: Endpoint = {
  path: '/register',
  method: 'post',
  custom: publicOperation({
    summary: 'Register a member; a 6-digit code is emailed to confirm the address',
    tag: 'users',
    body: RegisterBody,
    responses: {
      202: { description: 'Accepted; the same answer whether or not the address already has an account' },
      400: { description: 'Invalid input or password refused by the policy' },
      429: { description: 'Too many registrations from this address or for this email' },
    },
  }),
  handler: async (req) => {
    const body = await readBody(req, RegisterBody)
    if (body.response) return body.response
    const { email, password, name, honorific } = body.data
    await consume(req.payload, 'register:ip', clientIp(req), req)
    await consume(req.payload, 'register:email', email, req)

    const problem = checkPassword(password, { email, name })
    if (problem) return error(req, 400, problem, { field: 'password' })

    const existing = await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, req })
    if (existing) {
      if (!(existing as { _verified?: boolean })._verified) {
        await issueEmailCode(req.payload, existing as never)
      } else {
        await req.payload.sendEmail({
          to: email,
          subject: 'Someone tried to register with your email',
          text: 'Someone tried to create a Rounds account with this address, which already has one. If it was you, log in or reset your password.',
        })
      }
      return json(req, { message: ACCEPTED, email }, 202)
    }

    const user = await req.payload.create({
      collection: 'users',
      data: { email, password, name, honorific, roles: ['member'] } as never,
      disableVerificationEmail: true,
      overrideAccess: true,
      req,
    })
    await issueEmailCode(req.payload, user as never)
    return json(req, { message: ACCEPTED, email }, 202)
  },
}
