'use client'

import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react'

import type { CardAuthor, PostCardData } from '@/domain/social/postCards'
import { api } from '../forms/api'
import { Composer, type ComposerProps } from './Composer'
import { PostListContext } from './listContext'
import { PostCard } from './PostCard'
import styles from './posts.module.css'

type Page = { docs: PostCardData[]; nextCursor: string | null }

type Props = {
  initial: Page
  /** The cards endpoint for later pages, without the cursor (`/api/posts/cards?kind=home&sort=new`). */
  source: string
  me: CardAuthor | null
  /** The composer above the list, when the member may post here. */
  composer?: Omit<ComposerProps, 'me' | 'onPosted'>
  showRoom?: boolean
  empty: ReactNode
  label: string
}

/** A list of post cards with "Show more" by keyset cursor; new posts of the member go on top. */
export function PostFeed({ initial, source, me, composer, showRoom, empty, label }: Props) {
  const [cards, setCards] = useState(initial.docs)
  const [cursor, setCursor] = useState(initial.nextCursor)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')
  const list = useRef<HTMLUListElement>(null)

  const prepend = useCallback((card: PostCardData) => setCards((all) => [card, ...all.filter((c) => c.id !== card.id)]), [])
  const remove = useCallback((id: number) => setCards((all) => all.filter((c) => c.id !== id)), [])
  const context = useMemo(() => ({ me, prepend, remove }), [me, prepend, remove])

  async function more() {
    if (!cursor || loading) return
    setLoading(true)
    setError('')
    const res = await api<Page>(`${source}${source.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`)
    setLoading(false)
    if (!res.ok || !res.data) return setError(res.messages[0] ?? 'More posts could not be loaded.')
    const first = cards.length
    const page = res.data
    setCards((all) => [...all, ...page.docs.filter((d) => !all.some((c) => c.id === d.id))])
    setCursor(page.nextCursor)
    // Keyboard and screen reader users continue at the first new post.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>(':scope > li')[first]?.querySelector<HTMLElement>('article')?.focus())
  }

  return (
    <PostListContext.Provider value={context}>
      {composer && me ? <Composer {...composer} me={me} onPosted={prepend} /> : null}
      {cards.length ? (
        <ul className={styles.list} ref={list} aria-label={label}>
          {cards.map((card) => (
            <li key={card.id}>
              <PostCard card={card} showRoom={showRoom} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="card empty">{empty}</div>
      )}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      {cursor ? (
        <p className={styles.loadMore}>
          <button type="button" className="button button--quiet" onClick={more} disabled={loading} aria-busy={loading}>
            {loading ? 'Loading…' : 'Show more posts'}
          </button>
        </p>
      ) : cards.length > 5 ? (
        <p className={`muted ${styles.loadMore}`}>You are all caught up.</p>
      ) : null}
    </PostListContext.Provider>
  )
}
