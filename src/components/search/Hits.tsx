import Link from 'next/link'

import { Avatar } from '@/components/site/Avatar'
import { VerifiedIcon } from '@/components/site/icons'
import type { CourseHit, PersonHit, PostHit, RoomHit, SearchHit } from '@/domain/search/types'
import { Highlight, Snippet } from './Highlight'
import styles from './search.module.css'

const dateFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

function PostResult({ hit, q }: { hit: PostHit; q: string }) {
  const author = hit.author ? [hit.author.honorific, hit.author.name].filter(Boolean).join(' ') : null
  return (
    <article className={styles.hit}>
      <h3 className={styles.hitTitle}>
        <Link href={hit.url}>{hit.title ? <Highlight text={hit.title} query={q} /> : author ? `Post by ${author}` : 'Post'}</Link>
      </h3>
      <Snippet segments={hit.snippet} />
      <p className={styles.meta}>
        {author && hit.title ? <span>{author}</span> : null}
        {hit.room ? <span>in {hit.room.name}</span> : null}
        <time dateTime={hit.publishedAt}>{dateFormat.format(new Date(hit.publishedAt))}</time>
      </p>
    </article>
  )
}

function PersonResult({ hit, q }: { hit: PersonHit; q: string }) {
  return (
    <Link href={hit.url} className={`doctor-card ${styles.person}`}>
      <Avatar name={hit.name} src={hit.avatar} size={48} />
      <span>
        <span className="doctor-card__name">
          {hit.honorific ? `${hit.honorific} ` : null}
          <Highlight text={hit.name} query={q} />
          {hit.verified ? (
            <span className={`badge badge--verified ${styles.verified}`} title="Verified doctor">
              <VerifiedIcon />
              <span className="visually-hidden">Verified doctor</span>
            </span>
          ) : null}
        </span>
        {hit.title ? <span className="doctor-card__title">{hit.title}</span> : null}
        {hit.specialty ? <span className="doctor-card__specialty">{hit.specialty}</span> : null}
        <span className={styles.handle}>@{hit.handle}</span>
      </span>
    </Link>
  )
}

function RoomResult({ hit, q }: { hit: RoomHit; q: string }) {
  return (
    <article className={styles.hit}>
      <h3 className={styles.hitTitle}>
        <Link href={hit.url}>
          <Highlight text={hit.name} query={q} />
        </Link>
      </h3>
      <Snippet segments={hit.snippet} />
      <p className={styles.meta}>
        <span>{hit.kind === 'channel' ? 'Channel' : 'Room'}</span>
        <span>{hit.memberCount === 1 ? '1 member' : `${hit.memberCount.toLocaleString('en')} members`}</span>
      </p>
    </article>
  )
}

const PRICING_LABELS: Record<string, string> = { free: 'Free', premium: 'Premium', paid: 'Paid' }

function CourseResult({ hit, q }: { hit: CourseHit; q: string }) {
  return (
    <article className={styles.hit}>
      <h3 className={styles.hitTitle}>
        <Link href={hit.url}>
          <Highlight text={hit.title} query={q} />
        </Link>
      </h3>
      <Snippet segments={hit.snippet} />
      <p className={styles.meta}>
        <span>Course</span>
        {hit.specialty ? <span>{hit.specialty}</span> : null}
        <span>{hit.level[0]!.toUpperCase() + hit.level.slice(1)}</span>
        {hit.creditHours ? <span>{hit.creditHours} credit {hit.creditHours === 1 ? 'hour' : 'hours'}</span> : null}
        <span>{PRICING_LABELS[hit.pricing] ?? hit.pricing}</span>
      </p>
    </article>
  )
}

export function SearchResultItem({ hit, q }: { hit: SearchHit; q: string }) {
  if (hit.type === 'post') return <PostResult hit={hit} q={q} />
  if (hit.type === 'person') return <PersonResult hit={hit} q={q} />
  if (hit.type === 'course') return <CourseResult hit={hit} q={q} />
  return <RoomResult hit={hit} q={q} />
}
