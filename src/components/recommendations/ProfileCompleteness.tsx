import Link from 'next/link'
import { Suspense } from 'react'

import { completeness, profileFacts, type Completeness, type ProfileFacts } from '@/domain/recommendations/profile'
import { profileTip } from '@/domain/recommendations/tip'
import { payloadInstance } from '@/lib/session'
import { CheckIcon } from '../site/icons'
import styles from './recommendations.module.css'

/** The model's tip streams in after the card (it may take a few seconds); nothing shows if there is none. */
async function Tip({ userId, facts, state }: { userId: number; facts: ProfileFacts; state: Completeness }) {
  const tip = await profileTip(userId, facts, state)
  return tip ? (
    <p className={styles.tip}>
      <strong>Tip: </strong>
      {tip}
    </p>
  ) : null
}

/**
 * How complete the member's profile is, and what to add next (most useful first), with links into the
 * profile form. When a model is configured, a personalised tip is added below.
 */
export async function ProfileCompleteness({ userId, limit = 4 }: { userId: number; limit?: number }) {
  const payload = await payloadInstance()
  const facts = await profileFacts(payload, userId)
  if (!facts) return null
  const state = completeness(facts)
  const next = state.suggestions.slice(0, limit)
  return (
    <section className={`card ${styles.box}`} aria-labelledby="completeness-card-title">
      <h2 id="completeness-card-title">
        Your profile is <span className={styles.percent}>{state.percent}%</span> complete
      </h2>
      <div className="meter" role="progressbar" aria-label="Profile completeness" aria-valuemin={0} aria-valuemax={100} aria-valuenow={state.percent}>
        <span style={{ width: `${state.percent}%` }} />
      </div>
      {next.length ? (
        <ul className="checklist">
          {next.map((item) => (
            <li key={item.key} className="is-todo">
              <CheckIcon done={false} />
              <span>
                <Link href={item.href}>{item.label}</Link>
                <span className={styles.hint}>{item.hint}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Everything is in place. Colleagues can find and trust you.</p>
      )}
      <Suspense fallback={null}>
        <Tip userId={userId} facts={facts} state={state} />
      </Suspense>
    </section>
  )
}
