import { LiveSessionPanel } from '@/components/learning/live/LiveSessionPanel'
import { QuizPlayer } from '@/components/learning/quiz/QuizPlayer'
import ScormPlayer from '@/components/learning/scorm/ScormPlayer'
import { query, sql } from '@/db/sql'
import { liveSessionForLesson } from '@/domain/learning/live'
import { quizForLesson } from '@/domain/learning/quiz'
import type { LessonKind } from '@/domain/learning/types'
import { payloadInstance } from '@/lib/session'

/**
 * Lessons with a player of their own: the quiz, the SCORM package or the live session attached to the
 * lesson. The page has already checked that the viewer may open the lesson.
 */
export async function LessonKindPanel({ kind, lessonId }: { kind: LessonKind; lessonId: number }) {
  const payload = await payloadInstance()
  if (kind === 'quiz') {
    const quiz = await quizForLesson(payload, lessonId)
    if (quiz) return <QuizPlayer quizId={quiz.id} lessonId={lessonId} />
  } else if (kind === 'scorm') {
    const [pkg] = await query<{ id: number }>(payload, sql`select id from scorm_packages where lesson_id = ${lessonId}`)
    if (pkg) return <ScormPlayer packageId={Number(pkg.id)} lessonId={lessonId} />
  } else if (kind === 'live') {
    const session = await liveSessionForLesson(payload, lessonId)
    if (session) return <LiveSessionPanel sessionId={session.id} />
  }
  return (
    <div className="card" data-lesson-kind={kind} data-lesson-id={lessonId}>
      <p>This lesson is not ready yet: its instructors have not attached its content.</p>
    </div>
  )
}
