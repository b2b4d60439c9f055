import type { AuthStrategy } from 'payload'
import { JWTAuthentication } from 'payload'

import { touchSession } from './activity'

/** `Authorization: <collection> API-Key <key>`: Payload's API-key strategy answers these. */
const API_KEY_HEADER = /^\S+ API-Key /

/**
 * Payload's own JWT authentication, unchanged, that also moves the session's "last seen" forward.
 *
 * Strategies of a collection run before Payload's built-in ones, so this one answers every request
 * that carries a valid session token, exactly as the built-in `local-jwt` strategy would: same user,
 * same `_sid`, and `_strategy: 'local-jwt'`, which refresh and logout rely on. Requests carrying an API
 * key are left to the API-key strategy, which Payload runs before its JWT one (a browser sending both
 * a key and a cookie is still the key's user). When no user is found, the built-in strategies run as
 * before. The only SQL it adds to a signed-in request is the throttled last-seen write; a token that is
 * genuine but whose session was ended is looked up twice (here, then by the built-in strategy).
 */
export const sessionActivityStrategy: AuthStrategy = {
  name: 'local-jwt-activity',
  authenticate: async (args) => {
    if (API_KEY_HEADER.test(args.headers.get('Authorization') ?? '')) return { user: null }
    const result = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    const sid = (result.user as { _sid?: unknown } | null)?._sid
    // Between throttled writes touchSession is one map lookup and nothing is awaited.
    const write = typeof sid === 'string' ? touchSession(args.payload, sid) : null
    if (write) await write
    return result
  },
}
