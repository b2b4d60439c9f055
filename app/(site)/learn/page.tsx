import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Learn' }

export default function LearnPage() {
  return (
    <section className="coming-soon">
      <span className="eyebrow">Coming soon</span>
      <h1>Learn</h1>
      <p>
        Accredited courses, case discussions and live sessions led by specialists are on their way. Complete your profile now so that
        Rounds can suggest what fits your specialty.
      </p>
      <Link href="/profile" className="button button--quiet">
        Complete your profile
      </Link>
    </section>
  )
}
