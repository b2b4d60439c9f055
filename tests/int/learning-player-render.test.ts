/** The player's components render on the server with real outline data (the page's building blocks). */
import { createElement } from 'react'
import { renderToString as render } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { DocumentLesson } from '@/components/learning/player/DocumentLesson'
import { Outline } from '@/components/learning/player/Outline'
import { ReadToEnd } from '@/components/learning/player/ReadToEnd'
import { VideoLesson } from '@/components/learning/player/VideoLesson'
import type { CourseOutline } from '@/domain/learning/outline'

/** Server HTML without React's text separators. */
const renderToString = (el: Parameters<typeof render>[0]) => render(el).replace(/<!-- -->/g, '')

const outline: CourseOutline = {
  course: { id: 1, title: 'Hand hygiene in practice', slug: 'hand-hygiene' },
  enrollment: { status: 'active', progress: 42.5, lastLesson: 2 },
  modules: [],
  lessons: [],
}
outline.modules = [
  {
    id: 10,
    title: 'Basics',
    lessons: [
      { id: 1, title: 'The five moments', kind: 'video', preview: false, status: 'completed', fraction: 1, position: 12, opensAt: null },
      { id: 2, title: 'Handout', kind: 'document', preview: false, status: 'started', fraction: 0.33, position: 1, opensAt: null },
      { id: 3, title: 'Audit results', kind: 'text', preview: false, status: null, fraction: 0, position: null, opensAt: '2099-01-01T00:00:00Z' },
    ],
  },
]
outline.lessons = outline.modules.flatMap((m) => m.lessons)

describe('lesson player components', () => {
  it('renders the outline with ticks, the current lesson, progress and drip dates', () => {
    const html = renderToString(createElement(Outline, { outline, current: 2 }))
    expect(html).toContain('href="/learn/hand-hygiene/lessons/2"')
    expect(html).toContain('aria-current="page"')
    expect(html).toContain('43% complete')
    expect(html).toContain('opens 1 Jan')
    expect(html).toContain('✓')
  })

  it('renders each kind of lesson body', () => {
    const video = renderToString(createElement(VideoLesson, { lessonId: 1, src: '/api/lesson-media/file/a.webm?s=x', startAt: 4, duration: 12, record: true, initialFraction: 0.5, completed: false }))
    expect(video).toContain('<video')
    expect(video).toContain('Watched 50%')
    const doc = renderToString(
      createElement(DocumentLesson, { lessonId: 2, src: '/api/lesson-media/file/a.pdf?s=x', expiresAt: new Date(Date.now() + 600_000).toISOString(), pageCount: 3, startPage: 2, viewed: [1, 2], record: true }),
    )
    expect(doc).toContain('#page=2')
    expect(doc).toContain('Next page')
    expect(doc).toContain('Pages viewed: 2 of 3')
    expect(renderToString(createElement(ReadToEnd, { lessonId: 3, completed: false, record: true }))).toContain('Mark as read')
  })
})
