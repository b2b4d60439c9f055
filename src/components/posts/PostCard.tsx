'use client'

import { useRef, useState } from 'react'

import type { PostCardData } from '@/domain/social/postCards'
import { api } from '../forms/api'
import { authorName } from '../post-page/authorName'
import { textToLexical } from '../post-page/lexicalText'
import { RelativeTime } from '../post-page/RelativeTime'
import { AuthorBlock } from './AuthorBlock'
import { usePostList } from './listContext'
import { PostCardActions } from './PostCardActions'
import { FeatureCard, LinkCard, OriginalPost, PostImages, PostVideo } from './PostMedia'
import { PostText } from './PostText'
import styles from './posts.module.css'

const AUDIENCE: Record<string, string> = { public: 'Public', members: 'Members', verified: 'Verified doctors', premium: 'Premium members' }

type Props = {
  card: PostCardData
  /** Show the room's name (off inside the room's own page). */
  showRoom?: boolean
  onBookmark?: (on: boolean) => void
}

/**
 * One post in a list: author, time (to the post page), text, images, video, link preview, the shared
 * post, tags, room, and what readers can do with it. Its author may edit the text or delete it here.
 */
export function PostCard({ card: initial, showRoom = true, onBookmark }: Props) {
  const { remove } = usePostList()
  const [card, setCard] = useState(initial)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const editButton = useRef<HTMLButtonElement>(null)
  const postHref = `/posts/${card.id}`
  const headingId = `post-${card.id}-by`
  const repost = card.kind === 'repost'
  // Plain text that the card holds whole can be edited here; anything else on the post page.
  const editableHere = !repost && !card.formatted && !card.truncated && card.status === 'published'
  const when = card.publishedAt ?? card.createdAt

  function startEditing() {
    setDraft(card.text)
    setError('')
    setEditing(true)
  }

  function stopEditing() {
    setEditing(false)
    requestAnimationFrame(() => editButton.current?.focus())
  }

  async function save(e: React.FormEvent) {
    e.preventDefault()
    if (!draft.trim() && card.kind === 'text') return setError('A post needs some text.')
    setSaving(true)
    setError('')
    const res = await api<{ doc: { text?: string | null; editedAt?: string | null } }>(`/api/posts/${card.id}?depth=0`, {
      method: 'PATCH',
      json: { body: textToLexical(draft), _status: 'published' },
    })
    setSaving(false)
    if (!res.ok) return setError(res.messages[0] ?? Object.values(res.fieldErrors)[0] ?? 'Your changes could not be saved.')
    const doc = res.data?.doc
    setCard((c) => ({ ...c, text: doc?.text ?? draft.trim(), editedAt: doc?.editedAt ?? new Date().toISOString() }))
    stopEditing()
  }

  async function del() {
    if (!window.confirm('Delete this post? It disappears for everyone, with its comments.')) return
    setError('')
    const res = await api(`/api/posts/${card.id}?depth=0`, { method: 'PATCH', json: { deletedAt: new Date().toISOString() } })
    if (!res.ok) return setError(res.messages[0] ?? 'The post could not be deleted.')
    remove(card.id)
  }

  return (
    <article className={`card ${styles.card}`} aria-labelledby={headingId} tabIndex={-1}>
      {card.status === 'draft' ? <p className={styles.notice}>Draft: only you can see it.</p> : null}
      {repost ? <p className={styles.repostNote}>{card.author ? authorName(card.author) : 'A member'} reposted</p> : null}
      <div className={styles.head}>
        <AuthorBlock author={repost && card.original?.author ? card.original.author : card.author}>
          <span className={styles.meta}>
            <a href={postHref}>
              <RelativeTime iso={when} />
            </a>
            {card.editedAt ? ' · edited' : null}
            {showRoom && card.room ? (
              <>
                {' · in '}
                <a className={styles.roomLink} href={`/rooms/${card.room.slug}`}>
                  {card.room.name}
                </a>
              </>
            ) : null}
            {' · '}
            {AUDIENCE[card.visibility] ?? card.visibility}
          </span>
        </AuthorBlock>
        <span id={headingId} className="visually-hidden">
          Post by {card.author ? authorName(card.author) : 'a former member'}
          {card.title ? `: ${card.title}` : ''}
        </span>
        {card.mine && !editing ? (
          <div className={styles.tools}>
            {editableHere ? (
              <button ref={editButton} type="button" className="button button--plain button--small" onClick={startEditing}>
                Edit
              </button>
            ) : !repost ? (
              <a className="button button--plain button--small" href={postHref}>
                Edit
              </a>
            ) : null}
            <button type="button" className="button button--plain button--small" onClick={del}>
              Delete<span className="visually-hidden"> this post</span>
            </button>
          </div>
        ) : null}
      </div>

      {card.title ? <h3 className={styles.title}>{card.title}</h3> : null}
      {editing ? (
        <form className={styles.inlineForm} onSubmit={save} aria-label="Edit post">
          <label className="visually-hidden" htmlFor={`edit-${card.id}`}>
            Text of your post
          </label>
          <textarea id={`edit-${card.id}`} className="textarea" rows={5} maxLength={10000} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
          <p className="field__hint">Readers will see that the post was edited, and its earlier version.</p>
          <div className={styles.row}>
            <button type="submit" className="button button--small" disabled={saving}>
              {saving ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="button button--plain button--small" onClick={stopEditing} disabled={saving}>
              Cancel
            </button>
          </div>
        </form>
      ) : repost ? null : (
        <PostText text={card.text} moreHref={card.truncated ? postHref : undefined} />
      )}

      <PostImages images={card.images} postHref={postHref} />
      <PostVideo url={card.video} title={card.title || `Video shared by ${card.author ? authorName(card.author) : 'a member'}`} />
      {card.kind === 'link' || !card.images.length ? <LinkCard link={card.link} /> : null}
      <FeatureCard card={card.card} postHref={postHref} />
      {card.kind === 'repost' ? <RepostBody card={card} /> : card.kind === 'quote' ? <OriginalPost original={card.original} missing={card.originalMissing} /> : null}

      {card.specialties.length || card.tags.length ? (
        <ul className={styles.tags} aria-label="Topics">
          {card.specialties.map((s) => (
            <li key={`s-${s}`} className={styles.specialtyTag}>
              {s}
            </li>
          ))}
          {card.tags.map((t) => (
            <li key={`t-${t}`}>#{t}</li>
          ))}
        </ul>
      ) : null}

      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <PostCardActions card={card} onBookmark={onBookmark} />
    </article>
  )
}

/** A repost shows the original's content in place, with a link to it. */
function RepostBody({ card }: { card: PostCardData }) {
  const o = card.original
  if (!o) return <p className="muted">The shared post is no longer available.</p>
  return (
    <>
      {o.title ? <h3 className={styles.title}>{o.title}</h3> : null}
      {o.text ? <PostText text={o.text} /> : null}
      {o.image ? <img className={styles.imageSingle} src={o.image.url} alt={o.image.alt} loading="lazy" decoding="async" /> : null}
      <a className={styles.more} href={`/posts/${o.id}`}>
        Open the original post
      </a>
    </>
  )
}
