import type { Endpoint } from 'payload'

import { unlinkProvider } from '@/domain/identity/social/accounts'
import { isProviderId, PROVIDER_IDS, PROVIDER_LABELS } from '@/domain/identity/social/ids'
import { configuredProviders } from '@/domain/identity/social/providers'
import { error, json } from '@/lib/http'
import { publicOperation } from '@/openapi/describe'

/** GET /api/users/oauth/providers: the providers this server offers, with the address that starts each. */
export const socialProviders: Endpoint = {
  path: '/oauth/providers',
  method: 'get',
  custom: publicOperation({
    summary: 'Social sign-in providers offered on this server',
    tag: 'users',
    responses: { 200: { description: '`{ providers: [{ id, label, start }] }`, only the configured ones' } },
  }),
  handler: async (req) =>
    json(req, { providers: configuredProviders().map((p) => ({ ...p, start: `/api/users/oauth/${p.id}` })) }),
}

/**
 * DELETE /api/users/oauth/:provider: disconnects a provider from the signed-in member. Works for a
 * provider no longer configured too, so an old connection can always be removed. Refused (409) when it
 * is the member's last way to sign in: no password of their own and no other offered provider.
 */
export const socialUnlink: Endpoint = {
  path: '/oauth/:provider',
  method: 'delete',
  custom: {
    openapi: {
      summary: 'Disconnect a social provider from the signed-in member',
      tags: ['users'],
      parameters: [{ in: 'path', name: 'provider', required: true, schema: { type: 'string', enum: [...PROVIDER_IDS] } }],
      responses: {
        200: { description: 'Disconnected' },
        401: { description: 'Not signed in' },
        404: { description: 'Unknown provider, or not connected to this member' },
        409: { description: 'Refused: it is the only way left to sign in (set a password or connect another provider first)' },
      },
    },
  },
  handler: async (req) => {
    if (!req.user || req.user.collection !== 'users') return error(req, 401, 'Log in to manage connected accounts.')
    const provider = req.routeParams?.provider
    if (!isProviderId(provider)) return error(req, 404, 'Unknown provider.')
    const label = PROVIDER_LABELS[provider]
    const result = await unlinkProvider(req.payload, req.user.id, provider, req)
    if (result === 'not-linked') return error(req, 404, `${label} is not connected to your account.`)
    if (result === 'last-sign-in') {
      return error(
        req,
        409,
        `${label} is the only way you can sign in. Set a password first (use "Forgot your password?" on the log-in page) or connect another account, then disconnect ${label}.`,
        { reason: 'last-sign-in' },
      )
    }
    return json(req, { message: `${label} is no longer connected to your account.` })
  },
}
