'use client'

import { useEffect, useState } from 'react'

import type { SessionView } from '@/domain/identity/sessions/types'
import { api } from '../forms/api'
import { FormAlert, Messages } from '../forms/FormAlert'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * "3 Jan 2026, 14:05". Written out by hand rather than with Intl so that the server and the browser
 * render the same text; the server's (UTC) rendering is replaced by local time once the page runs.
 */
function formatDate(iso: string, local: boolean) {
  const d = new Date(iso)
  const [day, month, year, hours, minutes] = local
    ? [d.getDate(), d.getMonth(), d.getFullYear(), d.getHours(), d.getMinutes()]
    : [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear(), d.getUTCHours(), d.getUTCMinutes()]
  return `${day} ${MONTHS[month]} ${year}, ${pad(hours)}:${pad(minutes)}${local ? '' : ' UTC'}`
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`

/** "Active now", "Last seen 5 minutes ago", "Last seen yesterday". */
function lastSeen(session: SessionView, now: number) {
  if (session.current) return 'Active now'
  if (!session.lastSeenAt) return 'Last seen: not known'
  const minutes = Math.floor(Math.max(0, now - Date.parse(session.lastSeenAt)) / 60_000)
  if (minutes < 1) return 'Active now'
  if (minutes < 60) return `Last seen ${plural(minutes, 'minute')}`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `Last seen ${plural(hours, 'hour')}`
  const days = Math.floor(hours / 24)
  return days === 1 ? 'Last seen yesterday' : `Last seen ${plural(days, 'day')}`
}

function DeviceIcon({ mobile }: { mobile: boolean }) {
  return (
    <svg className="session__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {mobile ? (
        <>
          <rect x="7" y="2.5" width="10" height="19" rx="2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M11 18.5h2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </>
      ) : (
        <>
          <rect x="2.5" y="4" width="19" height="12.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8.5 20.5h7M12 16.5v4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  )
}

/**
 * The member's signed-in sessions, each with a button that signs it out at once. Signing out the
 * session of this browser ends here too and goes to the login page.
 */
export function SessionsList({ initial, renderedAt }: { initial: SessionView[]; renderedAt: number }) {
  const [sessions, setSessions] = useState(initial)
  const [now, setNow] = useState(renderedAt)
  const [local, setLocal] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [messages, setMessages] = useState<string[]>([])
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    setLocal(true)
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])

  const signedOutHere = () => window.location.assign('/login')

  async function signOut(session: SessionView) {
    setMessages([])
    setNotice(null)
    setBusy(session.id)
    const res = await api(`/api/users/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' })
    // This browser's own session has ended (here, or from another device meanwhile).
    if (res.status === 401 || (res.ok && session.current)) return signedOutHere()
    setBusy(null)
    if (res.ok || res.status === 404) {
      setSessions((all) => all.filter((s) => s.id !== session.id))
      setNotice(res.ok ? `${session.device} is signed out.` : `${session.device} had already signed out.`)
    } else setMessages(res.messages)
  }

  async function signOutOthers() {
    setMessages([])
    setNotice(null)
    setBusy('others')
    const res = await api<{ revoked: number; message: string }>('/api/users/sessions/revoke-others', { method: 'POST' })
    if (res.status === 401) return signedOutHere()
    setBusy(null)
    if (!res.ok) return setMessages(res.messages)
    setSessions((all) => all.filter((s) => s.current))
    setNotice(res.data?.message ?? 'Every other session is signed out.')
  }

  const others = sessions.filter((s) => !s.current).length

  return (
    <>
      <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
      <FormAlert tone="ok">{notice}</FormAlert>
      <ul className="sessions" aria-label="Signed-in sessions">
        {sessions.map((s) => (
          <li key={s.id} className={`card session${s.current ? ' session--current' : ''}`}>
            <DeviceIcon mobile={s.mobile} />
            <div className="session__text">
              <h3 className="session__device" id={`session-${s.id}`}>
                {s.device}
                {s.current ? <span className="badge badge--verified">This device</span> : null}
              </h3>
              <p className="session__meta">
                <span className={s.current || lastSeen(s, now) === 'Active now' ? 'session__active' : undefined}>{lastSeen(s, now)}</span>
                <span>
                  Signed in <time dateTime={s.createdAt}>{formatDate(s.createdAt, local)}</time>
                </span>
                {s.ip ? <span>IP {s.ip}</span> : null}
              </p>
            </div>
            <button
              type="button"
              className="button button--quiet button--small session__action"
              onClick={() => signOut(s)}
              disabled={busy !== null}
              aria-label={s.current ? 'Sign out of this device' : `Sign out ${s.device}`}
            >
              {busy === s.id ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        ))}
      </ul>
      {sessions.length === 0 ? <p className="muted">No session is signed in.</p> : null}
      {others > 0 ? (
        <div className="sessions__all">
          <button type="button" className="button button--quiet" onClick={signOutOthers} disabled={busy !== null}>
            {busy === 'others' ? 'Signing out…' : 'Sign out of all other sessions'}
          </button>
        </div>
      ) : null}
    </>
  )
}
