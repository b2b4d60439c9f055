import { engagementOf, recentPoints } from '@/domain/engagement/summary'
import { payloadInstance } from '@/lib/session'
import styles from './engagement.module.css'

type Props = {
  userId: number
  /** Also list the latest entries of the member's points ledger (their own profile page). */
  showRecent?: boolean
  /** Heading level of the card's title, to fit the page's outline. */
  headingLevel?: 2 | 3
}

const number = (n: number) => n.toLocaleString('en')

/**
 * A member's level (named after a doctor's career stage), points with progress to the next level, and
 * daily login streak. A server component: one query for the summary, one more for the ledger.
 */
export async function EngagementSummary({ userId, showRecent = false, headingLevel = 2 }: Props) {
  const payload = await payloadInstance()
  const summary = await engagementOf(payload, userId, { includeUnconfirmed: showRecent })
  if (!summary) return null
  const recent = showRecent ? await recentPoints(payload, userId, 5) : []
  const Heading = `h${headingLevel}` as const
  const titleId = `engagement-${userId}`
  return (
    <section className={`card ${styles.summary}`} aria-labelledby={titleId}>
      <div className={styles.level}>
        <Heading id={titleId} className={styles.levelName}>
          {summary.name}
        </Heading>
        <span className={styles.levelNumber}>Level {summary.level}</span>
      </div>
      <div
        className={`meter ${styles.meter}`}
        role="progressbar"
        aria-label={summary.next ? `Progress to ${summary.next.name}` : 'Top level reached'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={summary.progress}
      >
        <span style={{ width: `${summary.progress}%` }} />
      </div>
      <p className={styles.next}>
        {summary.next
          ? `${number(summary.next.min - summary.points)} points to ${summary.next.name}`
          : 'The top level: thank you for all you give to Rounds.'}
      </p>
      <dl className="stats">
        <div>
          <dt>Points</dt>
          <dd>{number(summary.points)}</dd>
        </div>
        <div>
          <dt>Level</dt>
          <dd>{summary.level}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>
            {summary.loginStreak}
            <span className="visually-hidden"> {summary.loginStreak === 1 ? 'day' : 'days'}</span>
          </dd>
        </div>
      </dl>
      {recent.length ? (
        <>
          <ul className={styles.recent} aria-label="Latest points">
            {recent.map((entry) => (
              <li key={entry.id}>
                <span className={entry.counted ? undefined : styles.uncounted}>
                  {entry.label}
                  {entry.counted ? null : <span className="visually-hidden"> (taken back)</span>}
                </span>
                <span className={styles.points}>+{entry.points}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
