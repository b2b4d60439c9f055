'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** Re-opens the course (POST /api/certificates/recertify/:courseId), then takes the learner to it. */
export function RecertifyButton({ courseId, courseHref }: { courseId: number; courseHref: string | null }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const start = async () => {
    setBusy(true)
    setProblem(null)
    try {
      const res = await fetch(`/api/certificates/recertify/${courseId}`, { method: 'POST', credentials: 'include' })
      if (!res.ok) {
        const body = await res.json().catch(() => null)
        setProblem(body?.errors?.[0]?.message ?? 'Could not start recertification. Try again.')
        return
      }
      if (courseHref) router.push(courseHref)
      else router.refresh()
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" className="button button--small" onClick={start} disabled={busy} aria-disabled={busy}>
        {busy ? 'Starting…' : 'Recertify'}
      </button>
      {problem ? (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  )
}
