'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState, type ChangeEvent } from 'react'

import { mediaUrl } from '@/lib/media'
import type { Media } from '../../../payload-types'
import { api } from '../forms/api'
import { FormAlert } from '../forms/FormAlert'
import { Avatar } from '../site/Avatar'

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif'
const MAX_BYTES = 10 * 1024 * 1024

/** Uploads a photo to the media library, then points the member's avatar at it. */
export function AvatarUpload({ userId, name, initialUrl }: { userId: number; name: string; initialUrl: string | null }) {
  const router = useRouter()
  const [url, setUrl] = useState<string | null>(initialUrl)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  // Object URLs of local previews are released when replaced.
  useEffect(() => () => void (url?.startsWith('blob:') && URL.revokeObjectURL(url)), [url])

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setStatus(null)
    setError(null)
    if (!file.type.startsWith('image/')) return setError('Choose an image: JPEG, PNG, WebP, GIF or AVIF.')
    if (file.size > MAX_BYTES) return setError('The photo is larger than 10 MB.')
    const previous = url
    setUrl(URL.createObjectURL(file))
    setBusy(true)
    const body = new FormData()
    body.append('file', file)
    body.append('_payload', JSON.stringify({ alt: `Portrait of ${name}` }))
    const uploaded = await api<{ doc?: Media }>('/api/media', { method: 'POST', body })
    const media = uploaded.data?.doc
    if (!uploaded.ok || !media) {
      setBusy(false)
      setUrl(previous)
      return setError(uploaded.messages[0] ?? 'The photo could not be uploaded.')
    }
    const saved = await api(`/api/users/${userId}`, { method: 'PATCH', json: { avatar: media.id } })
    setBusy(false)
    if (!saved.ok) {
      setUrl(previous)
      return setError(saved.messages[0] ?? 'The photo could not be saved to your profile.')
    }
    setUrl(mediaUrl(media, 'card'))
    setStatus('Photo updated.')
    router.refresh()
  }

  async function remove() {
    setStatus(null)
    setError(null)
    setBusy(true)
    const saved = await api(`/api/users/${userId}`, { method: 'PATCH', json: { avatar: null } })
    setBusy(false)
    if (!saved.ok) return setError(saved.messages[0] ?? 'The photo could not be removed.')
    setUrl(null)
    setStatus('Photo removed.')
    router.refresh()
  }

  return (
    <div className="avatar-editor">
      <Avatar name={name} src={url} size={128} loading="eager" />
      <div className="avatar-editor__actions">
        <span className={`button button--quiet button--small file-button${busy ? ' is-busy' : ''}`} aria-disabled={busy || undefined}>
          <label htmlFor="avatar-file">{busy ? 'Uploading…' : url ? 'Change photo' : 'Add a photo'}</label>
          <input id="avatar-file" type="file" accept={ACCEPT} onChange={onFile} disabled={busy} />
        </span>
        {url && !busy ? (
          <button type="button" className="button button--plain button--small" onClick={remove}>
            Remove
          </button>
        ) : null}
      </div>
      <p className="field__hint">JPEG, PNG, WebP, GIF or AVIF, up to 10 MB.</p>
      <FormAlert>{error}</FormAlert>
      <FormAlert tone="ok">{status}</FormAlert>
    </div>
  )
}
