'use client'

import { useEffect, useId, useRef, useState } from 'react'

import type { CardAuthor, CardLink, CardRoom, PostCardData } from '@/domain/social/postCards'
import type { Media, Post } from '../../../payload-types'
import { api } from '../forms/api'
import { FormAlert, Messages } from '../forms/FormAlert'
import { textToLexical } from '../post-page/lexicalText'
import { videoEmbed } from '../post-page/video'
import { Avatar } from '../site/Avatar'
import { ImageIcon } from './icons'
import { addFiles, ImagePreviews, IMAGE_TYPES, type PickedImage } from './ImagePicker'
import { ownCard } from './ownCard'
import { LinkCard, PostVideo } from './PostMedia'
import { firstUrl } from './PostText'
import styles from './posts.module.css'
import { TopicPicker, type Specialty } from './TopicPicker'

export type ComposerProps = {
  me: CardAuthor
  /** Rooms the member belongs to, offered as where to post; ignored when `room` is fixed. */
  rooms?: CardRoom[]
  /** Post into this room only (the room's own page). */
  room?: CardRoom
  specialties: Specialty[]
  onPosted: (card: PostCardData) => void
}

const VISIBILITIES = [
  { value: 'public', label: 'Anyone' },
  { value: 'members', label: 'Members' },
  { value: 'verified', label: 'Verified doctors' },
  { value: 'premium', label: 'Premium members' },
] as const
const MAX_TEXT = 10_000

type Preview = { url: string; state: 'loading' | 'ready' | 'failed'; link?: CardLink }
type Mode = 'publish' | 'draft' | 'schedule'

/** "2026-05-01T09:30" for a datetime-local input, in the browser's time zone. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)

/**
 * Writing a post: text, images (uploaded to the media library when posting), a previewed link or a
 * video, audience, room, specialties and tags; publish now, keep as a draft, or schedule.
 */
export function Composer({ me, rooms = [], room: fixedRoom, specialties, onPosted }: ComposerProps) {
  const id = useId()
  const textRef = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState('')
  const [images, setImages] = useState<PickedImage[]>([])
  const [preview, setPreview] = useState<Preview | null>(null)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [visibility, setVisibility] = useState<string>('members')
  const [roomId, setRoomId] = useState<number | null>(fixedRoom?.id ?? null)
  const [chosen, setChosen] = useState<number[]>([])
  const [tags, setTags] = useState<string[]>([])
  const [when, setWhen] = useState('')
  const [busy, setBusy] = useState<Mode | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<{ message: string; href?: string } | null>(null)

  const url = firstUrl(text)
  const video = url && url !== dismissed ? videoEmbed(url) : null
  const linkUrl = url && url !== dismissed && !video && !images.length ? url : null

  // The link's preview, read by the server once typing pauses.
  useEffect(() => {
    if (!linkUrl) return setPreview(null)
    if (preview?.url === linkUrl) return
    let stale = false
    const timer = setTimeout(async () => {
      setPreview({ url: linkUrl, state: 'loading' })
      const res = await api<CardLink>('/api/posts/link-preview', { json: { url: linkUrl } })
      if (stale) return
      setPreview(res.ok && res.data ? { url: linkUrl, state: 'ready', link: { ...res.data, url: linkUrl } } : { url: linkUrl, state: 'failed' })
    }, 600)
    return () => {
      stale = true
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkUrl])

  function kindOf(): Post['kind'] {
    if (images.length > 1) return 'gallery'
    if (images.length === 1) return 'image'
    if (video) return 'video'
    if (linkUrl) return 'link'
    return 'text'
  }

  /** Uploads the images not yet uploaded; keeps the ids so that a retry does not upload twice. */
  async function upload(): Promise<Media[] | null> {
    const out: Media[] = []
    let current = images
    for (const img of images) {
      if (img.mediaId !== undefined) {
        out.push({ id: img.mediaId } as Media)
        continue
      }
      const body = new FormData()
      body.append('file', img.file)
      body.append('_payload', JSON.stringify({ alt: img.alt.trim() || null }))
      const res = await api<{ doc?: Media }>('/api/media', { method: 'POST', body })
      if (!res.ok || !res.data?.doc) {
        setErrors([`${img.file.name}: ${res.messages[0] ?? Object.values(res.fieldErrors)[0] ?? 'the image could not be uploaded.'}`])
        return null
      }
      const media = res.data.doc
      out.push(media)
      current = current.map((x) => (x.key === img.key ? { ...x, mediaId: Number(media.id) } : x))
      setImages(current)
    }
    return out
  }

  async function submit(mode: Mode) {
    setErrors([])
    setFieldErrors({})
    setDone(null)
    const kind = kindOf()
    if (!text.trim() && !images.length) {
      setFieldErrors({ body: 'Write something or add an image.' })
      return textRef.current?.focus()
    }
    let publishAt: Date | null = null
    if (mode === 'schedule') {
      publishAt = when ? new Date(when) : null
      if (!publishAt || Number.isNaN(publishAt.getTime()) || publishAt.getTime() < Date.now() + 60_000) {
        return setFieldErrors({ publishAt: 'Choose a time at least a minute from now.' })
      }
    }
    setBusy(mode)
    const media = await upload()
    if (!media) return setBusy(null)
    const room = fixedRoom ?? rooms.find((r) => r.id === roomId) ?? null
    const data = {
      kind,
      ...(text.trim() ? { body: textToLexical(text) } : {}),
      ...(media.length ? { media: media.map((m) => m.id) } : {}),
      ...(kind === 'video' ? { video: url } : {}),
      ...(kind === 'link' ? { link: { url: linkUrl } } : {}),
      visibility,
      room: room?.id ?? null,
      specialties: chosen,
      tags,
      _status: mode === 'publish' ? 'published' : 'draft',
    }
    const res = await api<{ doc: Post }>('/api/posts?depth=1', { json: data })
    if (!res.ok || !res.data?.doc) {
      setBusy(null)
      setErrors(res.messages)
      setFieldErrors(res.fieldErrors)
      return
    }
    const doc = res.data.doc
    if (mode === 'schedule') {
      const scheduled = await api(`/api/posts/${doc.id}/schedule`, { json: { publishAt: publishAt!.toISOString() } })
      if (!scheduled.ok) {
        setBusy(null)
        reset()
        setErrors([`Your post is saved as a draft, but it could not be scheduled: ${scheduled.messages[0] ?? Object.values(scheduled.fieldErrors)[0] ?? 'try again from the draft.'}`])
        setDone({ message: 'Open the draft', href: `/posts/${doc.id}` })
        return
      }
    }
    setBusy(null)
    reset()
    if (mode === 'publish') {
      const names = new Map(specialties.map((s) => [s.id, s.name]))
      onPosted(ownCard(doc, me, { room, specialties: chosen.map((s) => names.get(s) ?? '').filter(Boolean) }))
      setDone({ message: 'Your post is live.' })
    } else if (mode === 'draft') setDone({ message: 'Draft saved. Only you can see it.', href: `/posts/${doc.id}` })
    else setDone({ message: `Scheduled for ${publishAt!.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.`, href: `/posts/${doc.id}` })
    textRef.current?.focus()
  }

  function reset() {
    setText('')
    setImages([])
    setPreview(null)
    setDismissed(null)
    setChosen([])
    setTags([])
    setWhen('')
  }

  const bodyError = fieldErrors.body ?? fieldErrors.text
  const mediaError = fieldErrors.media
  const linkError = fieldErrors['link.url'] ?? fieldErrors.video
  const otherErrors = [
    ...errors,
    ...Object.entries(fieldErrors)
      .filter(([k]) => !['body', 'text', 'media', 'link.url', 'video', 'publishAt', 'specialties', 'tags'].includes(k))
      .map(([, v]) => v),
  ]

  return (
    <form
      className={`card ${styles.composer}`}
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        void submit('publish')
      }}
    >
      <h2 id={`${id}-title`} className="visually-hidden">
        {fixedRoom ? `Post in ${fixedRoom.name}` : 'Write a post'}
      </h2>
      <div className={styles.composerHead}>
        <Avatar name={me.name} src={me.avatarUrl} size={44} />
        <div className={`field ${styles.composerText}`}>
          <label htmlFor={`${id}-text`} className="visually-hidden">
            Post text
          </label>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className="textarea"
            placeholder={fixedRoom ? `Share with ${fixedRoom.name}…` : 'Share a case, a paper or a question with colleagues…'}
            maxLength={MAX_TEXT}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? `${id}-text-error` : undefined}
          />
          {bodyError ? (
            <p className="field__error" id={`${id}-text-error`}>
              {bodyError}
            </p>
          ) : null}
          {text.length > MAX_TEXT - 500 ? <span className={styles.counter}>{MAX_TEXT - text.length} characters left</span> : null}
        </div>
      </div>

      <ImagePreviews images={images} onChange={setImages} disabled={busy !== null} />
      {mediaError ? <p className="field__error">{mediaError}</p> : null}

      {video ? (
        <div className={styles.linkPreview}>
          <div>
            <PostVideo url={url} title="Preview of the video in your post" />
          </div>
          <button type="button" className={styles.previewRemove} onClick={() => setDismissed(url)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Do not embed this video</span>
          </button>
        </div>
      ) : preview ? (
        <div className={styles.linkPreview} aria-live="polite">
          <div>
            {preview.state === 'loading' ? (
              <p className="muted">Reading the link…</p>
            ) : preview.state === 'ready' ? (
              <LinkCard link={preview.link ?? null} />
            ) : (
              <p className="muted">No preview for this link; it will be posted as a link.</p>
            )}
          </div>
          <button type="button" className={styles.previewRemove} onClick={() => setDismissed(preview.url)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Remove the link preview</span>
          </button>
        </div>
      ) : null}
      {linkError ? <p className="field__error">{linkError}</p> : null}

      <div className={styles.options}>
        <div className="field">
          <label htmlFor={`${id}-visibility`}>Who can see it</label>
          <select id={`${id}-visibility`} className="select" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            {VISIBILITIES.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        {fixedRoom ? null : (
          <div className="field">
            <label htmlFor={`${id}-room`}>Room</label>
            <select id={`${id}-room`} className="select" value={roomId ?? ''} onChange={(e) => setRoomId(e.target.value ? Number(e.target.value) : null)} aria-describedby={rooms.length ? undefined : `${id}-room-hint`}>
              <option value="">Your followers (no room)</option>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            {rooms.length ? null : (
              <p className="field__hint" id={`${id}-room-hint`}>
                <a href="/rooms">Join rooms</a> to post in them.
              </p>
            )}
            {fieldErrors.room ? <p className="field__error">{fieldErrors.room}</p> : null}
          </div>
        )}
      </div>

      <details className={styles.details} open={chosen.length > 0 || tags.length > 0 ? true : undefined}>
        <summary>Specialties and tags</summary>
        <TopicPicker specialties={specialties} chosen={chosen} onSpecialties={setChosen} tags={tags} onTags={setTags} error={fieldErrors.specialties ?? fieldErrors.tags} />
      </details>

      <details className={styles.details}>
        <summary>Schedule for later</summary>
        <div className={styles.schedule}>
          <div className="field">
            <label htmlFor={`${id}-when`}>Publish at</label>
            <input
              id={`${id}-when`}
              type="datetime-local"
              className="input"
              value={when}
              min={localInput(new Date())}
              onChange={(e) => setWhen(e.target.value)}
              aria-invalid={fieldErrors.publishAt ? true : undefined}
              aria-describedby={fieldErrors.publishAt ? `${id}-when-error` : undefined}
            />
            {fieldErrors.publishAt ? (
              <p className="field__error" id={`${id}-when-error`}>
                {fieldErrors.publishAt}
              </p>
            ) : null}
          </div>
          <button type="button" className="button button--quiet" disabled={busy !== null} onClick={() => submit('schedule')}>
            {busy === 'schedule' ? 'Scheduling…' : 'Schedule'}
          </button>
        </div>
      </details>

      <FormAlert>{otherErrors.length ? <Messages messages={otherErrors} /> : null}</FormAlert>
      <FormAlert tone="ok">
        {done ? (
          <>
            {done.message}
            {done.href ? (
              <>
                {' '}
                <a href={done.href}>Open it</a>
              </>
            ) : null}
          </>
        ) : null}
      </FormAlert>

      <div className={styles.composerBar}>
        <div className={styles.composerTools}>
          <span className={`button button--quiet button--small file-button${busy ? ' is-busy' : ''}`}>
            <ImageIcon />
            <label htmlFor={`${id}-images`}>Add images</label>
            <input
              id={`${id}-images`}
              type="file"
              accept={IMAGE_TYPES}
              multiple
              disabled={busy !== null}
              onChange={(e) => {
                const added = addFiles(images, e.currentTarget.files)
                e.currentTarget.value = ''
                setImages(added.images)
                setErrors(added.problem ? [added.problem] : [])
              }}
            />
          </span>
        </div>
        <div className={styles.composerSubmit}>
          <button type="button" className="button button--quiet" disabled={busy !== null} onClick={() => submit('draft')}>
            {busy === 'draft' ? 'Saving…' : 'Save draft'}
          </button>
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'publish' ? 'Posting…' : 'Post'}
          </button>
        </div>
      </div>
    </form>
  )
}
