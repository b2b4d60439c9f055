'use client'

import { useState } from 'react'

import { api } from '@/components/forms/api'
import type { Enrollee } from '@/domain/learning/teaching'
import { shortDate } from '../catalogue/format'
import styles from './course.module.css'

type Page = { enrollees: Enrollee[]; nextCursor: string | null }

const STATUS: Record<string, string> = { active: 'Active', completed: 'Completed', cancelled: 'Left' }

/** A course's learners, newest first, loaded when opened and then page by page (keyset). */
export function Enrollees({ courseId, title }: { courseId: number; title: string }) {
  const [rows, setRows] = useState<Enrollee[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState('')

  async function load(next: string | null) {
    setLoading(true)
    setFailure('')
    const params = new URLSearchParams({ limit: '20' })
    if (next) params.set('cursor', next)
    const res = await api<Page>(`/api/courses/${courseId}/enrollees?${params}`)
    setLoading(false)
    if (!res.ok || !res.data) return setFailure(res.messages[0] ?? 'The learners could not be loaded.')
    const page = res.data
    setRows((current) => [...current, ...page.enrollees])
    setCursor(page.nextCursor)
    setLoaded(true)
  }

  return (
    <details
      className={styles.details}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && !loaded && !loading) void load(null)
      }}
    >
      <summary>
        Recent learners<span className="visually-hidden"> of {title}</span>
      </summary>
      {failure ? (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      ) : null}
      {loaded && !rows.length ? <p className="muted">Nobody has enrolled yet.</p> : null}
      {rows.length ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Enrolled</th>
                <th scope="col">Progress</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.enrollment}>
                  <td>{row.user.handle ? <a href={`/doctors/${row.user.handle}`}>{[row.user.honorific, row.user.name].filter(Boolean).join(' ')}</a> : [row.user.honorific, row.user.name].filter(Boolean).join(' ')}</td>
                  <td>{shortDate(row.enrolledAt)}</td>
                  <td>{Math.round(row.progress)}%</td>
                  <td>{STATUS[row.status] ?? row.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <p className="muted">Loading…</p> : null}
      {cursor && !loading ? (
        <button type="button" className="button button--quiet button--small" onClick={() => load(cursor)}>
          Show more learners
        </button>
      ) : null}
    </details>
  )
}
