'use client'

import { useEffect, useRef, useState } from 'react'

import styles from './player.module.css'

/**
 * The end of a text lesson. Reaching it (this block scrolled into view) marks the lesson read; the button
 * does the same for readers whose screen already shows the whole text.
 */
export function ReadToEnd({ lessonId, completed: initiallyCompleted, record }: { lessonId: number; completed: boolean; record: boolean }) {
  const end = useRef<HTMLDivElement>(null)
  const [completed, setCompleted] = useState(initiallyCompleted)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const sent = useRef(initiallyCompleted)

  const markRead = async () => {
    if (sent.current || !record) return
    sent.current = true
    setBusy(true)
    const res = await fetch(`/api/lessons/${lessonId}/read`, { method: 'POST', credentials: 'same-origin' }).catch(() => null)
    setBusy(false)
    if (res?.ok) {
      setCompleted(true)
      setProblem(null)
    } else {
      sent.current = false
      setProblem('Could not save that you read this lesson. Try the button again.')
    }
  }

  useEffect(() => {
    const el = end.current
    if (!el || !record || sent.current || typeof IntersectionObserver === 'undefined') return
    // Only once the page has been on screen a moment, so that a short text is not "read" on arrival.
    let timer: number | undefined
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) timer = window.setTimeout(() => void markRead(), 3000)
      else window.clearTimeout(timer)
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      window.clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record])

  if (!record) return <p className={styles.status}>Preview: your progress is not recorded.</p>
  return (
    <div ref={end} className={styles.readEnd}>
      {completed ? (
        <p className={styles.done}>✓ You read this lesson.</p>
      ) : (
        <button type="button" className="button" onClick={() => void markRead()} disabled={busy}>
          Mark as read
        </button>
      )}
      {problem && <p className={styles.problem}>{problem}</p>}
    </div>
  )
}
