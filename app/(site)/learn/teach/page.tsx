import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { isStaffUser } from '@/access/roles'
import { Enrollees } from '@/components/learning/course/Enrollees'
import styles from '@/components/learning/course/course.module.css'
import { mayTeach, teachingSummary, type EnrollmentStats } from '@/domain/learning/teaching'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Teaching', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const percent = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`)

function Stats({ stats }: { stats: EnrollmentStats }) {
  const items: [string, string][] = [
    ['Active', stats.active.toLocaleString('en')],
    ['Completed', stats.completed.toLocaleString('en')],
    ['Left', stats.cancelled.toLocaleString('en')],
    ['Completion rate', percent(stats.completionRate)],
    ['Average progress', stats.averageProgress === null ? '–' : `${Math.round(stats.averageProgress)}%`],
  ]
  return (
    <dl className={styles.stats}>
      {items.map(([label, value]) => (
        <div key={label} className={styles.stat}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Instructors' courses (staff: every course) with their enrollment statistics and learners. */
export default async function TeachPage({ searchParams }: Props) {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/learn/teach')
  if (!mayTeach(viewer)) {
    return (
      <section className="coming-soon">
        <span className="eyebrow">Teaching</span>
        <h1>For instructors</h1>
        <p>This page shows instructors how their courses are going. Ask the Rounds team if you would like to teach a course.</p>
        <Link href="/learn" className="button button--quiet">
          Browse courses
        </Link>
      </section>
    )
  }
  const raw = await searchParams
  const beforeParam = Number(Array.isArray(raw.before) ? raw.before[0] : raw.before)
  const before = Number.isSafeInteger(beforeParam) && beforeParam > 0 && beforeParam <= 2147483647 ? beforeParam : undefined
  const payload = await payloadInstance()
  const { courses, nextBefore } = await teachingSummary(payload, viewer, { before })
  return (
    <>
      <header className="page-head">
        <span className="eyebrow">Teaching</span>
        <h1>{isStaffUser(viewer) ? 'All courses' : 'Your courses'}</h1>
        <p>
          Enrollments, completion and progress of {isStaffUser(viewer) ? 'every course' : 'the courses you teach'}. Edit courses in the{' '}
          <a href="/admin/collections/courses">admin</a>.
        </p>
      </header>
      {courses.length ? (
        <ul className={styles.list}>
          {courses.map((course) => (
            <li key={course.id} className="card">
              <h2 className={styles.moduleTitle}>
                <Link href={`/learn/${course.slug}`}>{course.title}</Link>
                {course.status !== 'published' ? <span className="badge badge--pending"> Draft</span> : null}
              </h2>
              <Stats stats={course.stats} />
              {course.quizzes.length ? (
                <p className={styles.rowMeta}>
                  Quiz statistics:{' '}
                  {course.quizzes.map((quiz, i) => (
                    <span key={quiz.id}>
                      {i ? ', ' : null}
                      <Link href={`/learn/teach/quizzes/${quiz.id}`}>{quiz.title}</Link>
                    </span>
                  ))}
                </p>
              ) : null}
              <Enrollees courseId={course.id} title={course.title} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty" role="status">
          {before ? 'No older courses.' : 'You do not teach a course yet.'}
        </p>
      )}
      {before || nextBefore ? (
        <nav className="pager" aria-label="Courses pages">
          {before ? <Link href="/learn/teach">Newest courses</Link> : null}
          {nextBefore ? <Link href={`/learn/teach?before=${nextBefore}`}>Older courses →</Link> : null}
        </nav>
      ) : null}
    </>
  )
}
