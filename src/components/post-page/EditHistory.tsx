'use client'

import { useState } from 'react'

import type { PostVersion } from '@/domain/social/postHistory'
import { api } from '../forms/api'
import styles from './post-page.module.css'
import { RelativeTime } from './RelativeTime'

type Page = { docs: PostVersion[]; nextCursor: string | null }

/**
 * "Edited <time>" and, on demand, the versions readers saw before (GET /api/posts/:id/history), newest
 * first, the current one marked.
 */
export function EditHistory({ postId, editedAt }: { postId: number; editedAt: string }) {
  const [versions, setVersions] = useState<PostVersion[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)

  async function load(before?: string) {
    setLoading(true)
    setError('')
    const res = await api<Page>(`/api/posts/${postId}/history?limit=10${before ? `&before=${before}` : ''}`)
    setLoading(false)
    if (!res.ok || !res.data) return setError(res.messages[0] ?? 'The history could not be loaded.')
    setVersions((v) => [...(before ? (v ?? []) : []), ...res.data!.docs])
    setNext(res.data.nextCursor)
  }

  return (
    <details
      className={styles.history}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && versions === null && !loading) void load()
      }}
    >
      <summary>
        <span className={styles.edited}>
          <RelativeTime iso={editedAt} prefix="Edited " />
        </span>
        <span className={styles.historyToggle}>View history</span>
      </summary>
      <div className={styles.historyBody} aria-busy={loading}>
        {loading && versions === null ? <p className="muted">Loading the history…</p> : null}
        {error ? (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        ) : null}
        {versions ? (
          <ol className={styles.versions} aria-label="Published versions, newest first">
            {versions.map((v, i) => (
              <li key={v.id} className={styles.version}>
                <p className={styles.versionHead}>
                  <strong>{v.current ? 'Current version' : i === versions.length - 1 && !next ? 'Original' : 'Earlier version'}</strong>
                  {' · '}
                  <RelativeTime iso={v.publishedAt} />
                </p>
                {v.title ? <p className={styles.versionTitle}>{v.title}</p> : null}
                <p className={styles.versionText}>{v.text || <span className="muted">(no text)</span>}</p>
              </li>
            ))}
          </ol>
        ) : null}
        {next ? (
          <button type="button" className="button button--quiet button--small" onClick={() => load(next)} disabled={loading}>
            Show earlier versions
          </button>
        ) : null}
      </div>
    </details>
  )
}
