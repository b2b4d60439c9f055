import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { drizzleOf, query, sql } from '@/db/sql'
import { relationId } from '@/lib/relation'

type User = PayloadRequest['user']

/** Staff or an instructor (who may author courses in the admin). */
export const isAuthor = (user: User) => isStaffUser(user) || hasRole(user, 'instructor')

/** Staff change any course; an instructor only the courses that list them. */
export const courseAuthorWhere: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  if (hasRole(user, 'instructor')) return { instructors: { contains: user.id } } as Where
  return false
}

/** Staff create courses; so do instructors (a hook lists them among the course's instructors). */
export const canAuthor: Access = ({ req: { user } }) => isAuthor(user)

/** Documents of a course (modules, lessons ...) that the instructor may change: `course.instructors` contains them. */
export const courseChildAuthorWhere: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  if (hasRole(user, 'instructor')) return { 'course.instructors': { contains: user.id } } as Where
  return false
}

/** Whether `user` teaches the course (is listed among its instructors). */
export async function teaches(req: PayloadRequest, userId: number, courseId: number | null): Promise<boolean> {
  if (courseId === null) return false
  const rows = await query(
    drizzleOf(req.payload),
    sql`select 1 from courses_rels where parent_id = ${courseId} and path = 'instructors' and users_id = ${userId} limit 1`,
  )
  return rows.length > 0
}

/**
 * Creating a document inside a course (a module, a lesson ...): staff, or an instructor of that course.
 * `courseOf` finds the course from the data being created.
 */
export const canAuthorIn =
  (courseOf: (req: PayloadRequest, data: Record<string, unknown>) => Promise<number | null>): Access =>
  async ({ req, data }) => {
    const { user } = req
    if (!user) return false
    if (isStaffUser(user)) return true
    if (!hasRole(user, 'instructor')) return false
    // Without data (the admin asking whether to show "Create"), instructors may create in their courses.
    if (!data) return true
    return teaches(req, Number(user.id), await courseOf(req, data))
  }

/** Ids of the courses the user is actively enrolled in (one statement). */
export async function activeCourseIds(req: PayloadRequest, userId: number): Promise<number[]> {
  const rows = await query<{ course_id: number }>(
    drizzleOf(req.payload),
    sql`select course_id from enrollments where user_id = ${userId} and status in ('active', 'completed')`,
  )
  return rows.map((r) => Number(r.course_id))
}

/** The course a module is created in. */
export const courseOfData = async (_req: PayloadRequest, data: Record<string, unknown>) => relationId(data.course)

/** The course of the module a lesson is created in. */
export async function courseOfModule(req: PayloadRequest, data: Record<string, unknown>): Promise<number | null> {
  const moduleId = relationId(data.module)
  if (moduleId === null) return null
  const [row] = await query<{ course_id: number | null }>(drizzleOf(req.payload), sql`select course_id from course_modules where id = ${moduleId}`)
  return row?.course_id == null ? null : Number(row.course_id)
}
