import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'

import { isStaffUser } from '@/access/roles'
import { DocumentLesson } from '@/components/learning/player/DocumentLesson'
import { LessonKindPanel } from '@/components/learning/player/LessonKindPanel'
import { Outline } from '@/components/learning/player/Outline'
import { ReadToEnd } from '@/components/learning/player/ReadToEnd'
import { VideoLesson } from '@/components/learning/player/VideoLesson'
import styles from '@/components/learning/player/player.module.css'
import { RichBody } from '@/components/post-page/RichBody'
import { signLessonMedia } from '@/domain/learning/lessonMedia'
import { courseOutline, type CourseOutline } from '@/domain/learning/outline'
import { lessonAccess, type OpenedLesson } from '@/domain/learning/player'
import { query, sql } from '@/db/sql'
import { getViewer, payloadInstance } from '@/lib/session'

type Props = { params: Promise<{ slug: string; lessonId: string }> }

export const metadata: Metadata = { title: 'Lesson', robots: { index: false } }

const longDate = (d: Date) => d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'

function Shell({ outline, current, children }: { outline: CourseOutline; current: number; children: React.ReactNode }) {
  return (
    <div className={styles.layout}>
      <aside className={styles.aside}>
        <Outline outline={outline} current={current} />
      </aside>
      <div className={styles.main}>{children}</div>
    </div>
  )
}

/** Previous and next lesson of the course. */
function Neighbours({ outline, current }: { outline: CourseOutline; current: number }) {
  const i = outline.lessons.findIndex((l) => l.id === current)
  const prev = i > 0 ? outline.lessons[i - 1] : null
  const next = i >= 0 && i < outline.lessons.length - 1 ? outline.lessons[i + 1] : null
  const href = (id: number) => `/learn/${outline.course.slug}/lessons/${id}`
  return (
    <nav className={styles.neighbours} aria-label="Lessons">
      {prev ? (
        <Link className="button button--quiet" href={href(prev.id)} rel="prev">
          ← {prev.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="button" href={href(next.id)} rel="next">
          {next.title} →
        </Link>
      ) : (
        <Link className="button button--quiet" href={`/learn/${outline.course.slug}`}>
          Back to the course
        </Link>
      )}
    </nav>
  )
}

async function mediaOf(lesson: OpenedLesson, user: number | null) {
  const file = lesson.kind === 'video' ? lesson.videoFile : lesson.kind === 'document' ? lesson.documentFile : null
  if (file === null) return null
  const payload = await payloadInstance()
  const [row] = await query<{ id: number; filename: string | null; mime_type: string | null }>(payload, sql`select id, filename, mime_type from lesson_media where id = ${file}`)
  return row ? signLessonMedia({ id: Number(row.id), filename: row.filename, mimeType: row.mime_type }, user) : null
}

/** The lesson player: the course outline beside the lesson, which opens at the learner's place. */
export default async function LessonPage({ params }: Props) {
  const { slug, lessonId } = await params
  const id = Number(lessonId)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) notFound()
  const [viewer, payload] = await Promise.all([getViewer(), payloadInstance()])
  const uid = viewer ? Number(viewer.id) : null
  const access = await lessonAccess(payload, viewer ? { id: Number(viewer.id), staff: isStaffUser(viewer) } : null, id)
  const here = `/learn/${slug}/lessons/${id}`

  if (!access.ok && access.reason === 'not-found') notFound()
  if (access.lesson && access.lesson.courseSlug !== slug) redirect(`/learn/${access.lesson.courseSlug}/lessons/${id}`)
  if (!access.ok && access.reason === 'sign-in') redirect(`/login?next=${encodeURIComponent(here)}`)

  const outline = await courseOutline(payload, access.lesson!.course, uid)
  if (!outline) notFound()
  const entry = outline.lessons.find((l) => l.id === id)!

  if (!access.ok) {
    return (
      <Shell outline={outline} current={id}>
        <header className="page-head">
          <span className="eyebrow">{outline.course.title}</span>
          <h1>{entry.title}</h1>
        </header>
        <div className="card">
          {access.reason === 'not-released' ? (
            <p>This lesson opens on {longDate(access.opensAt)}. Until then, carry on with the lessons before it.</p>
          ) : (
            <p>This lesson is for learners enrolled in the course.</p>
          )}
          <Link className="button" href={`/learn/${slug}`}>
            {access.reason === 'not-released' ? 'Back to the course' : 'See the course and enrol'}
          </Link>
        </div>
      </Shell>
    )
  }

  const { lesson } = access
  // Progress is kept for enrolled learners only; a preview or a visit by staff just shows the lesson.
  const record = access.enrolled
  const [doc, media, detail] = await Promise.all([
    lesson.kind === 'text' || lesson.kind === 'live'
      ? payload.findByID({ collection: 'lessons', id, depth: 0, select: { body: true, summary: true }, overrideAccess: false, user: viewer ?? undefined }).catch(() => null)
      : payload.findByID({ collection: 'lessons', id, depth: 0, select: { summary: true }, overrideAccess: false, user: viewer ?? undefined }).catch(() => null),
    mediaOf(lesson, uid),
    uid && lesson.kind === 'document'
      ? query<{ detail: { pages?: number[] } | null }>(payload, sql`select detail from lesson_progress where user_id = ${uid} and lesson_id = ${id}`)
      : Promise.resolve([]),
  ])
  const summary = (doc as { summary?: string | null } | null)?.summary
  const completed = entry.status === 'completed'

  let body: React.ReactNode
  if (lesson.kind === 'video') {
    body = media ? (
      <VideoLesson
        lessonId={id}
        src={media.url}
        startAt={entry.position ?? 0}
        duration={lesson.durationSeconds}
        record={record}
        initialFraction={entry.fraction}
        completed={completed}
      />
    ) : (
      <p className="card">This video has not been uploaded yet.</p>
    )
  } else if (lesson.kind === 'document') {
    const viewed = (detail[0]?.detail?.pages ?? []).filter((p) => Number.isInteger(p))
    body = media ? (
      <DocumentLesson lessonId={id} src={media.url} expiresAt={media.expiresAt} pageCount={lesson.pageCount} startPage={entry.position ?? 1} viewed={viewed} record={record} />
    ) : (
      <p className="card">This document has not been uploaded yet.</p>
    )
  } else if (lesson.kind === 'text') {
    body = (
      <>
        <article className={styles.text}>
          <RichBody data={(doc as { body?: unknown } | null)?.body} />
        </article>
        <ReadToEnd lessonId={id} completed={completed} record={record} />
      </>
    )
  } else {
    body = <LessonKindPanel kind={lesson.kind} lessonId={id} />
  }

  return (
    <Shell outline={outline} current={id}>
      <header className={`page-head ${styles.head}`}>
        <span className="eyebrow">{outline.course.title}</span>
        <h1>{entry.title}</h1>
        {summary ? <p>{summary}</p> : null}
        {!record && access.as === 'preview' ? <p>Free preview: enrol in the course to keep your progress.</p> : null}
      </header>
      {body}
      <Neighbours outline={outline} current={id} />
    </Shell>
  )
}
