import type { QuizItemStats } from '@/domain/learning/quiz/stats'
import styles from './itemStats.module.css'

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`)
const r = (v: number | null) => (v === null ? '–' : v.toFixed(2))

/** What a discrimination index says, in words. */
function reading(d: number | null) {
  if (d === null) return 'not enough spread'
  if (d >= 0.3) return 'good'
  if (d >= 0.1) return 'fair'
  return 'review this question'
}

/** Item statistics of a quiz, one card per question (a table would not fit a phone). */
export function ItemStatsTable({ stats }: { stats: QuizItemStats }) {
  if (!stats.items.length) return <p className="muted">No submitted attempts yet.</p>
  return (
    <ol className={styles.items}>
      {stats.items.map((item, i) => (
        <li key={item.question} className={`card ${styles.item}`}>
          <h2 className={styles.prompt}>
            {i + 1}. {item.prompt}
          </h2>
          <dl className={styles.figures}>
            <div>
              <dt>Attempts</dt>
              <dd>{item.attempts}</dd>
            </div>
            <div>
              <dt>Answered correctly</dt>
              <dd>{pct(item.difficulty)}</dd>
            </div>
            <div>
              <dt>Mean credit</dt>
              <dd>{pct(item.meanCredit)}</dd>
            </div>
            <div>
              <dt>Discrimination</dt>
              <dd>
                {r(item.discrimination)} <span className="muted">({reading(item.discrimination)})</span>
              </dd>
            </div>
          </dl>
          {item.options.length ? (
            <table className={styles.choices}>
              <caption className="visually-hidden">How often each option was chosen</caption>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col">Chosen</th>
                </tr>
              </thead>
              <tbody>
                {item.options.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      {o.label} {o.correct ? <span className="badge">correct</span> : null}
                    </th>
                    <td>
                      {o.chosen} <span className="muted">({item.attempts ? Math.round((o.chosen / item.attempts) * 100) : 0}%)</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
