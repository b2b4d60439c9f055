'use client'

import { useEffect, useId, useRef, useState } from 'react'

import { api } from '../forms/api'
import { BookmarkIcon, CommentIcon, HeartIcon, ShareIcon, VoteIcon } from './icons'
import styles from './post-page.module.css'

type Counts = { likeCount: number; upvotes: number; downvotes: number; commentCount: number; shareCount: number; bookmarkCount: number }
type Reaction = 'like' | 'up' | 'down' | null

type Props = {
  postId: number
  signedIn: boolean
  voting: boolean
  reaction: Reaction
  bookmarked: boolean
  counts: Counts
  /** The post's address, for copying and sharing. */
  url: string
  title: string
  canRepost: boolean
  /** Where the comment count leads (another page's comments, from a feed). */
  commentsHref?: string
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Like (or vote), comments, bookmark and share, each shown at once and settled by the server's counts. */
export function PostActions(props: Props) {
  const [reaction, setReaction] = useState<Reaction>(props.reaction)
  const [bookmarked, setBookmarked] = useState(props.bookmarked)
  const [counts, setCounts] = useState(props.counts)
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [shareOpen, setShareOpen] = useState(false)
  const [repost, setRepost] = useState<number | null>(null)
  const [canShare, setCanShare] = useState(false)
  const busy = useRef(false)
  useEffect(() => setCanShare(typeof navigator.share === 'function'), [])
  const shareId = useId()
  const login = `/login?next=${encodeURIComponent(`/posts/${props.postId}`)}`

  async function react(kind: 'like' | 'up' | 'down') {
    if (busy.current) return
    busy.current = true
    setError('')
    const before = { reaction, counts }
    const removing = reaction === kind
    const next: Counts = { ...counts }
    const column = (k: 'like' | 'up' | 'down') => (k === 'like' ? 'likeCount' : k === 'up' ? 'upvotes' : 'downvotes')
    if (reaction) next[column(reaction)] = Math.max(0, next[column(reaction)] - 1)
    if (!removing) next[column(kind)] += 1
    setReaction(removing ? null : kind)
    setCounts(next)
    const res = await api<Partial<Counts>>(`/api/posts/${props.postId}/reaction`, removing ? { method: 'DELETE' } : { method: 'PUT', json: { kind } })
    busy.current = false
    if (!res.ok || !res.data) {
      setReaction(before.reaction)
      setCounts(before.counts)
      setError(res.messages[0] ?? 'That did not work. Try again.')
      return
    }
    const d = res.data
    setCounts((c) => ({ ...c, likeCount: d.likeCount ?? c.likeCount, upvotes: d.upvotes ?? c.upvotes, downvotes: d.downvotes ?? c.downvotes }))
  }

  async function toggleBookmark() {
    if (busy.current) return
    busy.current = true
    setError('')
    const on = !bookmarked
    setBookmarked(on)
    const res = await api<{ bookmarkCount: number }>(`/api/posts/${props.postId}/bookmark`, { method: on ? 'PUT' : 'DELETE' })
    busy.current = false
    if (!res.ok) {
      setBookmarked(!on)
      setError(res.messages[0] ?? 'That did not work. Try again.')
      return
    }
    setStatus(on ? 'Saved to your bookmarks.' : 'Removed from your bookmarks.')
  }

  async function recordShare(channel: 'copy_link' | 'external' | 'in_app') {
    if (!props.signedIn) return null
    const res = await api<{ shareCount: number; repost?: number }>(`/api/posts/${props.postId}/share`, { json: { channel } })
    if (res.ok && res.data) setCounts((c) => ({ ...c, shareCount: res.data!.shareCount }))
    return res
  }

  async function copyLink() {
    setError('')
    try {
      await navigator.clipboard.writeText(props.url)
      setStatus('Link copied.')
      void recordShare('copy_link')
    } catch {
      setError(`Copy this address: ${props.url}`)
    }
  }

  async function shareElsewhere() {
    try {
      await navigator.share({ title: props.title, url: props.url })
      void recordShare('external')
    } catch {
      /* the member closed the share sheet */
    }
  }

  async function repostNow() {
    setError('')
    const res = await recordShare('in_app')
    if (res?.ok && res.data?.repost) {
      setRepost(res.data.repost)
      setStatus('Reposted to your followers.')
    } else setError(res?.messages[0] ?? 'The post could not be reposted.')
  }

  const score = counts.upvotes - counts.downvotes
  return (
    <div className={styles.actions}>
      <div className={styles.actionRow} role="group" aria-label="Post actions">
        {props.voting ? (
          <span className={styles.vote}>
            {props.signedIn ? (
              <button type="button" className={styles.action} aria-pressed={reaction === 'up'} onClick={() => react('up')} aria-label={`Vote up (${counts.upvotes})`}>
                <VoteIcon filled={reaction === 'up'} />
              </button>
            ) : null}
            <span className={styles.score} aria-label={`Score ${score}`}>
              {score}
            </span>
            {props.signedIn ? (
              <button type="button" className={styles.action} aria-pressed={reaction === 'down'} onClick={() => react('down')} aria-label={`Vote down (${counts.downvotes})`}>
                <VoteIcon down filled={reaction === 'down'} />
              </button>
            ) : null}
          </span>
        ) : props.signedIn ? (
          <button type="button" className={styles.action} aria-pressed={reaction === 'like'} onClick={() => react('like')}>
            <HeartIcon filled={reaction === 'like'} /> {reaction === 'like' ? 'Liked' : 'Like'}
            {counts.likeCount ? <span className={styles.count}>{counts.likeCount}</span> : null}
          </button>
        ) : (
          <a className={styles.action} href={login}>
            <HeartIcon /> Like {counts.likeCount ? <span className={styles.count}>{counts.likeCount}</span> : null}
          </a>
        )}
        <a className={styles.action} href={props.commentsHref ?? '#comments'}>
          <CommentIcon /> {plural(counts.commentCount, 'comment')}
        </a>
        {props.signedIn ? (
          <button type="button" className={styles.action} aria-pressed={bookmarked} onClick={toggleBookmark}>
            <BookmarkIcon filled={bookmarked} /> {bookmarked ? 'Saved' : 'Save'}
          </button>
        ) : null}
        <button type="button" className={styles.action} aria-expanded={shareOpen} aria-controls={shareId} onClick={() => setShareOpen((o) => !o)}>
          <ShareIcon /> Share {counts.shareCount ? <span className={styles.count}>{counts.shareCount}</span> : null}
        </button>
      </div>
      <div id={shareId} className={styles.sharePanel} hidden={!shareOpen}>
        <button type="button" className="button button--quiet button--small" onClick={copyLink}>
          Copy link
        </button>
        {canShare ? (
          <button type="button" className="button button--quiet button--small" onClick={shareElsewhere}>
            Share via…
          </button>
        ) : null}
        {props.signedIn && props.canRepost ? (
          <button type="button" className="button button--quiet button--small" onClick={repostNow} disabled={repost !== null}>
            Repost to your followers
          </button>
        ) : null}
        {!props.signedIn ? (
          <a className="button button--plain button--small" href={login}>
            Log in to like, save or repost
          </a>
        ) : null}
      </div>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
        {repost ? (
          <>
            {' '}
            <a href={`/posts/${repost}`}>View your repost</a>
          </>
        ) : null}
      </p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
