import type { Payload } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { query, sql } from '@/db/sql'
import { contentTypeOf } from './contentTypes'
import { packageStore } from './storage'
import { safeEntryPath } from './zip'

/**
 * Headers of every answer under /scorm/: the SCO runs in a same-origin iframe of the lesson player
 * (frame-ancestors 'self'), its scripts and inline handlers must run as authored, and nothing is sniffed.
 */
export const SCORM_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
}

const answer = (status: number, message: string) =>
  new Response(message, { status, headers: { ...SCORM_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

type Viewer = { id: number | string; collection?: string; roles?: string[] | null } | null

/** Whether the viewer may open the package: staff, an instructor of its course, or enrolled in it. One statement. */
async function mayOpen(payload: Payload, viewer: Viewer, packageId: number): Promise<'yes' | 'no' | 'missing'> {
  const uid = viewer && viewer.collection === 'users' ? Number(viewer.id) : 0
  const [row] = await query<{ enrolled: boolean; teaches: boolean }>(
    payload,
    sql`select
          exists (select 1 from enrollments e where e.user_id = ${uid} and e.course_id = p.course_id and e.status in ('active', 'completed')) as enrolled,
          exists (select 1 from courses_rels r where r.parent_id = p.course_id and r.path = 'instructors' and r.users_id = ${uid}) as teaches
        from scorm_packages p where p.id = ${packageId}`,
  )
  if (!row) return 'missing'
  if (!viewer || viewer.collection !== 'users') return 'no'
  if (isStaffUser(viewer)) return 'yes'
  if (row.enrolled) return 'yes'
  if (row.teaches && hasRole(viewer, 'instructor')) return 'yes'
  return 'no'
}

/**
 * Serves one file of a stored package to whoever may open it (the session cookie or an Authorization
 * header authenticates). Paths are checked again here: no `..`, no absolute paths, no directories.
 */
export async function servePackageFile(payload: Payload, request: Request, rawId: string, segments: string[]): Promise<Response> {
  const id = Number(rawId)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) return answer(404, 'Not found')
  const file = segments.length ? safeEntryPath(segments.join('/')) : null
  if (!file || segments.some((s) => s === '..' || s === '.' || s.includes('\\'))) return answer(400, 'Bad path')

  const { user } = await payload.auth({ headers: request.headers })
  const access = await mayOpen(payload, user as Viewer, id)
  if (access === 'missing') return answer(404, 'Not found')
  if (access === 'no') return answer(user ? 403 : 401, user ? 'This package is for learners of its course.' : 'Sign in first.')

  const data = await packageStore().get(id, file)
  if (!data) return answer(404, 'Not found')
  return new Response(data as BodyInit, {
    status: 200,
    headers: {
      ...SCORM_SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Content-Length': String(data.byteLength),
      // Private: only for the signed-in learner; a package's files never change under its id.
      'Cache-Control': 'private, max-age=3600',
    },
  })
}
