import Link from 'next/link'

import type { Syllabus } from '@/domain/learning/syllabus'
import { KIND_LABELS, dateTime, duration } from '../catalogue/format'
import styles from './course.module.css'

type Props = {
  syllabus: Syllabus
  slug: string
  /** The viewer may open every released lesson (enrolled, teaching or staff); others only previews. */
  canOpen: boolean
}

function Tick({ state }: { state: 'completed' | 'started' | 'none' }) {
  if (state === 'none') return <span className={styles.tickNone} aria-hidden="true" />
  return (
    <svg className={state === 'completed' ? styles.tickDone : styles.tickStarted} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" fill="currentColor" opacity={state === 'completed' ? 1 : 0.18} />
      {state === 'completed' ? <path d="M6 10.5l2.6 2.6L14.2 7.5" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /> : null}
    </svg>
  )
}

function Lock() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" className={styles.lock}>
      <rect x="4" y="9" width="12" height="8" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M7 9V6.5a3 3 0 016 0V9" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  )
}

/** Modules and lessons in order: kinds, durations, locks with opening dates, and the learner's ticks. */
export function SyllabusList({ syllabus, slug, canOpen }: Props) {
  if (!syllabus.modules.length) return <p className="empty">The syllabus is being prepared.</p>
  return (
    <ol className={styles.modules}>
      {syllabus.modules.map((mod, m) => (
        <li key={mod.id} className={styles.module}>
          <h3 className={styles.moduleTitle}>
            <span className={styles.moduleNumber}>Module {m + 1}</span> {mod.title}
          </h3>
          {mod.summary ? <p className={styles.moduleSummary}>{mod.summary}</p> : null}
          <ol className={styles.lessons}>
            {mod.lessons.map((lesson) => {
              const state = lesson.progress?.status === 'completed' ? 'completed' : lesson.progress ? 'started' : 'none'
              const open = lesson.released && (canOpen || lesson.preview)
              const minutes = duration(lesson.estimatedMinutes)
              return (
                <li key={lesson.id} className={styles.lesson}>
                  <Tick state={state} />
                  <span className={styles.lessonMain}>
                    {open ? <Link href={`/learn/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link> : <span>{lesson.title}</span>}
                    <span className={styles.lessonMeta}>
                      <span>{KIND_LABELS[lesson.kind] ?? lesson.kind}</span>
                      {minutes ? <span>{minutes}</span> : null}
                      {lesson.preview ? <span className="badge">Free preview</span> : null}
                      {!lesson.required ? <span>Optional</span> : null}
                      {state === 'completed' ? <span className="visually-hidden">Completed</span> : null}
                      {state === 'started' && lesson.progress ? <span>{Math.round(lesson.progress.fraction * 100)}% done</span> : null}
                    </span>
                  </span>
                  {!lesson.released && lesson.opensAt ? (
                    <span className={styles.opens}>
                      <Lock />
                      <span>Opens {dateTime(lesson.opensAt)}</span>
                    </span>
                  ) : null}
                </li>
              )
            })}
          </ol>
        </li>
      ))}
    </ol>
  )
}
