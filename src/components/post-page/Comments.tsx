'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import type { ThreadComment } from '@/domain/social/commentThread'
import { api } from '../forms/api'
import { CommentComposer } from './CommentComposer'
import { CommentItem } from './CommentItem'
import styles from './post-page.module.css'
import { hasComment, maxId, placeComment, removeComment, updateComment, type Shown, type ShownThread } from './threadState'
import type { Me, Thread } from './types'

type Order = 'newest' | 'oldest'
type Props = {
  postId: number
  me: Me | null
  initial: { docs: Thread[]; nextCursor: string | null }
  commentCount: number
}
type StoredComment = { id: number; body: string; createdAt: string; editedAt?: string | null; likeCount?: number; parent?: number | { id: number } | null }

const POLL_MS = 30_000
let temporary = 0

/**
 * The comments of a post: threads two levels deep (a reply to a reply joins the thread, as the API
 * stores it), newest or oldest first, more by cursor, writing, replying, liking, editing and deleting
 * shown at once and settled by the server. The live stream carries no comment events, so the section
 * asks for newer comments every 30 seconds while the tab is visible and offers them with a button.
 */
export function Comments({ postId, me, initial, commentCount }: Props) {
  const [threads, setThreads] = useState<ShownThread[]>(initial.docs)
  const [next, setNext] = useState<string | null>(initial.nextCursor)
  const [order, setOrder] = useState<Order>('newest')
  const [replyTo, setReplyTo] = useState<{ thread: number; mention: string } | null>(null)
  const [incoming, setIncoming] = useState<ThreadComment[]>([])
  const [errors, setErrors] = useState<Record<number, string>>({})
  const [alert, setAlert] = useState('')
  const [status, setStatus] = useState('')
  const [loading, setLoading] = useState(false)
  // Comments this page added or removed since the server counted them.
  const [countChange, setCountChange] = useState(0)
  const seen = useRef(maxId(initial.docs))
  const state = useRef({ threads, order, next })
  state.current = { threads, order, next }

  const base = `/api/posts/${postId}/comments`
  const place = useCallback(
    (comment: Shown, replacing?: number) =>
      setThreads((list) => placeComment(list, comment, { order: state.current.order, allTopLoaded: state.current.next === null, replacing })),
    [],
  )
  const failOn = (id: number, message: string) => setErrors((e) => ({ ...e, [id]: message }))
  const clearError = (id: number) => setErrors(({ [id]: _gone, ...rest }) => rest)

  async function load(nextOrder: Order, cursor?: string) {
    setLoading(true)
    setAlert('')
    const res = await api<{ docs: Thread[]; nextCursor: string | null }>(`${base}?order=${nextOrder}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    setLoading(false)
    if (!res.ok || !res.data) return setAlert(res.messages[0] ?? 'The comments could not be loaded.')
    const docs = res.data.docs
    seen.current = Math.max(seen.current, maxId(docs))
    setThreads((list) => (cursor ? [...list, ...docs.filter((d) => !hasComment(list, d.id))] : docs))
    setNext(res.data.nextCursor)
    setOrder(nextOrder)
  }

  async function moreReplies(thread: ShownThread) {
    const res = await api<{ docs: ThreadComment[]; nextCursor: string | null }>(`${base}?parent=${thread.id}&limit=20&cursor=${encodeURIComponent(thread.repliesCursor ?? '')}`)
    if (!res.ok || !res.data) return failOn(thread.id, res.messages[0] ?? 'The replies could not be loaded.')
    const docs = res.data.docs
    seen.current = Math.max(seen.current, ...docs.map((d) => d.id))
    setThreads((list) =>
      list.map((t) => (t.id === thread.id ? { ...t, replies: [...t.replies.filter((r) => !docs.some((d) => d.id === r.id)), ...docs], repliesCursor: res.data!.nextCursor } : t)),
    )
  }

  /** The stored comment as the thread endpoint shows it (mentions resolved to handles). */
  async function reread(id: number) {
    const res = await api<{ docs: ThreadComment[] }>(`${base}?after=${id - 1}&limit=1`)
    const doc = res.data?.docs?.[0]
    if (doc && doc.id === id) place(doc)
  }

  async function write(body: string, parent: number | null) {
    if (!me) return
    const tempId = -++temporary
    const optimistic: Shown = {
      id: tempId,
      postId,
      parentId: parent,
      body,
      deleted: false,
      moderation: 'visible',
      author: { id: me.id, name: me.name, honorific: me.honorific, handle: me.handle, verified: me.verified, avatarUrl: me.avatarUrl },
      mentions: [],
      likeCount: 0,
      liked: false,
      createdAt: new Date().toISOString(),
      editedAt: null,
      pending: true,
    }
    place(optimistic)
    setReplyTo(null)
    const res = await api<{ doc: StoredComment }>('/api/comments?depth=0', { json: { post: postId, body, ...(parent ? { parent } : {}) } })
    if (!res.ok || !res.data?.doc) {
      setThreads((list) => removeComment(list, tempId))
      setAlert(`Your comment was not posted: ${res.messages[0] ?? Object.values(res.fieldErrors)[0] ?? 'try again.'}`)
      return
    }
    const doc = res.data.doc
    seen.current = Math.max(seen.current, doc.id)
    place({ ...optimistic, id: doc.id, body: doc.body, createdAt: doc.createdAt, pending: false }, tempId)
    setCountChange((n) => n + 1)
    setStatus(parent ? 'Reply posted.' : 'Comment posted.')
    if (body.includes('@')) void reread(doc.id)
  }

  async function like(c: Shown) {
    clearError(c.id)
    const liked = !c.liked
    setThreads((list) => updateComment(list, c.id, (x) => ({ ...x, liked, likeCount: Math.max(0, x.likeCount + (liked ? 1 : -1)) })))
    const res = await api<{ likeCount: number }>(`/api/comments/${c.id}/reaction`, liked ? { method: 'PUT', json: { kind: 'like' } } : { method: 'DELETE' })
    if (res.ok && res.data) setThreads((list) => updateComment(list, c.id, (x) => ({ ...x, likeCount: res.data!.likeCount })))
    else {
      setThreads((list) => updateComment(list, c.id, (x) => ({ ...x, liked: c.liked, likeCount: c.likeCount })))
      failOn(c.id, res.messages[0] ?? 'That did not work. Try again.')
    }
  }

  async function edit(c: Shown, body: string): Promise<string | null> {
    const res = await api<{ doc: StoredComment }>(`/api/comments/${c.id}?depth=0`, { method: 'PATCH', json: { body } })
    if (!res.ok || !res.data?.doc) {
      if (res.status === 403) return 'This comment can no longer be edited: comments can be changed for 15 minutes after they are written.'
      return res.messages[0] ?? Object.values(res.fieldErrors)[0] ?? 'Your change was not saved.'
    }
    const doc = res.data.doc
    setThreads((list) => updateComment(list, c.id, (x) => ({ ...x, body: doc.body, editedAt: doc.editedAt ?? new Date().toISOString(), mentions: [] })))
    setStatus('Comment updated.')
    if (body.includes('@')) void reread(c.id)
    return null
  }

  async function remove(c: Shown) {
    if (!window.confirm('Delete this comment?')) return
    clearError(c.id)
    const res = await api(`/api/comments/${c.id}?depth=0`, { method: 'PATCH', json: { deletedAt: new Date().toISOString() } })
    if (!res.ok) return failOn(c.id, res.messages[0] ?? 'The comment could not be deleted.')
    setThreads((list) => removeComment(list, c.id))
    setCountChange((n) => n - 1)
    setStatus('Comment deleted.')
  }

  function startReply(c: Shown) {
    const thread = c.parentId ?? c.id
    // Answering a reply names its author, since the answer joins the thread below the first comment.
    const mention = c.parentId && c.author?.handle && c.author.id !== me?.id ? `@${c.author.handle} ` : ''
    setReplyTo({ thread, mention })
  }

  // Newer comments by others, every 30 s while the page is visible.
  useEffect(() => {
    let stopped = false
    async function poll() {
      if (document.visibilityState !== 'visible') return
      const res = await api<{ docs: ThreadComment[] }>(`${base}?after=${seen.current}&limit=50`)
      if (stopped || !res.ok || !res.data) return
      const fresh = res.data.docs.filter((d) => !hasComment(state.current.threads, d.id) && d.author?.id !== me?.id)
      if (fresh.length) setIncoming((list) => [...list, ...fresh.filter((f) => !list.some((l) => l.id === f.id))])
    }
    const timer = setInterval(poll, POLL_MS)
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [base, me?.id])

  function showIncoming() {
    for (const c of incoming) place(c)
    seen.current = Math.max(seen.current, ...incoming.map((c) => c.id))
    setCountChange((n) => n + incoming.length)
    setStatus(`${incoming.length} new ${incoming.length === 1 ? 'comment' : 'comments'} shown.`)
    setIncoming([])
  }

  const total = Math.max(0, commentCount + countChange)
  const heading = `Comments${total ? ` (${total})` : ''}`
  return (
    <section id="comments" className={styles.comments} aria-labelledby="comments-title">
      <div className={styles.commentsHead}>
        <h2 id="comments-title">{heading}</h2>
        <div className={styles.order} role="group" aria-label="Order of comments">
          {(['newest', 'oldest'] as const).map((o) => (
            <button key={o} type="button" className={styles.orderButton} aria-pressed={order === o} disabled={loading} onClick={() => order !== o && load(o)}>
              {o === 'newest' ? 'Newest' : 'Oldest'}
            </button>
          ))}
        </div>
      </div>

      {me ? (
        <CommentComposer me={me} label="Write a comment" placeholder="Add to the discussion" submitLabel="Comment" onSubmit={(body) => write(body, null)} />
      ) : (
        <p className={styles.signIn}>
          <a className="button button--quiet" href={`/login?next=${encodeURIComponent(`/posts/${postId}#comments`)}`}>
            Log in to comment
          </a>
        </p>
      )}

      {incoming.length ? (
        <button type="button" className={`button button--quiet button--small ${styles.incoming}`} onClick={showIncoming}>
          Show {incoming.length} new {incoming.length === 1 ? 'comment' : 'comments'}
        </button>
      ) : null}
      {alert ? (
        <p className="alert alert--error" role="alert">
          {alert}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>

      {threads.length === 0 ? <p className={`muted ${styles.empty}`}>No comments yet.{me ? ' Start the discussion.' : ''}</p> : null}
      <ol className={styles.threads} aria-busy={loading}>
        {threads.map((t) => (
          <li key={t.id} className={styles.thread}>
            <CommentItem comment={t} me={me} onReply={startReply} onLike={like} onEdit={edit} onDelete={remove} error={errors[t.id]} />
            {t.replies.length || t.repliesCursor || replyTo?.thread === t.id ? (
              <div className={styles.replies}>
                {t.replies.length ? (
                  <ol aria-label={`Replies to ${t.author?.name ?? 'a deleted comment'}`}>
                    {t.replies.map((r) => (
                      <li key={r.id}>
                        <CommentItem comment={r} me={me} reply onReply={t.deleted ? undefined : startReply} onLike={like} onEdit={edit} onDelete={remove} error={errors[r.id]} />
                      </li>
                    ))}
                  </ol>
                ) : null}
                {t.repliesCursor ? (
                  <button type="button" className={styles.moreReplies} onClick={() => moreReplies(t)}>
                    Show more replies
                  </button>
                ) : null}
                {me && replyTo?.thread === t.id ? (
                  <CommentComposer
                    key={replyTo.mention}
                    me={me}
                    label={`Reply to ${t.author?.name ?? 'this thread'}`}
                    placeholder="Write a reply"
                    submitLabel="Reply"
                    initial={replyTo.mention}
                    autoFocus
                    onSubmit={(body) => write(body, t.id)}
                    onCancel={() => setReplyTo(null)}
                  />
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {next ? (
        <button type="button" className={`button button--quiet ${styles.more}`} onClick={() => load(order, next)} disabled={loading}>
          {loading ? 'Loading…' : 'Show more comments'}
        </button>
      ) : null}
    </section>
  )
}
