'use client'

import { useCallback, useMemo, useRef, useState } from 'react'

import type { CardAuthor, PostCardData } from '@/domain/social/postCards'
import type { BookmarkEntry } from '@/domain/social/postLists'
import { api } from '../forms/api'
import { PostListContext } from '../posts/listContext'
import { PostCard } from '../posts/PostCard'
import styles from '../posts/posts.module.css'

type Page = { docs: BookmarkEntry[]; nextCursor: string | null }

/**
 * The member's bookmarks, newest first, with "Show more". Unsaving a post takes it off the list; a post
 * that can no longer be read stays as a line with its own Remove button.
 */
export function BookmarkList({ initial, me }: { initial: Page; me: CardAuthor }) {
  const [entries, setEntries] = useState(initial.docs)
  const [cursor, setCursor] = useState(initial.nextCursor)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState('')
  const [status, setStatus] = useState('')
  const list = useRef<HTMLUListElement>(null)

  const drop = useCallback((postId: number) => setEntries((all) => all.filter((e) => e.postId !== postId)), [])
  // A repost or quote made from here is not a bookmark: it is confirmed on the card, not listed.
  const context = useMemo(() => ({ me, prepend: (_: PostCardData) => {}, remove: drop }), [me, drop])

  async function removeMissing(postId: number) {
    setError('')
    const res = await api(`/api/posts/${postId}/bookmark`, { method: 'DELETE' })
    if (!res.ok) return setError(res.messages[0] ?? 'The bookmark could not be removed.')
    drop(postId)
    setStatus('Bookmark removed.')
  }

  async function more() {
    if (!cursor || loading) return
    setLoading(true)
    setError('')
    const res = await api<Page>(`/api/posts/bookmarked?cursor=${encodeURIComponent(cursor)}`)
    setLoading(false)
    if (!res.ok || !res.data) return setError(res.messages[0] ?? 'More bookmarks could not be loaded.')
    const first = entries.length
    const page = res.data
    setEntries((all) => [...all, ...page.docs.filter((d) => !all.some((e) => e.postId === d.postId))])
    setCursor(page.nextCursor)
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>(':scope > li')[first]?.querySelector<HTMLElement>('article')?.focus())
  }

  return (
    <PostListContext.Provider value={context}>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {entries.length ? (
        <ul className={styles.list} ref={list} aria-label="Your bookmarks">
          {entries.map((entry) => (
            <li key={entry.postId}>
              {entry.post ? (
                <PostCard
                  card={entry.post}
                  onBookmark={(on) => {
                    if (!on) {
                      drop(entry.postId)
                      setStatus('Removed from your bookmarks.')
                    }
                  }}
                />
              ) : (
                <article className={`card ${styles.card}`} tabIndex={-1} aria-label="A saved post that is no longer available">
                  <p className={styles.notice}>This post is no longer available to you: it was deleted, hidden, or its audience changed.</p>
                  <div>
                    <button type="button" className="button button--quiet button--small" onClick={() => removeMissing(entry.postId)}>
                      Remove bookmark
                    </button>
                  </div>
                </article>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <div className="card empty">
          <p>No bookmarks yet.</p>
          <p>
            Press <strong>Save</strong> on a post to keep it here. <a href="/">Back to your feed</a>
          </p>
        </div>
      )}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      {cursor ? (
        <p className={styles.loadMore}>
          <button type="button" className="button button--quiet" onClick={more} disabled={loading} aria-busy={loading}>
            {loading ? 'Loading…' : 'Show more bookmarks'}
          </button>
        </p>
      ) : null}
    </PostListContext.Provider>
  )
}
