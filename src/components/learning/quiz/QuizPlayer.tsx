'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'

import styles from './quiz.module.css'
import { QuizResult } from './QuizResult'
import type { Answer, Answers, OpenAttempt, QuizSummary, Result } from './types'

type View = { kind: 'loading' } | { kind: 'intro' } | { kind: 'playing'; attempt: OpenAttempt } | { kind: 'result'; result: Result } | { kind: 'error'; message: string }

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T & { errors?: { message: string }[] } }> {
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, data: await res.json().catch(() => ({})) }
}

const errorOf = (data: { errors?: { message: string }[] }, fallback: string) => data.errors?.[0]?.message ?? fallback

const formatTime = (seconds: number) => {
  const s = Math.max(0, Math.ceil(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/**
 * The quiz of a lesson: the intro (pass mark, time limit, attempts left), the questions of an attempt
 * with a countdown kept by the server's deadline, answers saved as they change, the result, the review
 * when the quiz allows it, and "Try again" while attempts remain.
 */
export function QuizPlayer({ quizId, lessonId }: { quizId: number; lessonId: number }) {
  const router = useRouter()
  const [summary, setSummary] = useState<QuizSummary | null>(null)
  const [view, setView] = useState<View>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  const loadSummary = useCallback(async () => {
    const { status, data } = await call<QuizSummary>('GET', `/quizzes/${quizId}/summary`)
    if (status !== 200) {
      setView({ kind: 'error', message: status === 401 ? 'Sign in to take this quiz.' : errorOf(data, 'This quiz is not available.') })
      return null
    }
    setSummary(data)
    return data
  }, [quizId])

  useEffect(() => {
    void loadSummary().then((s) => s && setView({ kind: 'intro' }))
  }, [loadSummary])

  const start = async () => {
    setBusy(true)
    setNotice(null)
    const { status, data } = await call<{ attempt: OpenAttempt }>('POST', `/quizzes/${quizId}/attempts`)
    setBusy(false)
    if (status !== 200) return setNotice(errorOf(data, 'The quiz could not start.'))
    setView({ kind: 'playing', attempt: data.attempt })
  }

  const finished = async (result: Result) => {
    setView({ kind: 'result', result })
    await loadSummary()
    router.refresh()
  }

  const showResult = async (attemptId: number) => {
    const { status, data } = await call<Result>('GET', `/quiz-attempts/${attemptId}/result`)
    if (status === 200 && data.status === 'submitted') setView({ kind: 'result', result: data })
  }

  if (view.kind === 'loading') return <p className="muted">Loading the quiz…</p>
  if (view.kind === 'error') return <p className={styles.error}>{view.message}</p>
  if (view.kind === 'playing') return <AttemptForm attempt={view.attempt} onFinished={finished} />
  if (view.kind === 'result')
    return (
      <QuizResult
        result={view.result}
        busy={busy}
        onRetry={view.result.attemptsLeft === null || view.result.attemptsLeft > 0 ? start : undefined}
        notice={notice}
      />
    )

  if (!summary) return null
  const last = [...summary.attempts].reverse().find((a) => a.status === 'submitted')
  const canStart = summary.openAttempt !== null || summary.attemptsLeft === null || summary.attemptsLeft > 0
  return (
    <section className={`card ${styles.quiz}`} aria-labelledby={`quiz-${quizId}-title`} data-lesson={lessonId}>
      <header>
        <span className="eyebrow">Quiz</span>
        <h2 id={`quiz-${quizId}-title`}>{summary.title}</h2>
        {summary.instructions ? <p>{summary.instructions}</p> : null}
      </header>
      <ul className={styles.facts}>
        <li>
          Questions: <strong>{summary.questionCount}</strong>
        </li>
        <li>
          Pass mark: <strong>{summary.passMark}%</strong>
        </li>
        <li>
          Time limit: <strong>{summary.timeLimitSeconds ? `${Math.round(summary.timeLimitSeconds / 60)} minutes` : 'none'}</strong>
        </li>
        <li>
          Attempts left: <strong>{summary.attemptsLeft === null ? 'unlimited' : summary.attemptsLeft}</strong>
        </li>
      </ul>
      {summary.attempts.some((a) => a.status === 'submitted') ? (
        <div>
          <p>
            {summary.passed ? 'You passed this quiz.' : 'You have not passed yet.'} Best score: <strong>{summary.bestScore ?? 0}%</strong>
          </p>
          <ol className={styles.history}>
            {summary.attempts
              .filter((a) => a.status === 'submitted')
              .map((a) => (
                <li key={a.id}>
                  Attempt {a.number}: {a.score}% {a.passed ? '(passed)' : ''}
                </li>
              ))}
          </ol>
        </div>
      ) : null}
      {notice ? (
        <p className={styles.error} role="alert">
          {notice}
        </p>
      ) : null}
      <div className={styles.actions}>
        {canStart ? (
          <button type="button" className="button" onClick={start} disabled={busy}>
            {summary.openAttempt ? 'Resume the quiz' : summary.attemptsUsed ? 'Try again' : 'Start the quiz'}
          </button>
        ) : (
          <p className="muted">No attempts left.</p>
        )}
        {last ? (
          <button type="button" className="button button--quiet" onClick={() => showResult(last.id)}>
            See your last result
          </button>
        ) : null}
      </div>
    </section>
  )
}

/** One open attempt: questions, the countdown, autosave and submit. */
function AttemptForm({ attempt, onFinished }: { attempt: OpenAttempt; onFinished: (r: Result) => void }) {
  const [answers, setAnswers] = useState<Answers>(attempt.answers ?? {})
  // What is typed in number fields, kept as text so that "7." or "-" can be typed on the way to a number.
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const answersRef = useRef(answers)
  answersRef.current = answers
  const dirty = useRef<Set<string>>(new Set())
  const done = useRef(false)
  // The server's clock decides; keep the offset between it and this device.
  const deadlineAt = useRef(attempt.deadline ? Date.now() + (new Date(attempt.deadline).getTime() - new Date(attempt.serverNow).getTime()) : null)
  const [remaining, setRemaining] = useState(attempt.remainingSeconds)

  const submit = useCallback(async () => {
    if (done.current) return
    done.current = true
    setSubmitting(true)
    setError(null)
    const { status, data } = await call<Result>('POST', `/quiz-attempts/${attempt.id}/submit`, { answers: answersRef.current })
    setSubmitting(false)
    if (status === 200) return onFinished(data)
    done.current = false
    setError(errorOf(data, 'The quiz could not be submitted; try again.'))
  }, [attempt.id, onFinished])

  // Save changed answers a moment after the last change, so a reload or a lost connection keeps them.
  useEffect(() => {
    if (!dirty.current.size) return
    const timer = setTimeout(async () => {
      const changed = Object.fromEntries([...dirty.current].map((id) => [id, answersRef.current[id] ?? {}]))
      dirty.current.clear()
      const { status, data } = await call<{ result?: Result }>('PUT', `/quiz-attempts/${attempt.id}/answers`, { answers: changed })
      if (status === 409 && data.result && !done.current) {
        done.current = true
        onFinished(data.result)
      }
    }, 1200)
    return () => clearTimeout(timer)
  }, [answers, attempt.id, onFinished])

  useEffect(() => {
    if (deadlineAt.current === null) return
    const tick = () => {
      const left = (deadlineAt.current! - Date.now()) / 1000
      setRemaining(left)
      if (left <= 0) void submit()
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [submit])

  const set = (questionId: number, answer: Answer) => {
    dirty.current.add(String(questionId))
    setAnswers((prev) => ({ ...prev, [questionId]: answer }))
  }
  const answeredCount = attempt.questions.filter((q) => {
    const a = answers[q.id]
    return q.kind === 'numeric' ? typeof a?.value === 'number' : Boolean(a?.selected?.length)
  }).length

  return (
    <form
      className={styles.quiz}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      aria-label="Quiz questions"
    >
      <div className={styles.bar}>
        <span>
          {answeredCount} of {attempt.questions.length} answered
        </span>
        {remaining !== null ? (
          <span className={`${styles.timer} ${remaining < 60 ? styles.timerLow : ''}`} role="timer" aria-label={`Time left ${formatTime(remaining)}`}>
            {formatTime(remaining)}
          </span>
        ) : null}
      </div>
      {remaining !== null && remaining < 60 && remaining > 0 ? (
        <p className="visually-hidden" aria-live="polite">
          Less than a minute left.
        </p>
      ) : null}
      {attempt.questions.map((q, index) => {
        const answer = answers[q.id]
        return (
          <fieldset key={q.id} className={styles.question}>
            <legend>
              {index + 1}. {q.prompt}
              <span className={styles.points}>
                {q.points} {q.points === 1 ? 'point' : 'points'}
                {q.kind === 'multiple' ? ' · select all that apply' : ''}
              </span>
            </legend>
            {q.kind === 'numeric' ? (
              <label className={styles.numeric}>
                <span>Your answer{q.unit ? ` (${q.unit})` : ''}</span>
                <input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  value={drafts[q.id] ?? (typeof answer?.value === 'number' ? String(answer.value) : '')}
                  onChange={(e) => {
                    const text = e.target.value
                    setDrafts((prev) => ({ ...prev, [q.id]: text }))
                    const n = Number(text)
                    set(q.id, { value: text.trim() === '' || !Number.isFinite(n) ? null : n })
                  }}
                />
              </label>
            ) : (
              <div className={styles.options}>
                {q.options.map((o) => {
                  const chosen = answer?.selected?.includes(o.id) ?? false
                  return (
                    <label key={o.id} className={styles.option}>
                      <input
                        type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                        name={`q-${q.id}`}
                        value={o.id}
                        checked={chosen}
                        onChange={(e) => {
                          if (q.kind !== 'multiple') return set(q.id, { selected: [o.id] })
                          const current = new Set(answer?.selected ?? [])
                          if (e.target.checked) current.add(o.id)
                          else current.delete(o.id)
                          set(q.id, { selected: q.options.map((x) => x.id).filter((id) => current.has(id)) })
                        }}
                      />
                      <span>{o.label}</span>
                    </label>
                  )
                })}
              </div>
            )}
          </fieldset>
        )
      })}
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Submitting…' : 'Submit answers'}
        </button>
        {answeredCount < attempt.questions.length ? <span className="muted">Unanswered questions score nothing.</span> : null}
      </div>
    </form>
  )
}
