import pg from 'pg'
import type { Payload } from 'payload'

import { poolOf } from '@/db/pool'
import { query, sql, type Db } from '@/db/sql'

/** The one Postgres channel every app instance listens on. */
export const CHANNEL = 'rounds_events'
/** NOTIFY refuses payloads of 8000 bytes or more; leave room for the envelope. */
const NOTIFY_LIMIT = 7900

/**
 * What a client receives: `{ type, data }`, with an `id` when the event can be replayed after a
 * reconnect (the SSE `id:` line, echoed back by the browser as Last-Event-ID).
 */
export type RealtimeEvent = { id?: string; type: string; data: Record<string, unknown> }
/**
 * What travels through NOTIFY: the event plus the members it is for, or a topic (a live session's
 * room ...) whose open streams all receive it, however many members they are.
 */
export type Notice = RealtimeEvent & { users: number[]; topic?: string }

type Listener = (event: RealtimeEvent) => void

/**
 * Announces an event to members, on whichever instance their streams are open. Call it with the
 * transaction that makes the change: Postgres delivers the notification only when that transaction
 * commits, so a rolled-back change is never announced.
 */
export async function publish(db: Payload | Db, notice: Notice) {
  const text = JSON.stringify(notice)
  if (Buffer.byteLength(text) > NOTIFY_LIMIT) throw new Error(`Realtime event "${notice.type}" is too large for NOTIFY; send ids instead`)
  await query(db, sql`select pg_notify(${CHANNEL}, ${text})`)
}

/**
 * One LISTEN connection per process, shared by every open stream of that process. Notifications are
 * dispatched in memory to the streams of the members they name. When the connection drops (database
 * restart), it reconnects with exponential backoff and tells every stream to `resync`, since events
 * may have been missed meanwhile.
 */
export class EventHub {
  private client: pg.Client | null = null
  private connecting: Promise<void> | null = null
  private listeners = new Map<number, Set<Listener>>()
  private topics = new Map<string, Set<Listener>>()
  private failures = 0
  private retryTimer: NodeJS.Timeout | null = null
  private stopped = false
  private wasConnected = false

  constructor(private readonly connection: pg.ClientConfig) {}

  /** Resolves once LISTEN is active (starting it on first use); rejects if the database is unreachable. */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve()
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null
    })
    return this.connecting
  }

  subscribe(userId: number, listener: Listener): () => void {
    let set = this.listeners.get(userId)
    if (!set) this.listeners.set(userId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (!set.size) this.listeners.delete(userId)
    }
  }

  /** Listens to the events published to `topic` (for everyone in a room rather than named members). */
  subscribeTopic(topic: string, listener: Listener): () => void {
    let set = this.topics.get(topic)
    if (!set) this.topics.set(topic, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (!set.size) this.topics.delete(topic)
    }
  }

  async stop() {
    this.stopped = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    const client = this.client
    this.client = null
    await client?.end().catch(() => {})
  }

  private async connect() {
    const client = new pg.Client({ ...this.connection, keepAlive: true })
    client.on('error', () => this.lost(client))
    client.on('end', () => this.lost(client))
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) this.dispatch(msg.payload)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANNEL}`)
    } catch (err) {
      client.removeAllListeners('end')
      await client.end().catch(() => {})
      if (this.listeners.size || this.topics.size) this.scheduleReconnect()
      throw err
    }
    if (this.stopped) {
      await client.end().catch(() => {})
      return
    }
    this.client = client
    this.failures = 0
    if (this.wasConnected) this.broadcast({ type: 'resync', data: {} })
    this.wasConnected = true
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return
    this.client = null
    client.removeAllListeners('end')
    void client.end().catch(() => {})
    if (!this.stopped) this.scheduleReconnect()
  }

  private scheduleReconnect() {
    if (this.retryTimer || this.stopped) return
    const delay = Math.min(10_000, 250 * 2 ** this.failures) * (0.75 + Math.random() * 0.5)
    this.failures++
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.ready().catch(() => {
        /* scheduled again by connect() */
      })
    }, delay)
    this.retryTimer.unref()
  }

  private broadcast(event: RealtimeEvent) {
    for (const set of this.listeners.values()) for (const listener of set) listener(event)
    for (const set of this.topics.values()) for (const listener of set) listener(event)
  }

  /** Delivers one notification to the local streams of the members it names. */
  dispatch(raw: string) {
    let notice: Notice
    try {
      notice = JSON.parse(raw) as Notice
    } catch {
      return
    }
    if (!notice || typeof notice.type !== 'string' || !Array.isArray(notice.users)) return
    const event: RealtimeEvent = { type: notice.type, data: notice.data ?? {}, ...(notice.id ? { id: String(notice.id) } : {}) }
    if (typeof notice.topic === 'string') {
      for (const listener of this.topics.get(notice.topic) ?? []) {
        try {
          listener(event)
        } catch {
          /* a closed stream; it unsubscribes itself */
        }
      }
    }
    for (const user of new Set(notice.users.map(Number))) {
      for (const listener of this.listeners.get(user) ?? []) {
        try {
          listener(event)
        } catch {
          /* a closed stream; it unsubscribes itself */
        }
      }
    }
  }
}

/** The connection settings of Payload's pool, for a dedicated client. */
export function connectionOf(payload: Payload): pg.ClientConfig {
  const options = (poolOf(payload) as unknown as { options?: pg.PoolConfig } | undefined)?.options ?? {}
  const { connectionString, host, port, user, password, database, ssl } = options
  return { connectionString, host, port, user, password, database, ssl, connectionTimeoutMillis: 2000 }
}

const KEY = Symbol.for('rounds.realtime.hub')
type Global = typeof globalThis & { [KEY]?: EventHub }

/** The process's hub (Next may load this module more than once; the hub stays one). */
export function realtimeHub(payload: Payload): EventHub {
  const g = globalThis as Global
  g[KEY] ??= new EventHub(connectionOf(payload))
  return g[KEY]
}

/** Ends the process's LISTEN connection (server shutdown). */
export async function stopRealtimeHub() {
  const g = globalThis as Global
  await g[KEY]?.stop()
  delete g[KEY]
}
