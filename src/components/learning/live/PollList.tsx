'use client'

import { useId, useState } from 'react'

import { api } from '@/components/forms/api'
import styles from './live.module.css'
import type { Poll } from './types'

type Props = {
  path: string
  polls: Poll[]
  canVote: boolean
  canModerate: boolean
  onChange: (poll: Partial<Poll> & { id: number }) => void
}

const percent = (votes: number, total: number) => (total ? Math.round((votes / total) * 100) : 0)

/** Polls with vote buttons and live results; hosts open, close and create them. */
export function PollList({ path, polls, canVote, canModerate, onChange }: Props) {
  const [creating, setCreating] = useState(false)
  const [question, setQuestion] = useState('')
  const [options, setOptions] = useState(['', ''])
  const [error, setError] = useState('')
  const id = useId()

  async function vote(poll: Poll, option: number) {
    const res = await api<{ poll: Poll }>(`${path}/${poll.id}/vote`, { json: { option } })
    if (res.ok && res.data) onChange(res.data.poll)
    else setError(res.messages[0] ?? 'Your vote did not count.')
  }

  async function setStatus(poll: Poll, status: Poll['status']) {
    const res = await api<{ poll: Poll }>(`${path}/${poll.id}`, { method: 'PATCH', json: { status } })
    if (res.ok && res.data) onChange(res.data.poll)
    else setError(res.messages[0] ?? 'That did not work.')
  }

  async function create(e: React.FormEvent) {
    e.preventDefault()
    setError('')
    const res = await api<{ poll: Poll }>(path, { json: { question, options: options.filter((o) => o.trim()) } })
    if (!res.ok || !res.data) return setError(res.messages[0] ?? 'The poll could not be opened.')
    onChange({ ...res.data.poll, myVote: null })
    setCreating(false)
    setQuestion('')
    setOptions(['', ''])
  }

  if (!polls.length && !canModerate) return null
  return (
    <section className={styles.block} aria-labelledby={`${id}-title`}>
      <div className={styles.blockHead}>
        <h2 id={`${id}-title`} className={styles.blockTitle}>
          Polls
        </h2>
        {canModerate && !creating && (
          <button type="button" className="button button--quiet button--small" onClick={() => setCreating(true)}>
            New poll
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {creating && (
        <form onSubmit={create} className={styles.pollForm}>
          <div className="field">
            <label htmlFor={`${id}-q`}>Question</label>
            <input id={`${id}-q`} className="input" maxLength={300} value={question} onChange={(e) => setQuestion(e.target.value)} required />
          </div>
          {options.map((o, i) => (
            <div className="field" key={i}>
              <label htmlFor={`${id}-o${i}`}>Option {i + 1}</label>
              <input
                id={`${id}-o${i}`}
                className="input"
                maxLength={120}
                value={o}
                required={i < 2}
                onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))}
              />
            </div>
          ))}
          <div className={styles.askRow}>
            {options.length < 6 && (
              <button type="button" className="button button--plain button--small" onClick={() => setOptions([...options, ''])}>
                Add an option
              </button>
            )}
            <button type="button" className="button button--plain button--small" onClick={() => setCreating(false)}>
              Cancel
            </button>
            <button className="button button--small">Open the poll</button>
          </div>
        </form>
      )}
      {polls.length === 0 && !creating && <p className="muted">No polls yet.</p>}
      {polls.map((poll) => (
        <article key={poll.id} className={styles.poll}>
          <p className={styles.pollQuestion}>
            {poll.question} {poll.status === 'closed' && <span className="badge">Closed</span>}
          </p>
          <ul className={styles.options}>
            {poll.options.map((o, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={`${styles.option} ${poll.myVote === i ? styles.chosen : ''}`}
                  aria-pressed={poll.myVote === i}
                  disabled={!canVote || poll.status !== 'open'}
                  onClick={() => vote(poll, i)}
                >
                  <span className={styles.bar} style={{ width: `${percent(o.votes, poll.total)}%` }} aria-hidden="true" />
                  <span className={styles.optionLabel}>{o.label}</span>
                  <span className={styles.optionCount}>
                    {percent(o.votes, poll.total)}% · {o.votes}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <p className={styles.meta}>
            {poll.total} {poll.total === 1 ? 'vote' : 'votes'}
            {canModerate && (
              <button type="button" className="button button--plain button--small" onClick={() => setStatus(poll, poll.status === 'open' ? 'closed' : 'open')}>
                {poll.status === 'open' ? 'Close' : 'Reopen'}
              </button>
            )}
          </p>
        </article>
      ))}
    </section>
  )
}
