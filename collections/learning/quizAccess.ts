import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { drizzleOf, query, sql } from '@/db/sql'
import { relationId } from '@/lib/relation'
import { activeCourseIds } from './access'

/**
 * Answer fields (correct flags, numeric answers, explanations, grading): staff and instructors only.
 * The collections they sit in already limit instructors to the courses they teach, so the role is enough
 * here and costs no query per document.
 */
export const fieldAuthorsOnly: FieldAccess = ({ req: { user } }) => isStaffUser(user) || hasRole(user, 'instructor')

/** Staff; instructors of the document's course. Learners never read questions or banks directly. */
export const courseAuthorsRead: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (isStaffUser(user)) return true
  if (hasRole(user, 'instructor')) return { 'course.instructors': { contains: user.id } } as Where
  return false
}

/** Quiz settings: staff, instructors of the course, and learners enrolled in it. */
export const quizRead: Access = async ({ req }) => {
  const { user } = req
  if (!user || user.collection !== 'users') return false
  if (isStaffUser(user)) return true
  const or: Where[] = []
  const enrolled = await activeCourseIds(req, Number(user.id))
  if (enrolled.length) or.push({ course: { in: enrolled } })
  if (hasRole(user, 'instructor')) or.push({ 'course.instructors': { contains: user.id } })
  return or.length ? { or } : false
}

/** Attempts: the learner's own, the course's instructors, staff. Only the server writes them. */
export const attemptRead: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (isStaffUser(user)) return true
  const own: Where = { user: { equals: user.id } }
  return hasRole(user, 'instructor') ? { or: [own, { 'course.instructors': { contains: user.id } }] } : own
}

/** The course of the lesson a quiz is created for. */
export async function courseOfLesson(req: PayloadRequest, data: Record<string, unknown>): Promise<number | null> {
  const lessonId = relationId(data.lesson)
  if (lessonId === null) return null
  const [row] = await query<{ course_id: number | null }>(drizzleOf(req.payload), sql`select course_id from lessons where id = ${lessonId}`)
  return row?.course_id == null ? null : Number(row.course_id)
}
