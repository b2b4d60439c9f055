import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { drizzleOf, query, sql } from '@/db/sql'

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

/** Ids of the courses the user is actively enrolled in (one statement). */
export async function activeCourseIds(req: PayloadRequest, userId: number): Promise<number[]> {
  const rows = await query<{ course_id: number }>(
    drizzleOf(req.payload),
    sql`select course_id from enrollments where user_id = ${userId} and status in ('active', 'completed')`,
  )
  return rows.map((r) => Number(r.course_id))
}
