'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'

import { useLiveEvents } from '../messages/useLiveEvents'
import styles from './notifications.module.css'
import { badgeText, UNREAD_EVENT } from './unread'

const REFRESH_ON = new Set(['notification', 'notifications.read', 'resync', 'ready'])

/**
 * The header's bell: the unread number, kept current by the member's live stream (a new or revived
 * notification, or notifications read in another tab) without reloading the page.
 */
export function NotificationBell({ initial }: { initial: number }) {
  const [count, setCount] = useState(initial)
  const pathname = usePathname()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const refresh = useCallback(() => {
    // Several events in a burst (ten likes) cost one request.
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch('/api/notifications/unread-count', { credentials: 'include', headers: { Accept: 'application/json' } })
        if (res.ok) setCount(Number((await res.json()).unread) || 0)
      } catch {
        /* offline: the next event tries again */
      }
    }, 250)
  }, [])

  useLiveEvents((event) => {
    if (REFRESH_ON.has(event.type)) refresh()
  })

  useEffect(() => {
    const onUnread = (e: Event) => setCount(Number((e as CustomEvent<number>).detail) || 0)
    window.addEventListener(UNREAD_EVENT, onUnread)
    return () => {
      window.removeEventListener(UNREAD_EVENT, onUnread)
      if (timer.current) clearTimeout(timer.current)
    }
  }, [])

  const label = count > 0 ? `Notifications, ${badgeText(count)} unread` : 'Notifications'
  return (
    <Link href="/notifications" className={styles.bell} aria-label={label} title={label} aria-current={pathname === '/notifications' ? 'page' : undefined}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="22" height="22">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6zM9.5 19a2.5 2.5 0 0 0 5 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      </svg>
      {count > 0 ? (
        <span className={styles.badge} data-testid="notification-badge" aria-hidden="true">
          {badgeText(count)}
        </span>
      ) : null}
    </Link>
  )
}
