'use client'

import { useState } from 'react'

import type { CourseCard as Card } from '@/domain/learning/catalogue'
import { api } from '@/components/forms/api'
import { CourseCard } from './CourseCard'
import styles from './catalogue.module.css'

type Props = { filters: Record<string, string>; before: number }

/** Further catalogue pages by keyset, appended below the first. */
export function ShowMore({ filters, before: first }: Props) {
  const [courses, setCourses] = useState<Card[]>([])
  const [before, setBefore] = useState<number | null>(first)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState('')

  async function more() {
    if (!before) return
    setLoading(true)
    setFailure('')
    const params = new URLSearchParams({ ...filters, before: String(before) })
    const res = await api<{ courses: Card[]; nextBefore: number | null }>(`/api/courses/catalogue?${params}`)
    setLoading(false)
    if (!res.ok || !res.data) return setFailure(res.messages[0] ?? 'More courses could not be loaded.')
    const page = res.data
    setCourses((current) => [...current, ...page.courses])
    setBefore(page.nextBefore)
  }

  return (
    <>
      {courses.length ? (
        <ul className={styles.grid} aria-label="More courses">
          {courses.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.more} aria-live="polite">
        {failure ? (
          <p className="alert alert--error" role="alert">
            {failure}
          </p>
        ) : null}
        {before ? (
          <button type="button" className="button button--quiet" onClick={more} disabled={loading} aria-busy={loading}>
            {loading ? 'Loading…' : 'Show more courses'}
          </button>
        ) : courses.length ? (
          <p className="muted">That is every course.</p>
        ) : null}
      </div>
    </>
  )
}
