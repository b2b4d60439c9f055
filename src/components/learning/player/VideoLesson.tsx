'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import styles from './player.module.css'

type Props = {
  lessonId: number
  src: string
  /** Seconds to resume at. */
  startAt: number
  /** The lesson's stated length, when known (recorded WebM files often carry none). */
  duration: number | null
  /** Whether progress is kept (an enrolled learner); previews just play. */
  record: boolean
  initialFraction: number
  completed: boolean
}

const BEAT_MS = 10_000

/**
 * An HTML5 video that reports what was really played: while it plays, the watched stretch grows with the
 * playhead; a seek or a pause closes it. The stretches go to the server every 10 s and on pause, end and
 * leaving the page (keepalive), which keeps the position to resume at.
 */
export function VideoLesson({ lessonId, src: initialSrc, startAt, duration, record, initialFraction, completed: initiallyCompleted }: Props) {
  const video = useRef<HTMLVideoElement>(null)
  const pending = useRef<[number, number][]>([])
  const open = useRef<[number, number] | null>(null)
  const lastTime = useRef(0)
  const resumeAt = useRef(startAt)
  const [src, setSrc] = useState(initialSrc)
  const [fraction, setFraction] = useState(initialFraction)
  const [completed, setCompleted] = useState(initiallyCompleted)
  const [problem, setProblem] = useState<string | null>(null)

  const closeStretch = () => {
    if (open.current && open.current[1] > open.current[0]) pending.current.push(open.current)
    open.current = null
  }

  const send = useCallback(
    (keepalive = false) => {
      if (!record) return
      const el = video.current
      closeStretch()
      const intervals = pending.current.splice(0)
      const position = el ? el.currentTime : undefined
      const reported = el && Number.isFinite(el.duration) ? el.duration : undefined
      if (el && !el.paused && !el.ended) open.current = [el.currentTime, el.currentTime]
      const body = JSON.stringify({ intervals, position, ...(duration ? {} : reported ? { duration: reported } : {}) })
      void fetch(`/api/lessons/${lessonId}/heartbeat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive, credentials: 'same-origin' })
        .then(async (res) => {
          if (!res.ok) {
            // What was not recorded is sent again with the next beat.
            if (res.status >= 500 || res.status === 429) pending.current.unshift(...intervals)
            return
          }
          const data = (await res.json()) as { fraction: number; status: string }
          setFraction(data.fraction)
          setCompleted(data.status === 'completed')
        })
        .catch(() => pending.current.unshift(...intervals))
    },
    [lessonId, record, duration],
  )

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (pending.current.length || open.current) send()
    }, BEAT_MS)
    const leave = () => send(true)
    window.addEventListener('pagehide', leave)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('pagehide', leave)
    }
  }, [send])

  const onTimeUpdate = () => {
    const el = video.current
    if (!el) return
    const now = el.currentTime
    const step = now - lastTime.current
    // A small forward step while playing is watching; anything else (a seek) starts a new stretch.
    if (!el.paused && open.current && step >= 0 && step <= 2 * Math.max(1, el.playbackRate)) open.current[1] = now
    else if (!el.paused) {
      closeStretch()
      open.current = [now, now]
    }
    lastTime.current = now
    resumeAt.current = now
  }

  const onLoaded = () => {
    const el = video.current
    if (el && resumeAt.current > 0 && resumeAt.current < (duration ?? (Number.isFinite(el.duration) ? el.duration : Infinity)) - 2) {
      el.currentTime = resumeAt.current
    }
    if (el) lastTime.current = el.currentTime
  }

  // The signed URL lasts 10 minutes; a later range request fails, so fetch a fresh one and carry on.
  const onError = async () => {
    const res = await fetch(`/api/lessons/${lessonId}/media`, { credentials: 'same-origin' }).catch(() => null)
    if (!res?.ok) {
      setProblem('The video could not be loaded. Reload the page to try again.')
      return
    }
    const { url } = (await res.json()) as { url: string }
    if (url !== src) setSrc(url)
    else setProblem('The video could not be loaded.')
  }

  return (
    <div className={styles.video}>
      <video
        ref={video}
        src={src}
        controls
        playsInline
        preload="metadata"
        controlsList="nodownload"
        onLoadedMetadata={onLoaded}
        onTimeUpdate={onTimeUpdate}
        onPlay={() => {
          lastTime.current = video.current?.currentTime ?? 0
          open.current = [lastTime.current, lastTime.current]
        }}
        onSeeking={closeStretch}
        onPause={() => send()}
        onEnded={() => send()}
        onError={onError}
      />
      {problem && <p className={styles.problem}>{problem}</p>}
      {record ? (
        <p className={styles.status} aria-live="polite">
          {completed ? 'Completed. ' : ''}Watched {Math.round(fraction * 100)}% — the lesson counts as done at 90% watched.
        </p>
      ) : (
        <p className={styles.status}>Preview: your progress is not recorded.</p>
      )}
    </div>
  )
}
