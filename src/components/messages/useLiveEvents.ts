'use client'

import { useEffect, useRef } from 'react'

export type LiveEvent = { type: string; data: Record<string, any> }
type Handler = (event: LiveEvent) => void

const TYPES = ['message', 'read', 'delivered', 'resync', 'ready', 'notification', 'notifications.read']

/**
 * Subscribes to the member's live events (GET /api/realtime/stream) for as long as the component is
 * mounted. The browser reconnects by itself and sends Last-Event-ID, so missed messages are replayed;
 * `ready` after a reconnect and `resync` mean "fetch again".
 */
export function useLiveEvents(onEvent: Handler) {
  const handler = useRef(onEvent)
  handler.current = onEvent
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const source = new EventSource('/api/realtime/stream')
    const listeners = TYPES.map((type) => {
      const listener = (e: MessageEvent) => {
        try {
          handler.current(JSON.parse(e.data) as LiveEvent)
        } catch {
          /* not ours */
        }
      }
      source.addEventListener(type, listener)
      return [type, listener] as const
    })
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener)
      source.close()
    }
  }, [])
}
