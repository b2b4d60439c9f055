import type { Endpoint, PayloadRequest } from 'payload'

import { markDelivered, messagesSince } from '@/domain/messaging/messages'
import { error } from '@/lib/http'
import { realtimeHub, type RealtimeEvent } from './hub'

const HEARTBEAT_MS = 20_000
/** Browsers reconnect after this long when the stream drops. */
const RETRY_MS = 3000

const encoder = new TextEncoder()
const frames = new WeakMap<RealtimeEvent, Uint8Array>()

/**
 * One SSE frame: `id:` when the event can be resumed, `event:` its type, `data:` the `{type, data}`
 * envelope. The hub hands one event object to every stream it is for, so it is encoded once.
 */
function frame(event: RealtimeEvent): Uint8Array {
  let bytes = frames.get(event)
  if (!bytes) {
    const lines = [event.id ? `id: ${event.id}` : null, `event: ${event.type}`, `data: ${JSON.stringify({ type: event.type, data: event.data })}`]
    frames.set(event, (bytes = encoder.encode(`${lines.filter(Boolean).join('\n')}\n\n`)))
  }
  return bytes
}

/** The open streams of this process, kept open by one shared timer that sends each a comment line. */
const open = new Set<(bytes: Uint8Array) => void>()
let heartbeat: NodeJS.Timeout | null = null

function keepOpen(write: (bytes: Uint8Array) => void): () => void {
  open.add(write)
  if (!heartbeat) {
    heartbeat = setInterval(() => {
      const ping = encoder.encode(`: ping ${Date.now()}\n\n`)
      for (const send of open) send(ping)
    }, HEARTBEAT_MS)
    heartbeat.unref?.()
  }
  return () => {
    open.delete(write)
    if (!open.size && heartbeat) {
      clearInterval(heartbeat)
      heartbeat = null
    }
  }
}

/**
 * A Server-Sent Events response fed by `subscribe` (for example one topic of the hub): the retry line,
 * `ready`, then every event it hands over, with the shared heartbeat, until the client goes away.
 */
export function eventStreamResponse(
  req: PayloadRequest,
  subscribe: (send: (event: RealtimeEvent) => void) => () => void,
  ready: Record<string, unknown> = {},
): Response {
  let cleanup = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      const write = (bytes: Uint8Array) => {
        if (closed) return
        try {
          controller.enqueue(bytes)
        } catch {
          cleanup()
        }
      }
      const unsubscribe = subscribe((event) => write(frame(event)))
      const stopPings = keepOpen(write)
      cleanup = () => {
        if (closed) return
        closed = true
        stopPings()
        unsubscribe()
        req.signal?.removeEventListener('abort', cleanup)
        try {
          controller.close()
        } catch {
          /* already closed */
        }
      }
      req.signal?.addEventListener('abort', cleanup)
      write(encoder.encode(`retry: ${RETRY_MS}\n: connected\n\n`))
      write(frame({ type: 'ready', data: ready }))
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(body, { status: 200, headers: STREAM_HEADERS })
}

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform keeps compression (which would buffer) away from the stream.
  'Cache-Control': 'no-cache, no-store, no-transform',
  'X-Accel-Buffering': 'no',
}

/** Last-Event-ID of a message event is `m<message id>`. */
function resumeFrom(req: PayloadRequest): number | null {
  const raw = req.headers.get('last-event-id') ?? req.searchParams.get('lastEventId')
  const match = raw?.match(/^m(\d{1,10})$/)
  return match ? Number(match[1]) : null
}

/**
 * GET /api/realtime/stream: the signed-in member's live events as Server-Sent Events. The stream
 * subscribes to the process's hub (one LISTEN connection for all streams), replays messages missed
 * since Last-Event-ID, sends a comment every 20 s so proxies keep it open, and unsubscribes when the
 * client goes away. A message pushed to a recipient counts as delivered to them.
 */
export const realtimeStream: Endpoint = {
  path: '/realtime/stream',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Live events for the signed-in member (Server-Sent Events)',
      description: [
        'A `text/event-stream` that stays open. Each event has `event: <type>` and `data: {"type", "data"}`:',
        '`message` (data: id, conversationId, senderId, clientId, createdAt, and body when under 2000 bytes; otherwise fetch it),',
        '`delivered` and `read` (data: conversationId, userId, messageId, at), and `resync` (events may have been missed: fetch again).',
        'Message events carry `id: m<message id>`; a reconnect with `Last-Event-ID` (or `?lastEventId=`) replays the messages missed since.',
        'A comment line arrives every 20 seconds. Authenticated by the session cookie (EventSource sends it) or an Authorization header.',
      ].join(' '),
      tags: ['realtime'],
      parameters: [{ in: 'query', name: 'lastEventId', schema: { type: 'string' }, description: 'Alternative to the Last-Event-ID header' }],
      responses: {
        200: { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        401: { description: 'Not signed in' },
        503: { description: 'Live events are unavailable (database unreachable); retry later' },
      },
    },
  },
  handler: async (req) => {
    const user = req.user as { id: number; collection?: string } | null
    if (!user || user.collection !== 'users') return error(req, 401, 'Sign in first.')
    const me = Number(user.id)
    const payload = req.payload
    const hub = realtimeHub(payload)
    try {
      await hub.ready()
    } catch {
      return error(req, 503, 'Live updates are unavailable right now. Try again shortly.')
    }
    const resume = resumeFrom(req)
    let cleanup = () => {}

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false
        let replaying = resume !== null
        const held: RealtimeEvent[] = []
        const replayed = new Set<string>()
        const write = (bytes: Uint8Array) => {
          if (closed) return
          try {
            controller.enqueue(bytes)
          } catch {
            cleanup()
          }
        }
        const deliver = (event: RealtimeEvent) => {
          if (event.id && replayed.has(event.id)) return
          write(frame(event))
          const data = event.data as { senderId?: number; conversationId?: number; id?: number }
          if (event.type === 'message' && Number(data.senderId) !== me && data.conversationId && data.id) {
            markDelivered(payload, me, [Number(data.conversationId)], Number(data.id)).catch(() => {})
          }
        }
        const unsubscribe = hub.subscribe(me, (event) => (replaying ? held.push(event) : deliver(event)))
        const stopPings = keepOpen(write)
        cleanup = () => {
          if (closed) return
          closed = true
          stopPings()
          unsubscribe()
          req.signal?.removeEventListener('abort', cleanup)
          try {
            controller.close()
          } catch {
            /* already closed */
          }
        }
        req.signal?.addEventListener('abort', cleanup)
        write(encoder.encode(`retry: ${RETRY_MS}\n: connected\n\n`))
        write(frame({ type: 'ready', data: { userId: me } }))
        if (resume !== null) {
          // Subscribed first, replayed second: nothing falls between; what arrived meanwhile is held, deduplicated.
          messagesSince(payload, me, resume)
            .then((missed) => {
              for (const m of missed) {
                const event: RealtimeEvent = { id: `m${m.id}`, type: 'message', data: { ...m } }
                deliver(event)
                replayed.add(event.id!)
              }
            })
            .catch(() => write(frame({ type: 'resync', data: {} })))
            .finally(() => {
              replaying = false
              for (const event of held.splice(0)) deliver(event)
            })
        }
      },
      cancel() {
        cleanup()
      },
    })

    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform keeps compression (which would buffer) away from the stream.
        'Cache-Control': 'no-cache, no-store, no-transform',
        'X-Accel-Buffering': 'no',
      },
    })
  },
}
