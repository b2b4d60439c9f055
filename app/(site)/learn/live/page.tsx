import type { Metadata } from 'next'
import Link from 'next/link'

import styles from '@/components/learning/live/live.module.css'
import { liveStatus } from '@/domain/learning/live/status'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Live sessions' }
export const dynamic = 'force-dynamic'

const when = (iso: string, zone?: string | null) => {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone || 'UTC', timeZoneName: 'short' }).format(new Date(iso))
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso))
  }
}

/** Upcoming and running live sessions, soonest first. */
export default async function LiveSessionsPage() {
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const { docs } = await payload.find({
    collection: 'live-sessions',
    where: { and: [{ endsAt: { greater_than: new Date().toISOString() } }, { state: { equals: 'scheduled' } }] },
    sort: 'startsAt',
    limit: 30,
    depth: 0,
    overrideAccess: false,
    user: viewer,
  })
  return (
    <div className={styles.panel}>
      <header className="page-head">
        <span className="eyebrow">Learn</span>
        <h1>Live sessions</h1>
        <p>Webinars with specialists: register, get a reminder, ask questions and vote in polls while it happens.</p>
      </header>
      {docs.length === 0 ? (
        <p className="card muted">No live sessions are scheduled right now. Check back soon.</p>
      ) : (
        <ul className={styles.list}>
          {docs.map((s) => {
            const status = liveStatus({ startsAt: s.startsAt, endsAt: s.endsAt, state: s.state })
            const left = s.capacity ? Math.max(0, s.capacity - (s.registeredCount ?? 0)) : null
            return (
              <li key={s.id} className={`card ${styles.listItem}`}>
                <p className={styles.statusRow}>
                  <span className={`${styles.status} ${styles[`status_${status}`]}`}>{status === 'live' ? 'Live now' : 'Upcoming'}</span>
                  <span className="muted">{when(s.startsAt, s.timezone)}</span>
                </p>
                <h2>
                  <Link href={`/learn/live/${s.id}`}>{s.title}</Link>
                </h2>
                {s.description && <p className="muted">{s.description.length > 220 ? `${s.description.slice(0, 220)}…` : s.description}</p>}
                <p className="muted">
                  {s.registeredCount ?? 0} registered{left !== null && ` · ${left === 0 ? 'full' : `${left} seats left`}`}
                </p>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
