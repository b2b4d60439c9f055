import type { CollectionAfterOperationHook, CollectionBeforeDeleteHook, CollectionConfig, Config, Plugin, PayloadRequest } from 'payload'

import { twoFactorCollections } from './server/collections'
import { deviceEndpoints } from './server/endpoints/devices'
import { enrollmentEndpoints } from './server/endpoints/enrollment'
import { verifyEndpoint } from './server/endpoints/verify'
import { secondFactorGate, type GateResult } from './server/gate'
import { SLUGS, resolveOptions, type ResolvedOptions, type TwoFactorOptions } from './server/types'

export type { TwoFactorEvent, TwoFactorOptions } from './server/types'
export { SLUGS as TWO_FACTOR_SLUGS } from './server/types'

const CUSTOM_KEY = 'twoFactor'

/**
 * Two-factor authentication (TOTP, RFC 6238) for a Payload auth collection.
 *
 * After the password (or any other first factor) succeeds, a user with two-factor on, or whose role
 * requires it, gets a session that Payload does not recognise yet: the REST/GraphQL APIs, the admin,
 * API keys of that user and token refresh all treat it as signed out until a code (or enrollment)
 * completes it through the plugin's endpoints under `/<collection>/two-factor/*`.
 */
export function twoFactor(options: TwoFactorOptions = {}): Plugin {
  const o = resolveOptions(options)
  return (config: Config): Config => {
    const collections = (config.collections ?? []).map((c) => (c.slug === o.collection ? protect(c, o) : c))
    if (!collections.some((c) => c.slug === o.collection)) throw new Error(`twoFactor: no collection "${o.collection}"`)
    return {
      ...config,
      collections: [...collections, ...twoFactorCollections(o).map((c) => (c.slug === SLUGS.credentials ? auditResets(c, o) : c))],
      custom: { ...config.custom, [CUSTOM_KEY]: o },
      admin: o.adminViews ? adminViews(config.admin, o) : config.admin,
    }
  }
}

const ADMIN_COMPONENTS = '@plugins/two-factor/admin'

/**
 * The admin panel's side: a login view that asks for the second factor (or enrollment), the signed-in
 * user's own page at /admin/two-factor, and a nav link to it.
 */
function adminViews(admin: Config['admin'] = {}, o: ResolvedOptions): Config['admin'] {
  const components = admin.components ?? {}
  return {
    ...admin,
    components: {
      ...components,
      afterNavLinks: [...(components.afterNavLinks ?? []), `${ADMIN_COMPONENTS}/NavLink#NavLink`],
      views: {
        ...components.views,
        login: { Component: { path: `${ADMIN_COMPONENTS}/LoginView#LoginView`, serverProps: { rememberDeviceDays: o.rememberDeviceDays } } },
        twoFactor: { Component: `${ADMIN_COMPONENTS}/ManageView#ManageView`, path: '/two-factor', exact: true },
      },
    },
  }
}

function protect(collection: CollectionConfig, o: ResolvedOptions): CollectionConfig {
  if (!collection.auth) throw new Error(`twoFactor: collection "${collection.slug}" has no auth`)
  const auth = typeof collection.auth === 'object' ? collection.auth : {}
  if (!auth.useSessions) throw new Error(`twoFactor: collection "${collection.slug}" needs auth.useSessions`)
  const gateLogins: CollectionAfterOperationHook = async ({ operation, req, result }) => {
    if (operation !== 'login' && operation !== 'resetPassword') return result
    const r = result as { token?: string; user?: { id: number | string; email?: string } }
    if (!r?.token || !r.user) return result
    const gate = await secondFactorGate(req, o, r.token)
    if (!gate) return result
    // The user's data waits for the second factor too.
    return { ...r, user: { id: r.user.id, email: r.user.email }, twoFactor: gate } as typeof result
  }
  // The plugin's rows point at the user and would block deleting the account.
  const removeUserData: CollectionBeforeDeleteHook = async ({ id, req }) => {
    for (const slug of Object.values(SLUGS)) {
      await req.payload.db.deleteMany({ collection: slug, where: { user: { equals: id } }, req })
    }
  }
  return {
    ...collection,
    endpoints: [...(collection.endpoints || []), ...enrollmentEndpoints(o), verifyEndpoint(o), ...deviceEndpoints(o)],
    hooks: {
      ...collection.hooks,
      afterOperation: [...(collection.hooks?.afterOperation ?? []), gateLogins],
      beforeDelete: [...(collection.hooks?.beforeDelete ?? []), removeUserData],
    },
  }
}

function auditResets(collection: CollectionConfig, o: ResolvedOptions): CollectionConfig {
  return {
    ...collection,
    hooks: {
      afterDelete: [
        async ({ doc, req }) => {
          const userId = typeof doc.user === 'object' ? doc.user.id : doc.user
          await o.onEvent?.(req, { type: 'two-factor.reset', userId, detail: { by: req.user?.id ?? null } })
        },
      ],
    },
  }
}

/**
 * For sign-in flows outside Payload's login (email codes, social login): call with the token of the
 * session just created. Returns null when the session is complete, or the step still owed.
 */
export async function beginSecondFactor(req: PayloadRequest, token: string): Promise<GateResult> {
  const o = req.payload.config.custom?.[CUSTOM_KEY] as ResolvedOptions | undefined
  return o ? secondFactorGate(req, o, token) : null
}
