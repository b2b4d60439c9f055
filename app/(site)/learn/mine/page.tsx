import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { shortDate } from '@/components/learning/catalogue/format'
import { ProgressBar } from '@/components/learning/course/ProgressBar'
import styles from '@/components/learning/course/course.module.css'
import { myLearning, type MyCourse } from '@/domain/learning/mine'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'My learning', robots: { index: false } }

function CourseRow({ item }: { item: MyCourse }) {
  const { course, enrollment } = item
  const resume = item.resumeLesson ? `/learn/${course.slug}/lessons/${item.resumeLesson}` : `/learn/${course.slug}`
  const done = enrollment.status === 'completed'
  return (
    <li className={`card ${styles.row}`}>
      <div>
        <h3>
          <Link href={`/learn/${course.slug}`}>{course.title}</Link>
        </h3>
        <p className={styles.rowMeta}>
          {done && enrollment.completedAt ? `Completed ${shortDate(enrollment.completedAt)}` : `Enrolled ${shortDate(enrollment.enrolledAt)}`}
          {course.creditHours ? ` · ${course.creditHours} credit ${course.creditHours === 1 ? 'hour' : 'hours'}` : ''}
        </p>
        <ProgressBar value={enrollment.progress} label={`Progress in ${course.title}`} />
      </div>
      <Link href={resume} className={done ? 'button button--quiet button--small' : 'button button--small'}>
        {done ? 'Review' : enrollment.progress > 0 ? 'Continue' : 'Start'}
        <span className="visually-hidden"> {course.title}</span>
      </Link>
    </li>
  )
}

/** The member's courses: in progress first, then completed, and their certificates. */
export default async function MyLearningPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/learn/mine')
  const payload = await payloadInstance()
  const { active, completed } = await myLearning(payload, Number(viewer.id))
  return (
    <>
      <header className="page-head">
        <span className="eyebrow">Learn</span>
        <h1>My learning</h1>
        <p>
          Your courses and where you stopped. <Link href="/learn">Browse the catalogue</Link>
        </p>
      </header>
      <section aria-labelledby="in-progress">
        <h2 id="in-progress">In progress</h2>
        {active.length ? (
          <ul className={styles.list}>
            {active.map((item) => (
              <CourseRow key={item.enrollment.id} item={item} />
            ))}
          </ul>
        ) : (
          <div className="empty" role="status">
            <p>You are not taking a course right now.</p>
            <Link href="/learn" className="button button--quiet">
              Find a course
            </Link>
          </div>
        )}
      </section>
      {completed.length ? (
        <section aria-labelledby="completed">
          <h2 id="completed">Completed</h2>
          <ul className={styles.list}>
            {completed.map((item) => (
              <CourseRow key={item.enrollment.id} item={item} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="certificates" className="card">
        <h2 id="certificates">Certificates</h2>
        <p>Certificates of the courses you completed, with their credit hours and a link anyone can use to verify them.</p>
        <Link href="/learn/certificates" className="button button--quiet">
          See my certificates
        </Link>
      </section>
    </>
  )
}
