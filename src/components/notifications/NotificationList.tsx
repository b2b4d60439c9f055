'use client'

import Link from 'next/link'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { NotificationItem, NotificationPage } from '@/domain/notifications/feed'
import { api } from '../forms/api'
import { FormAlert } from '../forms/FormAlert'
import { useLiveEvents } from '../messages/useLiveEvents'
import { Avatar } from '../site/Avatar'
import styles from './notifications.module.css'
import { announceUnread } from './unread'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** The day a notification belongs to and its time, in the browser's zone once mounted (UTC before, as the server renders). */
function when(iso: string, local: boolean, now: number) {
  const d = new Date(iso)
  const parts = (t: Date) => (local ? [t.getFullYear(), t.getMonth(), t.getDate()] : [t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()])
  const [y, m, day] = parts(d)
  const key = `${y}-${pad(m + 1)}-${pad(day)}`
  const today = parts(new Date(now))
  const yesterday = parts(new Date(now - 86_400_000))
  const label =
    today.join() === [y, m, day].join() ? 'Today' : yesterday.join() === [y, m, day].join() ? 'Yesterday' : `${day} ${MONTHS[m]}${y === today[0] ? '' : ` ${y}`}`
  const time = local ? `${pad(d.getHours())}:${pad(d.getMinutes())}` : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  return { key, label, time }
}

const merge = (fresh: NotificationItem[], kept: NotificationItem[]) => {
  const ids = new Set(fresh.map((n) => n.id))
  return [...fresh, ...kept.filter((n) => !ids.has(n.id))].sort((a, b) => (a.activityAt === b.activityAt ? b.id - a.id : b.activityAt.localeCompare(a.activityAt)))
}

/**
 * The member's notifications grouped by day, unread ones emphasised; each can be marked read (and is,
 * when followed), all at once too; older ones load on demand. New activity appears live.
 */
export function NotificationList({ initial, renderedAt }: { initial: NotificationPage; renderedAt: number }) {
  const [items, setItems] = useState(initial.docs)
  const [cursor, setCursor] = useState(initial.nextCursor)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [clock, setClock] = useState({ local: false, now: renderedAt })

  useEffect(() => setClock({ local: true, now: Date.now() }), [])

  const refreshFirstPage = useCallback(async () => {
    const res = await api<NotificationPage>('/api/notifications/feed?limit=20')
    if (res.ok && res.data) setItems((kept) => merge(res.data!.docs, kept))
  }, [])

  useLiveEvents((event) => {
    if (event.type === 'notification' || event.type === 'resync') void refreshFirstPage()
    if (event.type === 'notifications.read') {
      const ids = new Set<number>((event.data.ids as number[] | undefined) ?? [])
      if (ids.size) setItems((list) => list.map((n) => (ids.has(n.id) ? { ...n, read: true } : n)))
      else void refreshFirstPage()
    }
  })

  async function markRead(body: { ids: number[] } | { all: true }) {
    setProblem(null)
    const res = await api<{ marked: number[]; unread: number }>('/api/notifications/read', { json: body })
    if (!res.ok || !res.data) {
      setProblem(res.messages[0] ?? 'Could not mark notifications read. Try again.')
      return
    }
    const marked = new Set(res.data.marked)
    setItems((list) => list.map((n) => ('all' in body || marked.has(n.id) ? { ...n, read: true } : n)))
    announceUnread(res.data.unread)
    setStatus('all' in body ? 'All notifications marked read.' : 'Marked read.')
  }

  async function loadMore() {
    if (!cursor) return
    setBusy(true)
    setProblem(null)
    const res = await api<NotificationPage>(`/api/notifications/feed?limit=20&cursor=${encodeURIComponent(cursor)}`)
    setBusy(false)
    if (!res.ok || !res.data) {
      setProblem(res.messages[0] ?? 'Could not load older notifications. Try again.')
      return
    }
    setItems((list) => merge(list, res.data!.docs))
    setCursor(res.data.nextCursor)
  }

  const days = useMemo(() => {
    const groups: { key: string; label: string; items: (NotificationItem & { time: string })[] }[] = []
    for (const n of items) {
      const w = when(n.activityAt, clock.local, clock.now)
      const last = groups[groups.length - 1]
      if (last?.key === w.key) last.items.push({ ...n, time: w.time })
      else groups.push({ key: w.key, label: w.label, items: [{ ...n, time: w.time }] })
    }
    return groups
  }, [items, clock])

  const unread = items.filter((n) => !n.read).length

  return (
    <>
      <div className={styles.toolbar}>
        <p className="muted" aria-live="polite">
          {unread ? `${unread} unread${cursor ? ' on this page' : ''}` : 'You are all caught up.'}
        </p>
        <button type="button" className="button button--quiet button--small" onClick={() => markRead({ all: true })} disabled={!unread}>
          Mark all as read
        </button>
      </div>
      <FormAlert>{problem}</FormAlert>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {items.length === 0 ? (
        <p className="empty">
          No notifications yet. When members reply, mention you, like your posts, follow you or write to you, you will see it
          here.
        </p>
      ) : (
        days.map((day) => (
          <section key={day.key} className={styles.day} aria-labelledby={`day-${day.key}`}>
            <h2 id={`day-${day.key}`}>{day.label}</h2>
            <ul className={styles.list}>
              {day.items.map((n) => (
                <li key={n.id} className={`${styles.item} ${n.read ? '' : styles.unread}`} data-unread={!n.read || undefined}>
                  {n.actor ? (
                    <Avatar name={n.actor.name} src={n.actor.avatarUrl} size={40} />
                  ) : (
                    <span className={styles.system} aria-hidden="true">
                      !
                    </span>
                  )}
                  <div className={styles.body}>
                    <Link href={n.link} className={styles.text} onClick={() => (n.read ? undefined : void markRead({ ids: [n.id] }))}>
                      {n.read ? null : <span className="visually-hidden">Unread: </span>}
                      {n.text}
                    </Link>
                    {n.excerpt ? <span className={styles.excerpt}>{n.excerpt}</span> : null}
                    <time className={styles.time} dateTime={n.activityAt}>
                      {n.time}
                    </time>
                  </div>
                  {n.read ? null : (
                    <button type="button" className={`button button--plain button--small ${styles.mark}`} onClick={() => markRead({ ids: [n.id] })}>
                      Mark read<span className="visually-hidden">: {n.text}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {cursor ? (
        <p className="pager">
          <button type="button" className="button button--quiet" onClick={loadMore} disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Loading…' : 'Load older notifications'}
          </button>
        </p>
      ) : null}
    </>
  )
}
