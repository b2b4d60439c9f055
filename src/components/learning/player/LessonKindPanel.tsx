import type { LessonKind } from '@/domain/learning/types'

/** Lessons with a player of their own (quiz, SCORM, live session). */
export function LessonKindPanel({ kind, lessonId }: { kind: LessonKind; lessonId: number }) {
  return (
    <div className="card" data-lesson-kind={kind} data-lesson-id={lessonId}>
      <p>This lesson opens in its own player.</p>
    </div>
  )
}
