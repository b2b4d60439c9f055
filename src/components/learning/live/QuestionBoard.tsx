'use client'

import { useId, useState } from 'react'

import { api } from '@/components/forms/api'
import styles from './live.module.css'
import { byUpvotes, type Question } from './types'

type Props = {
  /** The questions endpoint: POST asks, `/:id/upvote` toggles, PATCH `/:id` moderates. */
  path: string
  questions: Question[]
  canAsk: boolean
  canModerate: boolean
  /** A question the server returned after an action (kept until the stream says otherwise). */
  onChange: (question: Partial<Question> & { id: number }) => void
  maxLength?: number
}

/**
 * Live questions, most upvoted first, with an upvote toggle, the ask form and, for moderators, answer
 * and hide. Driven by its parent's state, so any stream (a live session, an AMA) can feed it.
 */
export function QuestionBoard({ path, questions, canAsk, canModerate, onChange, maxLength = 500 }: Props) {
  const [draft, setDraft] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState('')
  const [answering, setAnswering] = useState<number | null>(null)
  const [answer, setAnswer] = useState('')
  const formId = useId()

  async function ask(e: React.FormEvent) {
    e.preventDefault()
    if (!draft.trim() || sending) return
    setSending(true)
    setError('')
    const res = await api<{ question: Question }>(path, { json: { body: draft } })
    setSending(false)
    if (!res.ok || !res.data) return setError(res.messages[0] ?? 'Your question could not be sent.')
    setDraft('')
    onChange({ ...res.data.question, upvoted: false })
  }

  async function upvote(q: Question) {
    onChange({ id: q.id, upvoted: !q.upvoted, upvotes: q.upvotes + (q.upvoted ? -1 : 1) })
    const res = await api<{ upvoted: boolean; upvotes: number }>(`${path}/${q.id}/upvote`, { method: 'POST' })
    if (res.ok && res.data) onChange({ id: q.id, ...res.data })
    else onChange({ id: q.id, upvoted: q.upvoted, upvotes: q.upvotes })
  }

  async function moderate(q: Question, status: Question['status'], text?: string) {
    const res = await api<{ question: Question }>(`${path}/${q.id}`, { method: 'PATCH', json: text === undefined ? { status } : { status, answer: text } })
    if (res.ok && res.data) {
      onChange(res.data.question)
      setAnswering(null)
      setAnswer('')
    } else setError(res.messages[0] ?? 'That did not work.')
  }

  const sorted = questions.slice().sort(byUpvotes)
  return (
    <section className={styles.block} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className={styles.blockTitle}>
        Questions <span className="muted">({sorted.filter((q) => q.status !== 'hidden').length})</span>
      </h2>
      {canAsk && (
        <form onSubmit={ask} className={styles.askForm}>
          <label htmlFor={`${formId}-ask`} className="visually-hidden">
            Your question
          </label>
          <textarea
            id={`${formId}-ask`}
            className="textarea"
            rows={2}
            maxLength={maxLength}
            placeholder="Ask the hosts a question"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className={styles.askRow}>
            <span className="muted">
              {draft.length}/{maxLength}
            </span>
            <button className="button button--small" disabled={sending || !draft.trim()}>
              Ask
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="muted">No questions yet.</p>
      ) : (
        <ol className={styles.questions}>
          {sorted.map((q) => (
            <li key={q.id} className={`${styles.question} ${q.status === 'hidden' ? styles.hidden : ''}`}>
              <button
                type="button"
                className={`${styles.upvote} ${q.upvoted ? styles.upvoted : ''}`}
                aria-pressed={Boolean(q.upvoted)}
                aria-label={`${q.upvoted ? 'Remove your upvote' : 'Upvote'} (${q.upvotes})`}
                disabled={!canAsk || q.status === 'hidden'}
                onClick={() => upvote(q)}
              >
                <span aria-hidden="true">▲</span>
                <span>{q.upvotes}</span>
              </button>
              <div className={styles.questionBody}>
                <p>{q.body}</p>
                <p className={styles.meta}>
                  {q.author.name}
                  {q.status === 'answered' && <span className="badge badge--verified">Answered</span>}
                  {q.status === 'hidden' && <span className="badge">Hidden</span>}
                </p>
                {q.answer && <p className={styles.answer}>{q.answer}</p>}
                {canModerate && (
                  <div className={styles.hostActions}>
                    {answering === q.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault()
                          void moderate(q, 'answered', answer)
                        }}
                        className={styles.answerForm}
                      >
                        <label htmlFor={`${formId}-answer-${q.id}`} className="visually-hidden">
                          Written answer (optional)
                        </label>
                        <textarea
                          id={`${formId}-answer-${q.id}`}
                          className="textarea"
                          rows={2}
                          maxLength={2000}
                          placeholder="Written answer (optional)"
                          value={answer}
                          onChange={(e) => setAnswer(e.target.value)}
                        />
                        <div className={styles.askRow}>
                          <button type="button" className="button button--plain button--small" onClick={() => setAnswering(null)}>
                            Cancel
                          </button>
                          <button className="button button--small">Mark answered</button>
                        </div>
                      </form>
                    ) : (
                      <>
                        {q.status !== 'hidden' && (
                          <button
                            type="button"
                            className="button button--quiet button--small"
                            onClick={() => {
                              setAnswering(q.id)
                              setAnswer(q.answer ?? '')
                            }}
                          >
                            {q.status === 'answered' ? 'Edit answer' : 'Answer'}
                          </button>
                        )}
                        {q.status === 'hidden' ? (
                          <button type="button" className="button button--plain button--small" onClick={() => moderate(q, 'open')}>
                            Show again
                          </button>
                        ) : (
                          <button type="button" className="button button--plain button--small" onClick={() => moderate(q, 'hidden')}>
                            Hide
                          </button>
                        )}
                      </>
                    )}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
