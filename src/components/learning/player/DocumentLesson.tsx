'use client'

import { useEffect, useRef, useState } from 'react'

import styles from './player.module.css'

type Props = { lessonId: number; src: string; expiresAt: string; pageCount: number | null; startPage: number; viewed: number[]; record: boolean }

/**
 * The PDF in the browser's own viewer, with a pager under it. The site cannot see which page the built-in
 * viewer shows, so the pager is what counts: each page reached with it is reported as viewed, and the
 * viewer is moved to that page (#page=N, which Chromium and Firefox follow).
 */
export function DocumentLesson({ lessonId, src: initialSrc, expiresAt, pageCount, startPage, viewed: initiallyViewed, record }: Props) {
  const [media, setMedia] = useState({ src: initialSrc, expires: Date.parse(expiresAt) })
  const src = media.src
  const [page, setPage] = useState(Math.min(Math.max(1, startPage), pageCount ?? 1))
  const [viewed, setViewed] = useState(() => new Set(initiallyViewed))
  const [problem, setProblem] = useState<string | null>(null)
  const reported = useRef(new Set<number>())

  useEffect(() => {
    if (!record || !pageCount || reported.current.has(page)) return
    reported.current.add(page)
    void fetch(`/api/lessons/${lessonId}/pages-viewed`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pages: [page] }),
      credentials: 'same-origin',
    })
      .then(async (res) => {
        if (!res.ok) {
          reported.current.delete(page)
          setProblem('Your progress could not be saved just now.')
          return
        }
        const data = (await res.json()) as { pages: number[] }
        setProblem(null)
        setViewed(new Set(data.pages))
      })
      .catch(() => reported.current.delete(page))
  }, [page, record, pageCount, lessonId])

  // The signed URL lasts 10 minutes: a page change after that loads the viewer from a fresh one.
  const go = async (to: number) => {
    if (Date.now() > media.expires - 30_000) {
      const res = await fetch(`/api/lessons/${lessonId}/media`, { credentials: 'same-origin' }).catch(() => null)
      if (res?.ok) {
        const fresh = (await res.json()) as { url: string; expiresAt: string }
        setMedia({ src: fresh.url, expires: Date.parse(fresh.expiresAt) })
      }
    }
    setPage(to)
  }

  const done = pageCount ? viewed.size >= pageCount : false
  return (
    <div className={styles.document}>
      <iframe key={`${page}:${src}`} className={styles.pdf} src={`${src}#page=${page}`} title="Lesson document" />
      {pageCount ? (
        <nav className={styles.pager} aria-label="Document pages">
          <button type="button" className="button button--quiet button--small" disabled={page <= 1} onClick={() => void go(page - 1)}>
            Previous page
          </button>
          <span>
            Page {page} of {pageCount}
          </span>
          <button type="button" className="button button--small" disabled={page >= pageCount} onClick={() => void go(page + 1)}>
            Next page
          </button>
        </nav>
      ) : null}
      <p className={styles.status} aria-live="polite">
        {record
          ? pageCount
            ? `${done ? 'Completed. ' : ''}Pages viewed: ${viewed.size} of ${pageCount}. Use “Next page” to move through the document; pages count as viewed when you reach them here.`
            : 'This document has no page count, so pages viewed are not recorded.'
          : 'Preview: your progress is not recorded.'}
      </p>
      {problem && <p className={styles.problem}>{problem}</p>}
      <p className={styles.hint}>
        <a href={src} target="_blank" rel="noopener">
          Open the PDF in a new tab
        </a>{' '}
        (the link works for 10 minutes).
      </p>
    </div>
  )
}
