import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { query, sql, sqlFor } from '@/db/sql'

/**
 * A course, module or lesson that learners have started is kept (their progress and certificates refer
 * to it): unpublish the course instead. An untouched one takes its modules and lessons with it.
 */
export const deleteCourseContent: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await sqlFor(req)
  const [used] = await query(db, sql`select 1 from enrollments where course_id = ${id} limit 1`)
  if (used) throw new APIError('Learners are enrolled in this course: unpublish it instead of deleting it.', 409, null, true)
  await req.payload.delete({ collection: 'course-modules', where: { course: { equals: id } }, req, overrideAccess: true })
}

export const deleteModuleLessons: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await sqlFor(req)
  const [used] = await query(db, sql`select 1 from lesson_progress p join lessons l on l.id = p.lesson_id where l.module_id = ${id} limit 1`)
  if (used) throw new APIError('Learners have started lessons of this module: it cannot be deleted.', 409, null, true)
  await req.payload.delete({ collection: 'lessons', where: { module: { equals: id } }, req, overrideAccess: true })
}

export const keepStartedLesson: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await sqlFor(req)
  const [used] = await query(db, sql`select 1 from lesson_progress where lesson_id = ${id} limit 1`)
  if (used) throw new APIError('Learners have started this lesson: it cannot be deleted.', 409, null, true)
}
