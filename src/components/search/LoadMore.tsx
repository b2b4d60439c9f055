'use client'

import { useState } from 'react'

import type { SearchHit, SearchResult } from '@/domain/search/types'
import type { SearchType } from '@/domain/search/input'
import { SearchResultItem } from './Hits'
import styles from './search.module.css'

type Props = { q: string; type: SearchType; specialty?: number; cursor: string }

/** Further pages of one section, fetched by cursor and appended below the first page. */
export function LoadMore({ q, type, specialty, cursor: first }: Props) {
  const [hits, setHits] = useState<SearchHit[]>([])
  const [cursor, setCursor] = useState<string | null>(first)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function more() {
    if (!cursor) return
    setLoading(true)
    setFailure(null)
    const params = new URLSearchParams({ q, type, cursor })
    if (specialty) params.set('specialty', String(specialty))
    try {
      const res = await fetch(`/api/search?${params}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      const body = (await res.json().catch(() => null)) as (SearchResult & { errors?: { message: string }[] }) | null
      if (!res.ok || !body?.sections) throw new Error(body?.errors?.[0]?.message ?? 'The next results could not be loaded.')
      const section = body.sections[0]!
      setHits((current) => [...current, ...section.hits])
      setCursor(section.nextCursor)
    } catch (err) {
      setFailure(err instanceof Error ? err.message : 'The next results could not be loaded.')
    } finally {
      setLoading(false)
    }
  }

  return (
    <>
      {hits.length ? (
        <ol className={styles.results} aria-label="More results">
          {hits.map((hit) => (
            <li key={`${hit.type}-${hit.id}`}>
              <SearchResultItem hit={hit} q={q} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className={styles.more} aria-live="polite">
        {failure ? (
          <p className="alert alert--error" role="alert">
            {failure}
          </p>
        ) : null}
        {cursor ? (
          <button type="button" className="button button--quiet" onClick={more} disabled={loading} aria-busy={loading}>
            {loading ? 'Loading…' : 'Load more'}
          </button>
        ) : hits.length ? (
          <p className="muted">That is everything.</p>
        ) : null}
      </div>
    </>
  )
}
