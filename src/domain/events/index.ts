import type { Payload } from 'payload'

import type { Db } from '@/db/sql'
import { LISTENERS } from './listeners'
import type { ActivityEvent, EventContext } from './types'

export type { ActivityEvent, ActivityListener, EventContext } from './types'

type Transactional = Db & { transaction?: <T>(run: (tx: Db) => Promise<T>) => Promise<T> }

/**
 * Tells every listener (notifications, engagement points ...) that something happened in the network.
 * Call it with the connection of the transaction that made the change, so that what listeners write
 * commits or rolls back with it: nothing is announced for a change that did not happen, and nothing a
 * listener owes is lost once the change is acknowledged.
 *
 * Each listener runs in its own savepoint: one that fails is rolled back alone and logged, and the
 * change itself goes on. Listeners must be idempotent (the same event may be emitted again, for
 * example when a post is unpublished and published again).
 */
export async function emitActivity(payload: Payload, db: Db, event: ActivityEvent) {
  for (const listener of LISTENERS) {
    const run = (tx: Db) => listener(event, { payload, db: tx } satisfies EventContext)
    try {
      const nested = (db as Transactional).transaction
      if (nested) await nested.call(db, run)
      else await run(db)
    } catch (err) {
      payload.logger.error({ err, msg: `A listener of "${event.type}" failed` })
    }
  }
}
