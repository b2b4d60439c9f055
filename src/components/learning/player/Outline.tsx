import Link from 'next/link'

import type { CourseOutline } from '@/domain/learning/outline'
import { OutlineToggle } from './OutlineToggle'
import styles from './player.module.css'

const KIND_LABEL: Record<string, string> = { video: 'Video', document: 'Document', text: 'Reading', quiz: 'Quiz', scorm: 'Interactive', lti: 'External tool', live: 'Live session' }

const shortDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/** Modules and lessons of the course, ticks on what is done, the current lesson highlighted. */
export function Outline({ outline, current }: { outline: CourseOutline; current: number }) {
  const { course, enrollment, modules } = outline
  return (
    <OutlineToggle label="course outline">
      <nav aria-label="Course outline" className={styles.outline}>
        <Link href={`/learn/${course.slug}`} className={styles.courseTitle}>
          {course.title}
        </Link>
        {enrollment && (
          <div className={styles.progress}>
            <div className={styles.bar} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(enrollment.progress)} aria-label="Course progress">
              <span style={{ width: `${Math.min(100, enrollment.progress)}%` }} />
            </div>
            <span>{Math.round(enrollment.progress)}% complete</span>
          </div>
        )}
        <ol className={styles.modules}>
          {modules.map((m) => (
            <li key={m.id}>
              <h2 className={styles.moduleTitle}>{m.title}</h2>
              <ol className={styles.lessons}>
                {m.lessons.map((l) => {
                  const done = l.status === 'completed'
                  return (
                    <li key={l.id} className={l.id === current ? styles.current : undefined}>
                      <Link href={`/learn/${course.slug}/lessons/${l.id}`} aria-current={l.id === current ? 'page' : undefined}>
                        <span className={done ? styles.tick : styles.dot} aria-hidden="true">
                          {done ? '✓' : ''}
                        </span>
                        <span className={styles.lessonName}>
                          {l.title}
                          <small>
                            {KIND_LABEL[l.kind] ?? l.kind}
                            {done ? ' · done' : l.fraction > 0 ? ` · ${Math.round(l.fraction * 100)}%` : ''}
                            {l.opensAt ? ` · opens ${shortDate(l.opensAt)}` : ''}
                          </small>
                        </span>
                      </Link>
                    </li>
                  )
                })}
              </ol>
            </li>
          ))}
        </ol>
      </nav>
    </OutlineToggle>
  )
}
