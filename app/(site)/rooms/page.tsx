import type { Metadata } from 'next'
import Link from 'next/link'

import { memberships, visibleRooms } from '@/components/posts/load'
import { JoinButton } from '@/components/rooms/JoinButton'
import styles from '@/components/rooms/rooms.module.css'
import { getViewer, payloadInstance } from '@/lib/session'
import type { Room } from '../../../payload-types'

export const metadata: Metadata = { title: 'Rooms and channels' }

const AUDIENCE: Record<string, string> = { public: 'Open to all', members: 'Members', verified: 'Verified doctors' }

/** The rooms and channels the viewer may see, the ones they joined first, with join and leave. */
export default async function RoomsPage() {
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const [rooms, mine] = await Promise.all([visibleRooms(payload, viewer), viewer ? memberships(payload, viewer) : new Map<number, string>()])
  const joined = rooms.filter((r) => mine.has(Number(r.id)))
  const others = rooms.filter((r) => !mine.has(Number(r.id)))

  const list = (items: Room[], label: string) => (
    <ul className={styles.list} aria-label={label}>
      {items.map((room) => (
        <li key={room.id}>
          <article className={`card ${styles.room}`} aria-labelledby={`room-${room.id}`}>
            <div className={styles.roomHead}>
              <h3 id={`room-${room.id}`}>
                <Link href={`/rooms/${room.slug}`}>{room.name}</Link>
              </h3>
              <span className="badge">{room.kind === 'channel' ? 'Channel' : 'Room'}</span>
              {room.sponsored ? <span className="badge badge--pending">Sponsored</span> : null}
              {room.visibility !== 'members' ? <span className="badge">{AUDIENCE[room.visibility] ?? room.visibility}</span> : null}
              {room.voting ? <span className="badge">Votes</span> : null}
            </div>
            {room.description ? <p className={styles.description}>{room.description}</p> : null}
            <JoinButton
              roomId={Number(room.id)}
              name={room.name}
              joined={mine.has(Number(room.id))}
              owner={mine.get(Number(room.id)) === 'owner'}
              memberCount={room.memberCount ?? 0}
              signedIn={Boolean(viewer)}
            />
          </article>
        </li>
      ))}
    </ul>
  )

  return (
    <>
      <header className="page-head">
        <span className="eyebrow">Community</span>
        <h1>Rooms and channels</h1>
        <p>Rooms gather colleagues around a topic; channels are run by hospitals, societies and partners. Join one to see its posts in your feed and to post there.</p>
      </header>
      {!rooms.length ? (
        <div className="card empty">
          <p>No rooms are open to you yet.</p>
        </div>
      ) : null}
      {joined.length ? (
        <section aria-labelledby="joined-title">
          <h2 id="joined-title" className={styles.section}>
            Your rooms
          </h2>
          {list(joined, 'Rooms you joined')}
        </section>
      ) : null}
      {others.length ? (
        <section aria-labelledby="others-title">
          <h2 id="others-title" className={styles.section}>
            {joined.length ? 'More to join' : 'All rooms and channels'}
          </h2>
          {list(others, 'Rooms to join')}
        </section>
      ) : null}
    </>
  )
}
