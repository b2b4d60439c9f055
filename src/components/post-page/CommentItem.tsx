'use client'

import { useEffect, useId, useState } from 'react'

import { Avatar } from '@/components/site/Avatar'
import { VerifiedIcon } from '@/components/site/icons'
import { authorName } from './authorName'
import { CommentBody } from './CommentBody'
import { COMMENT_EDIT_WINDOW_MS, COMMENT_MAX } from './limits'
import { HeartIcon } from './icons'
import styles from './post-page.module.css'
import { RelativeTime } from './RelativeTime'
import type { Shown } from './threadState'
import type { Me } from './types'

type Props = {
  comment: Shown
  me: Me | null
  reply?: boolean
  /** Absent where no reply can be added (a thread whose first comment was deleted). */
  onReply?: (comment: Shown) => void
  onLike: (comment: Shown) => void
  /** Resolves to an error message, or null once saved. */
  onEdit: (comment: Shown, body: string) => Promise<string | null>
  onDelete: (comment: Shown) => void
  error?: string
}

/** Minutes left to edit a comment written at `createdAt`, or 0. */
const minutesLeft = (createdAt: string, now: number) => Math.max(0, Math.ceil((new Date(createdAt).getTime() + COMMENT_EDIT_WINDOW_MS - now) / 60_000))

/** One comment: author, time, text with @mentions linked, and what the viewer may do with it. */
export function CommentItem({ comment: c, me, reply, onReply, onLike, onEdit, onDelete, error }: Props) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(c.body ?? '')
  const [editError, setEditError] = useState('')
  const [saving, setSaving] = useState(false)
  const [now, setNow] = useState<number | null>(null)
  const headingId = useId()
  const editId = useId()

  // The edit window closes while the page is open: check it every 20 seconds.
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 20_000)
    return () => clearInterval(timer)
  }, [])

  if (c.deleted) {
    return (
      <article className={`${styles.comment} ${styles.commentDeleted}`} aria-label="Comment no longer available">
        <p className="muted">This comment is no longer available.</p>
      </article>
    )
  }

  const mine = Boolean(me && c.author && c.author.id === me.id)
  const left = now === null ? 0 : minutesLeft(c.createdAt, now)
  const canEdit = !c.pending && ((mine && left > 0) || Boolean(me?.staff))
  const canDelete = !c.pending && (mine || Boolean(me?.staff))
  const name = c.author ? authorName(c.author) : 'Former member'

  async function save(e: React.FormEvent) {
    e.preventDefault()
    const body = draft.trim()
    if (!body) return setEditError('Write something first, or delete the comment.')
    setSaving(true)
    const problem = body === c.body ? null : await onEdit(c, body)
    setSaving(false)
    if (problem) return setEditError(problem)
    setEditing(false)
    setEditError('')
  }

  return (
    <article className={`${styles.comment}${c.pending ? ` ${styles.pending}` : ''}`} aria-labelledby={headingId} data-comment-id={c.id > 0 ? c.id : undefined}>
      <Avatar name={c.author?.name ?? '?'} src={c.author?.avatarUrl} size={reply ? 28 : 36} />
      <div className={styles.commentMain}>
        <p className={styles.commentHead}>
          <span id={headingId} className={styles.commentAuthor}>
            {c.author?.handle ? <a href={`/doctors/${c.author.handle}`}>{name}</a> : name}
            {c.author?.verified ? (
              <span className={styles.verified} title="Verified doctor">
                <VerifiedIcon />
                <span className="visually-hidden">Verified doctor</span>
              </span>
            ) : null}
          </span>
          <span className={styles.commentMeta}>
            {c.pending ? 'Posting…' : <RelativeTime iso={c.createdAt} />}
            {c.editedAt ? (
              <span className={styles.commentEdited} title={`Edited ${new Date(c.editedAt).toLocaleString()}`}>
                {' '}
                · edited
              </span>
            ) : null}
            {c.moderation !== 'visible' ? <span className="badge badge--pending">{mine ? 'Held for review' : c.moderation}</span> : null}
          </span>
        </p>
        {editing ? (
          <form onSubmit={save} className={styles.commentEdit}>
            <label htmlFor={editId} className="visually-hidden">
              Edit your comment
            </label>
            <textarea
              id={editId}
              className="textarea"
              rows={3}
              maxLength={COMMENT_MAX}
              value={draft}
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(false)
              }}
              aria-describedby={`${editId}-hint`}
            />
            <p id={`${editId}-hint`} className={styles.hint}>
              {mine && !me?.staff ? `You can change this comment for ${left} more minute${left === 1 ? '' : 's'}.` : 'Staff may edit any comment.'}
            </p>
            {editError ? (
              <p className="alert alert--error" role="alert">
                {editError}
              </p>
            ) : null}
            <div className={styles.commentActions}>
              <button type="submit" className="button button--small" disabled={saving}>
                {saving ? 'Saving…' : 'Save'}
              </button>
              <button type="button" className="button button--plain button--small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <p className={styles.commentBody}>
            <CommentBody body={c.body ?? ''} mentions={c.mentions} />
          </p>
        )}
        {!editing ? (
          <div className={styles.commentActions}>
            {me ? (
              <button
                type="button"
                className={styles.commentAction}
                aria-pressed={c.liked}
                disabled={c.pending}
                onClick={() => onLike(c)}
                aria-label={`${c.liked ? 'Unlike' : 'Like'} comment by ${name} (${c.likeCount} ${c.likeCount === 1 ? 'like' : 'likes'})`}
              >
                <HeartIcon filled={c.liked} />
                <span aria-hidden="true">{c.likeCount ? c.likeCount : 'Like'}</span>
              </button>
            ) : c.likeCount ? (
              <span className={styles.commentLikes}>
                <HeartIcon filled /> {c.likeCount} <span className="visually-hidden">likes</span>
              </span>
            ) : null}
            {me && onReply ? (
              <button type="button" className={styles.commentAction} disabled={c.pending} onClick={() => onReply(c)} aria-label={`Reply to ${name}`}>
                Reply
              </button>
            ) : null}
            {canEdit ? (
              <button
                type="button"
                className={styles.commentAction}
                onClick={() => {
                  setDraft(c.body ?? '')
                  setEditError('')
                  setEditing(true)
                }}
              >
                Edit
              </button>
            ) : null}
            {canDelete ? (
              <button type="button" className={styles.commentAction} onClick={() => onDelete(c)}>
                Delete
              </button>
            ) : null}
          </div>
        ) : null}
        {error ? (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </article>
  )
}
