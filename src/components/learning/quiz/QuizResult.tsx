'use client'

import styles from './quiz.module.css'
import type { Result } from './types'

/** The result of an attempt, and its review when the quiz allows it. */
export function QuizResult({ result, onRetry, busy, notice }: { result: Result; onRetry?: () => void; busy?: boolean; notice?: string | null }) {
  return (
    <section className={`card ${styles.quiz}`} aria-labelledby={`attempt-${result.id}-result`}>
      <header>
        <span className="eyebrow">Attempt {result.number}</span>
        <h2 id={`attempt-${result.id}-result`}>{result.passed ? 'Passed' : 'Not passed'}</h2>
        <p className={`${styles.score} ${result.passed ? styles.pass : styles.fail}`} role="status">
          Your score: {result.score}%
        </p>
        <p className="muted">
          {result.points} of {result.maxPoints} points · pass mark {result.passMark}%
          {result.late ? ' · time ran out: answers saved before the deadline were graded' : ''}
        </p>
      </header>
      {result.review ? (
        <ol className={styles.reviewList} aria-label="Review of your answers">
          {result.review.map((q, i) => (
            <li key={q.id} className={`${styles.question} ${q.correct ? styles.right : styles.wrong}`}>
              <p>
                <strong>
                  {i + 1}. {q.prompt}
                </strong>{' '}
                <span className={styles.points}>
                  {q.correct ? 'Correct' : q.earned > 0 ? 'Partly correct' : 'Incorrect'} · {q.earned} of {q.points}
                </span>
              </p>
              {q.kind === 'numeric' ? (
                <p>
                  Your answer: {q.value ?? '—'}
                  {q.answer?.unit ? ` ${q.answer.unit}` : ''}. Correct answer: {q.answer?.value}
                  {q.answer?.tolerance ? ` ± ${q.answer.tolerance}` : ''}
                  {q.answer?.unit ? ` ${q.answer.unit}` : ''}.
                </p>
              ) : (
                <ul className={styles.options}>
                  {q.options.map((o) => (
                    <li key={o.id} className={`${styles.option} ${o.correct ? styles.right : o.chosen ? styles.wrong : ''}`}>
                      <span>{o.label}</span>
                      <span className={styles.mark}>
                        {[o.chosen ? 'your answer' : null, o.correct ? 'correct' : null].filter(Boolean).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {q.explanation ? <p className={styles.explanation}>{q.explanation}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          {result.reviewPolicy === 'after-pass' && !result.passed
            ? 'Correct answers are shown once you pass.'
            : result.reviewPolicy === 'never'
              ? 'This quiz does not show correct answers.'
              : null}
        </p>
      )}
      {notice ? (
        <p className={styles.error} role="alert">
          {notice}
        </p>
      ) : null}
      <div className={styles.actions}>
        {onRetry ? (
          <button type="button" className="button" onClick={onRetry} disabled={busy}>
            Try again
          </button>
        ) : (
          <span className="muted">No attempts left.</span>
        )}
        {result.attemptsLeft !== null ? <span className="muted">Attempts left: {result.attemptsLeft}</span> : null}
      </div>
    </section>
  )
}
