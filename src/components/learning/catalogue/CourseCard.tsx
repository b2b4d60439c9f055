import Link from 'next/link'

import type { CourseCard as Card } from '@/domain/learning/catalogue'
import { LEVEL_LABELS, PRICING_LABELS, creditHours, duration, instructorNames, price } from './format'
import styles from './catalogue.module.css'

/** A course in the catalogue: cover, title, who teaches it, how long, what it earns and costs. */
export function CourseCard({ course, eager }: { course: Card; eager?: boolean }) {
  const facts = [LEVEL_LABELS[course.level] ?? course.level, duration(course.durationMinutes), creditHours(course.creditHours)].filter(Boolean)
  return (
    <article className={`card ${styles.card}`} aria-labelledby={`course-${course.id}`}>
      <div className={styles.cover}>
        {course.cover ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={course.cover.url} alt={course.cover.alt ?? ''} loading={eager ? 'eager' : 'lazy'} width={640} height={360} />
        ) : (
          <span className={styles.coverPlaceholder} aria-hidden="true">
            {course.title.slice(0, 1)}
          </span>
        )}
        <span className={`${styles.pricing} ${styles[`pricing_${course.pricing}`] ?? ''}`}>
          {course.pricing === 'paid' && course.price ? price(course.price) : PRICING_LABELS[course.pricing]}
        </span>
      </div>
      <div className={styles.body}>
        {course.specialty ? <span className="eyebrow">{course.specialty.name}</span> : null}
        <h3 id={`course-${course.id}`} className={styles.title}>
          <Link href={`/learn/${course.slug}`}>{course.title}</Link>
        </h3>
        {course.instructors.length ? <p className={styles.instructors}>{instructorNames(course.instructors)}</p> : null}
        {course.summary ? <p className={styles.summary}>{course.summary}</p> : null}
        <p className={styles.facts}>
          {facts.map((f) => (
            <span key={f}>{f}</span>
          ))}
        </p>
      </div>
    </article>
  )
}
