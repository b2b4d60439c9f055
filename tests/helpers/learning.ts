import type { Payload } from 'payload'

import { lexical } from './social'

let sequence = 0
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}${Math.floor(Math.random() * 1e4)}`

export type LessonSpec = { title?: string; kind?: string; weight?: number; required?: boolean; preview?: boolean; [field: string]: unknown }
export type TestCourse = {
  id: number
  slug: string
  modules: number[]
  /** Lesson ids in syllabus order. */
  lessons: number[]
}

/**
 * A published course stored server side: `modules` lists each module's lessons (default: one module of
 * one text lesson). `data` overrides course fields (pricing, completion, instructors ...).
 */
export async function createCourse(
  payload: Payload,
  opts: { data?: Record<string, unknown>; modules?: LessonSpec[][] } = {},
): Promise<TestCourse> {
  const slug = `course-${unique()}`
  const course = (await payload.create({
    collection: 'courses',
    data: { title: `Course ${slug}`, slug, summary: 'A course for tests.', level: 'intermediate', pricing: 'free', _status: 'published', ...opts.data } as never,
    overrideAccess: true,
  })) as unknown as { id: number }
  const modules: number[] = []
  const lessons: number[] = []
  const specs = opts.modules ?? [[{ kind: 'text' }]]
  for (const [m, specList] of specs.entries()) {
    const mod = (await payload.create({
      collection: 'course-modules',
      data: { course: course.id, title: `Module ${m + 1}`, order: m } as never,
      overrideAccess: true,
    })) as unknown as { id: number }
    modules.push(mod.id)
    for (const [i, spec] of specList.entries()) {
      const kind = spec.kind ?? 'text'
      const lesson = (await payload.create({
        collection: 'lessons',
        data: {
          module: mod.id,
          title: `Lesson ${m + 1}.${i + 1}`,
          order: i,
          kind,
          ...(kind === 'text' ? { body: lexical('Read this lesson to the end.') } : {}),
          ...spec,
        } as never,
        overrideAccess: true,
      })) as unknown as { id: number }
      lessons.push(lesson.id)
    }
  }
  return { id: course.id, slug, modules, lessons }
}

/** An active enrollment stored server side (the enrollment rules are tested on their own). */
export async function enrollDirectly(payload: Payload, user: number, course: number, data: Record<string, unknown> = {}) {
  return (await payload.create({
    collection: 'enrollments',
    data: { user, course, status: 'active', source: 'staff', ...data } as never,
    overrideAccess: true,
  })) as unknown as { id: number }
}
