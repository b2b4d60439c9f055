import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'

import { ItemStatsTable } from '@/components/learning/quiz/ItemStatsTable'
import { mayReadItemStats, quizItemStats } from '@/domain/learning/quiz/stats'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Quiz statistics', robots: { index: false } }

type Props = { params: Promise<{ quizId: string }> }

/** Item statistics of a quiz, for the instructors of its course and staff. */
export default async function QuizStatsPage({ params }: Props) {
  const { quizId } = await params
  const id = Number(quizId)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) notFound()
  const viewer = await getViewer()
  if (!viewer) redirect(`/login?next=/learn/teach/quizzes/${id}`)
  const payload = await payloadInstance()
  if (!(await mayReadItemStats(payload, viewer, id))) notFound()
  const stats = await quizItemStats(payload, id).catch(() => null)
  if (!stats) notFound()
  return (
    <div style={{ maxWidth: '48rem', marginInline: 'auto' }}>
      <header className="page-head">
        <span className="eyebrow">Quiz statistics</span>
        <h1>{stats.title}</h1>
        <p>
          {stats.attempts} submitted {stats.attempts === 1 ? 'attempt' : 'attempts'}
          {stats.meanScore !== null ? ` · mean score ${stats.meanScore}%` : ''}
          {stats.passRate !== null ? ` · ${Math.round(stats.passRate * 100)}% passed` : ''}
        </p>
        <p className="muted">
          “Answered correctly” is the share of attempts that got the question fully right (its difficulty). Discrimination is the
          point-biserial correlation between getting it right and the attempt’s score: 0.3 or more separates strong from weak learners
          well; under 0.1, or negative, the question may be unclear or its key wrong.
        </p>
        <Link href="/learn/teach" className="button button--quiet button--small">
          Back to teaching
        </Link>
      </header>
      <ItemStatsTable stats={stats} />
    </div>
  )
}
