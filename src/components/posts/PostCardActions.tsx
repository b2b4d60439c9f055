'use client'

import { useEffect, useId, useRef, useState } from 'react'

import type { PostCardData, Reaction } from '@/domain/social/postCards'
import { api } from '../forms/api'
import { textToLexical } from '../post-page/lexicalText'
import { ArrowIcon, BookmarkIcon, CommentIcon, HeartIcon, ShareIcon } from './icons'
import { usePostList } from './listContext'
import { ownCard, sharedOf } from './ownCard'
import styles from './posts.module.css'

type Counts = PostCardData['counts']
const column = (k: Reaction) => (k === 'like' ? 'likeCount' : k === 'up' ? 'upvotes' : 'downvotes')
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

type Props = {
  card: PostCardData
  /** Told when the member's bookmark changes (the bookmarks page drops removed ones). */
  onBookmark?: (on: boolean) => void
}

/**
 * Like (or vote in rooms that vote), comments, bookmark and share. Likes, votes and bookmarks show at
 * once and are put back if the server refuses; counts settle to the server's.
 */
export function PostCardActions({ card, onBookmark }: Props) {
  const { me, prepend } = usePostList()
  const [reaction, setReaction] = useState<Reaction | null>(card.reaction)
  const [counts, setCounts] = useState<Counts>(card.counts)
  const [bookmarked, setBookmarked] = useState(card.bookmarked)
  const [shareOpen, setShareOpen] = useState(false)
  const [quoting, setQuoting] = useState(false)
  const [quote, setQuote] = useState('')
  const [sending, setSending] = useState(false)
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const busy = useRef({ reaction: false, bookmark: false })
  const shareId = useId()
  const quoteId = useId()
  const postHref = `/posts/${card.id}`
  const login = `/login?next=${encodeURIComponent(typeof window === 'undefined' ? '/' : window.location.pathname)}`
  const live = card.status === 'published'

  useEffect(() => {
    if (!shareOpen) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setShareOpen(false)
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [shareOpen])

  async function react(kind: Reaction) {
    if (busy.current.reaction) return
    busy.current.reaction = true
    setError('')
    const before = { reaction, counts }
    const removing = reaction === kind
    const next = { ...counts }
    if (reaction) next[column(reaction)] = Math.max(0, next[column(reaction)] - 1)
    if (!removing) next[column(kind)] += 1
    setReaction(removing ? null : kind)
    setCounts(next)
    const res = await api<Partial<Counts>>(`/api/posts/${card.id}/reaction`, removing ? { method: 'DELETE' } : { method: 'PUT', json: { kind } })
    busy.current.reaction = false
    if (!res.ok || !res.data) {
      setReaction(before.reaction)
      setCounts(before.counts)
      return setError(res.messages[0] ?? 'That did not work. Try again.')
    }
    const d = res.data
    setCounts((c) => ({ ...c, likeCount: d.likeCount ?? c.likeCount, upvotes: d.upvotes ?? c.upvotes, downvotes: d.downvotes ?? c.downvotes }))
  }

  async function toggleBookmark() {
    if (busy.current.bookmark) return
    busy.current.bookmark = true
    setError('')
    const on = !bookmarked
    setBookmarked(on)
    const res = await api(`/api/posts/${card.id}/bookmark`, { method: on ? 'PUT' : 'DELETE' })
    busy.current.bookmark = false
    if (!res.ok) {
      setBookmarked(!on)
      return setError(res.messages[0] ?? 'That did not work. Try again.')
    }
    setStatus(on ? 'Saved to your bookmarks.' : 'Removed from your bookmarks.')
    onBookmark?.(on)
  }

  async function copyLink() {
    setError('')
    const url = new URL(postHref, window.location.origin).href
    try {
      await navigator.clipboard.writeText(url)
    } catch {
      return setError(`Copy this address: ${url}`)
    }
    setStatus('Link copied.')
    setShareOpen(false)
    if (!me) return
    const res = await api<{ shareCount: number }>(`/api/posts/${card.id}/share`, { json: { channel: 'copy_link' } })
    if (res.ok && res.data) setCounts((c) => ({ ...c, shareCount: res.data!.shareCount }))
  }

  async function repost() {
    if (!me) return
    setError('')
    setSending(true)
    const res = await api<{ shareCount: number; repost: number }>(`/api/posts/${card.id}/share`, { json: { channel: 'in_app' } })
    setSending(false)
    if (!res.ok || !res.data) return setError(res.messages[0] ?? 'The post could not be reposted.')
    setCounts((c) => ({ ...c, shareCount: res.data!.shareCount }))
    setShareOpen(false)
    setStatus('Reposted to your followers.')
    const now = new Date().toISOString()
    prepend({
      ...ownCard({ id: res.data.repost, kind: 'repost', visibility: 'members', createdAt: now, publishedAt: now, _status: 'published' } as never, me),
      original: sharedOf(card),
    })
  }

  async function sendQuote(e: React.FormEvent) {
    e.preventDefault()
    if (!me || !quote.trim()) return setError('Write what you want to say about this post.')
    setError('')
    setSending(true)
    const res = await api<{ doc: Parameters<typeof ownCard>[0] }>('/api/posts?depth=1', {
      json: { kind: 'quote', repostOf: card.id, body: textToLexical(quote), visibility: 'members', _status: 'published' },
    })
    setSending(false)
    if (!res.ok || !res.data?.doc) return setError(res.messages[0] ?? Object.values(res.fieldErrors)[0] ?? 'The quote could not be posted.')
    setQuote('')
    setQuoting(false)
    setShareOpen(false)
    setStatus('Your quote is posted.')
    prepend(ownCard(res.data.doc, me, { original: sharedOf(card) }))
  }

  if (!live) return null
  const score = counts.upvotes - counts.downvotes
  const voting = Boolean(card.room?.voting)

  return (
    <>
      <div className={styles.actions} role="group" aria-label="Post actions">
        {voting ? (
          <span className={styles.vote}>
            {me ? (
              <button type="button" className={styles.action} aria-pressed={reaction === 'up'} onClick={() => react('up')}>
                <ArrowIcon up />
                <span className="visually-hidden">Vote up ({counts.upvotes})</span>
              </button>
            ) : null}
            <span className={styles.score}>
              <span className="visually-hidden">Score </span>
              {score}
            </span>
            {me ? (
              <button type="button" className={styles.action} aria-pressed={reaction === 'down'} onClick={() => react('down')}>
                <ArrowIcon up={false} />
                <span className="visually-hidden">Vote down ({counts.downvotes})</span>
              </button>
            ) : null}
          </span>
        ) : me ? (
          <button type="button" className={styles.action} aria-pressed={reaction === 'like'} onClick={() => react('like')}>
            <HeartIcon filled={reaction === 'like'} />
            {reaction === 'like' ? 'Liked' : 'Like'}
            <span className={styles.count}>{counts.likeCount}</span>
          </button>
        ) : (
          <a className={styles.action} href={login}>
            <HeartIcon /> Like <span className={styles.count}>{counts.likeCount}</span>
          </a>
        )}
        <a className={styles.action} href={`${postHref}#comments`}>
          <CommentIcon />
          <span className="visually-hidden">{plural(counts.commentCount, 'comment')}</span>
          <span className={styles.count} aria-hidden="true">
            {counts.commentCount}
          </span>
        </a>
        {me ? (
          <button type="button" className={styles.action} aria-pressed={bookmarked} onClick={toggleBookmark}>
            <BookmarkIcon filled={bookmarked} />
            {bookmarked ? 'Saved' : 'Save'}
          </button>
        ) : null}
        <button type="button" className={`${styles.action} ${styles.push}`} aria-expanded={shareOpen} aria-controls={shareId} onClick={() => setShareOpen((o) => !o)}>
          <ShareIcon />
          Share
          {counts.shareCount ? <span className={styles.count}>{counts.shareCount}</span> : null}
        </button>
        <div id={shareId} className={styles.sharePanel} hidden={!shareOpen}>
          <button type="button" className="button button--quiet button--small" onClick={copyLink}>
            Copy link
          </button>
          {me ? (
            <>
              <button type="button" className="button button--quiet button--small" onClick={repost} disabled={sending}>
                Repost
              </button>
              <button type="button" className="button button--quiet button--small" aria-expanded={quoting} aria-controls={quoteId} onClick={() => setQuoting((q) => !q)}>
                Quote
              </button>
            </>
          ) : (
            <a className="button button--plain button--small" href={login}>
              Log in to repost
            </a>
          )}
        </div>
      </div>
      {quoting && me ? (
        <form id={quoteId} className={styles.inlineForm} onSubmit={sendQuote} aria-label="Quote this post">
          <label className="visually-hidden" htmlFor={`${quoteId}-text`}>
            Your comment on the quoted post
          </label>
          <textarea
            id={`${quoteId}-text`}
            className="textarea"
            rows={3}
            maxLength={10000}
            placeholder="Add your thoughts…"
            value={quote}
            onChange={(e) => setQuote(e.target.value)}
            autoFocus
          />
          <div className={styles.row}>
            <button type="submit" className="button button--small" disabled={sending}>
              {sending ? 'Posting…' : 'Post quote'}
            </button>
            <button type="button" className="button button--plain button--small" onClick={() => setQuoting(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  )
}
