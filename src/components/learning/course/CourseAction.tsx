'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { api } from '@/components/forms/api'
import styles from './course.module.css'

export type ActionState =
  | { kind: 'guest' }
  | { kind: 'enrolled'; continueHref: string | null; progress: number }
  | { kind: 'completed'; continueHref: string | null }
  | { kind: 'enrol'; label: string }
  | { kind: 'premium' }
  | { kind: 'buy'; price: string | null }
  | { kind: 'prerequisites' }

type Props = { courseId: number; slug: string; title: string; state: ActionState }

/** The course's one action for this viewer: enrol, continue, leave, or what stands in the way. */
export function CourseAction({ courseId, slug, title, state }: Props) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)

  async function call(action: 'enroll' | 'unenroll') {
    setBusy(true)
    setError('')
    const res = await api(`/api/courses/${courseId}/${action}`, { method: 'POST' })
    setBusy(false)
    setConfirming(false)
    if (!res.ok) return setError(res.messages[0] ?? 'That did not work. Try again.')
    router.refresh()
  }

  const problem = error ? (
    <p className="alert alert--error" role="alert">
      {error}
    </p>
  ) : null

  switch (state.kind) {
    case 'guest':
      return (
        <div className={styles.action}>
          <Link className="button" href={`/login?next=${encodeURIComponent(`/learn/${slug}`)}`}>
            Log in to enrol
          </Link>
        </div>
      )
    case 'completed':
      return (
        <div className={styles.action}>
          <p className={styles.done}>You completed this course.</p>
          {state.continueHref ? (
            <Link className="button button--quiet" href={state.continueHref}>
              Review the lessons
            </Link>
          ) : null}
        </div>
      )
    case 'enrolled':
      return (
        <div className={styles.action}>
          {state.continueHref ? (
            <Link className="button" href={state.continueHref}>
              {state.progress > 0 ? 'Continue' : 'Start the course'}
            </Link>
          ) : null}
          {confirming ? (
            <span className={styles.confirm}>
              <span>Leave {title}? Your progress is kept if you come back.</span>
              <button type="button" className="button button--danger button--small" onClick={() => call('unenroll')} disabled={busy} aria-busy={busy}>
                Leave the course
              </button>
              <button type="button" className="button button--plain button--small" onClick={() => setConfirming(false)} disabled={busy}>
                Stay
              </button>
            </span>
          ) : (
            <button type="button" className="button button--plain button--small" onClick={() => setConfirming(true)}>
              Unenrol
            </button>
          )}
          {problem}
        </div>
      )
    case 'enrol':
      return (
        <div className={styles.action}>
          <button type="button" className="button" onClick={() => call('enroll')} disabled={busy} aria-busy={busy}>
            {busy ? 'Enrolling…' : state.label}
          </button>
          {problem}
        </div>
      )
    case 'premium':
      return (
        <div className={styles.action}>
          <span className="badge badge--pending">Included with Premium</span>
          <p className="muted">Members of the Premium and Pro tiers take this course at no extra cost.</p>
          <Link className="button button--quiet" href="/settings">
            See membership
          </Link>
        </div>
      )
    case 'buy':
      return (
        <div className={styles.action}>
          {state.price ? <span className={styles.price}>{state.price}</span> : null}
          <button type="button" className="button" disabled>
            Purchase coming soon
          </button>
          <p className="muted">Until payments open, staff can grant you access to this course.</p>
        </div>
      )
    case 'prerequisites':
      return (
        <div className={styles.action}>
          <button type="button" className="button" disabled>
            Enrol
          </button>
          <p className="muted">Complete the prerequisites listed below first.</p>
        </div>
      )
  }
}
