import type { Payload, PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { poolOf } from '@/db/pool'

/**
 * Rate limits live in Postgres (schema `rate_limit`, outside the schema Payload manages) so that every
 * app instance shares them. Each policy is a number of points per window.
 */
export const POLICIES = {
  'login:ip': { points: 10, duration: 60 },
  'register:ip': { points: 10, duration: 3600 },
  'register:email': { points: 3, duration: 3600 },
  'code:ip': { points: 20, duration: 900 },
  'code-send:account': { points: 5, duration: 3600 },
  'reset:ip': { points: 10, duration: 3600 },
  'reset:account': { points: 3, duration: 3600 },
  'social-start:ip': { points: 30, duration: 60 },
  'social-callback:ip': { points: 30, duration: 60 },
  'two-factor:account': { points: 10, duration: 900 },
  'two-factor:ip': { points: 30, duration: 900 },
  // Messaging by trust (src/domain/messaging/policy.ts): verified doctors and staff are trusted.
  'message-send:trusted': { points: 60, duration: 60 },
  'message-send:new': { points: 10, duration: 60 },
  'conversation-start:trusted': { points: 30, duration: 3600 },
  'conversation-start:new': { points: 5, duration: 3600 },
  'link-preview:user': { points: 20, duration: 60 },
  // Public certificate checks (codes are MAC-checked before any lookup, so this only caps load).
  'certificate-verify:ip': { points: 60, duration: 60 },
  // The lesson player beats every ~10 s and on pause, seek and leaving: 30 a minute is three times that.
  'lesson-heartbeat:user': { points: 30, duration: 60 },
  // Pages viewed, text read and signed media URLs: a learner clicking through a document.
  'lesson-progress:user': { points: 120, duration: 60 },
  // Reactions in a live session are fanned out to every viewer: a burst, not a stream.
  'live-reaction:user': { points: 10, duration: 10 },
} as const satisfies Record<string, { points: number; duration: number }>

export type PolicyName = keyof typeof POLICIES

const SCHEMA = 'rate_limit'
const limiters = new Map<string, RateLimiterPostgres>()
let schemaReady: Promise<void> | null = null

type Pool = NonNullable<ReturnType<typeof poolOf>>

const getPool = (payload: Payload): Pool => poolOf(payload)!

async function ensureSchema(pool: Pool) {
  schemaReady ??= pool
    .query(
      `create schema if not exists ${SCHEMA};
       create table if not exists ${SCHEMA}.hits (key varchar(255) primary key, points integer not null default 0, expire bigint);`,
    )
    .then(() => undefined)
    .catch((err) => {
      schemaReady = null
      throw err
    })
  return schemaReady
}

async function limiterFor(payload: Payload, name: PolicyName) {
  const pool = getPool(payload)
  await ensureSchema(pool)
  let limiter = limiters.get(name)
  if (!limiter) {
    const policy = POLICIES[name]
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      schemaName: SCHEMA,
      tableName: 'hits',
      tableCreated: true,
      keyPrefix: name,
      points: policy.points,
      duration: policy.duration,
      clearExpiredByTimeout: false,
    })
    limiters.set(name, limiter)
  }
  return limiter
}

export class TooManyRequests extends APIError {
  constructor(retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${Math.max(1, retryAfterSeconds)} seconds.`, 429, { retryAfter: retryAfterSeconds }, true)
  }
}

/** Spends one point of `name` for `key`; throws a 429 APIError once the window is used up. */
export async function consume(payload: Payload, name: PolicyName, key: string, req?: PayloadRequest) {
  const limiter = await limiterFor(payload, name)
  try {
    await limiter.consume(key.toLowerCase())
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      const retryAfter = Math.ceil(res.msBeforeNext / 1000)
      if (req) {
        req.responseHeaders = new Headers(req.responseHeaders)
        req.responseHeaders.set('Retry-After', String(retryAfter))
      }
      throw new TooManyRequests(retryAfter)
    }
    throw res
  }
}

/** Forget the points spent for `key` (for example after a successful verification). */
export async function reset(payload: Payload, name: PolicyName, key: string) {
  const limiter = await limiterFor(payload, name)
  await limiter.delete(key.toLowerCase())
}

/** The client address as set by server.ts from the socket (or a trusted proxy). */
export function clientIp(req: Pick<PayloadRequest, 'headers'>): string {
  return req.headers.get('x-rounds-client-ip') || 'unknown'
}
