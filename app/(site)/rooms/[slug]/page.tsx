import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { FeedTabs } from '@/components/feed/FeedTabs'
import feedStyles from '@/components/feed/feed.module.css'
import { meCard, memberships, roomCard, specialtyOptions } from '@/components/posts/load'
import { PostFeed } from '@/components/posts/PostFeed'
import { JoinButton } from '@/components/rooms/JoinButton'
import styles from '@/components/rooms/rooms.module.css'
import { feedPage, type FeedViewer } from '@/domain/social/feed'
import { loadCards } from '@/domain/social/postCards'
import { getViewer, getViewerAvatar, payloadInstance } from '@/lib/session'
import type { Room } from '../../../../payload-types'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sort?: string }> }

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/

/** The room as the viewer may see it (the rooms read access decides), or null. */
const loadRoom = cache(async (slug: string): Promise<Room | null> => {
  if (!SLUG.test(slug)) return null
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const { docs } = await payload.find({
    collection: 'rooms',
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: viewer ?? undefined,
  })
  return (docs[0] as Room | undefined) ?? null
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const room = await loadRoom((await params).slug)
  return room ? { title: room.name, description: room.description ?? undefined } : { title: 'Room not found' }
}

/** One room or channel: what it is about, join or leave, the composer for its members, and its feed. */
export default async function RoomPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams])
  const room = await loadRoom(slug)
  if (!room) notFound()
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const sort = query.sort === 'top' ? 'top' : 'new'
  const [mine, page, specialties, avatarUrl] = await Promise.all([
    viewer ? memberships(payload, viewer) : new Map<number, string>(),
    feedPage(payload, viewer as FeedViewer | null, { kind: 'room', room: Number(room.id), sort }, loadCards),
    viewer ? specialtyOptions(payload) : [],
    viewer ? getViewerAvatar() : null,
  ])
  const me = viewer ? await meCard(payload, viewer, avatarUrl) : null
  const role = mine.get(Number(room.id))
  const card = roomCard(room)
  const kind = room.kind === 'channel' ? 'Channel' : 'Room'

  return (
    <div className={feedStyles.main} style={{ marginInline: 'auto' }}>
      <header className={`card ${styles.header}`}>
        <p className="muted" style={{ margin: 0 }}>
          <Link href="/rooms">Rooms and channels</Link>
        </p>
        <div className={styles.roomHead}>
          <h1>{room.name}</h1>
          <span className="badge">{kind}</span>
          {room.sponsored ? <span className="badge badge--pending">Sponsored</span> : null}
          {room.voting ? <span className="badge">Members vote on posts</span> : null}
        </div>
        {room.description ? <p className={styles.description}>{room.description}</p> : null}
        <JoinButton roomId={Number(room.id)} name={room.name} joined={Boolean(role)} owner={role === 'owner'} memberCount={room.memberCount ?? 0} signedIn={Boolean(viewer)} refresh />
      </header>
      {viewer && !role ? <p className={`alert alert--info ${styles.notice}`}>Join this {kind.toLowerCase()} to post here.</p> : null}
      <FeedTabs
        sorts={[
          { href: `/rooms/${room.slug}`, label: 'Latest', current: sort === 'new' },
          { href: `/rooms/${room.slug}?sort=top`, label: 'Top', current: sort === 'top' },
        ]}
      />
      <PostFeed
        key={`${room.id}-${sort}-${role ? 'in' : 'out'}`}
        initial={page}
        source={`/api/posts/cards?kind=room&room=${room.id}&sort=${sort}`}
        me={me}
        composer={role ? { room: card, specialties } : undefined}
        showRoom={false}
        label={`Posts in ${room.name}`}
        empty={<p>No posts here yet.{role ? ' Start the conversation.' : ''}</p>}
      />
    </div>
  )
}
