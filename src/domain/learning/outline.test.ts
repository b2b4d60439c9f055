/** "Continue" picks up where the learner was. */
import { describe, expect, it } from 'vitest'

import { resumeLesson, type OutlineLesson } from './outline'

const lesson = (id: number, status: OutlineLesson['status'] = null, opensAt: string | null = null): OutlineLesson => ({
  id,
  title: `L${id}`,
  kind: 'text',
  preview: false,
  status,
  fraction: status === 'completed' ? 1 : 0,
  position: null,
  opensAt,
})

describe('resumeLesson', () => {
  it('returns to the last lesson while it is not done', () => {
    expect(resumeLesson({ enrollment: { status: 'active', progress: 10, lastLesson: 2 }, lessons: [lesson(1, 'completed'), lesson(2, 'started'), lesson(3)] })).toBe(2)
  })
  it('moves on past a finished last lesson, skipping done and unreleased ones', () => {
    const lessons = [lesson(1), lesson(2, 'completed'), lesson(3, 'completed'), lesson(4, null, '2099-01-01T00:00:00Z'), lesson(5)]
    expect(resumeLesson({ enrollment: { status: 'active', progress: 40, lastLesson: 2 }, lessons })).toBe(5)
  })
  it('goes back to an earlier lesson left undone when nothing after is open', () => {
    expect(resumeLesson({ enrollment: { status: 'active', progress: 60, lastLesson: 3 }, lessons: [lesson(1), lesson(2, 'completed'), lesson(3, 'completed')] })).toBe(1)
  })
  it('starts at the first lesson without history and is null when all is done', () => {
    expect(resumeLesson({ enrollment: null, lessons: [lesson(1), lesson(2)] })).toBe(1)
    expect(resumeLesson({ enrollment: { status: 'completed', progress: 100, lastLesson: 2 }, lessons: [lesson(1, 'completed'), lesson(2, 'completed')] })).toBeNull()
  })
})
