import type { Payload } from 'payload'

import { mayRecertify } from '@/domain/learning/certificates/status'
import { relationId } from '@/lib/relation'
import type { Viewer } from '@/lib/session'

/** A certificate as the member's pages show it. */
export type CertificateItem = {
  id: number
  code: string
  courseId: number
  courseSlug: string | null
  learnerName: string
  courseTitle: string
  creditHours: number | null
  completedAt: string
  issuedAt: string
  expiresAt: string | null
  revokedAt: string | null
  revokedReason: string | null
  /** Whether it belongs to the viewer (instructors and staff may look at others'). */
  mine: boolean
  /** For the viewer's latest certificate of a course: renewable now, or already being renewed. */
  recertify: 'available' | 'in-progress' | null
}

type Doc = Omit<CertificateItem, 'courseId' | 'courseSlug' | 'mine' | 'recertify'> & { course: unknown; user: unknown }

const toItem = (doc: Doc, viewer: Viewer): CertificateItem => ({
  id: doc.id,
  code: doc.code,
  courseId: relationId(doc.course) ?? 0,
  courseSlug: null,
  learnerName: doc.learnerName,
  courseTitle: doc.courseTitle,
  creditHours: doc.creditHours ?? null,
  completedAt: doc.completedAt,
  issuedAt: doc.issuedAt,
  expiresAt: doc.expiresAt ?? null,
  revokedAt: doc.revokedAt ?? null,
  revokedReason: doc.revokedReason ?? null,
  mine: relationId(doc.user) === Number(viewer.id),
  recertify: null,
})

/**
 * The viewer's certificates, newest first, with what each course's latest certificate allows: three
 * statements (certificates, their courses' slugs, the viewer's enrollments in them).
 */
export async function myCertificates(payload: Payload, viewer: Viewer): Promise<CertificateItem[]> {
  const { docs } = await payload.find({
    collection: 'certificates',
    where: { user: { equals: viewer.id } },
    sort: '-issuedAt',
    limit: 100,
    depth: 0,
    overrideAccess: false,
    user: viewer,
  })
  const items = (docs as unknown as Doc[]).map((d) => toItem(d, viewer))
  const courseIds = [...new Set(items.map((i) => i.courseId))]
  if (!courseIds.length) return items
  const [courses, enrollments] = await Promise.all([
    payload.find({ collection: 'courses', where: { id: { in: courseIds } }, select: { slug: true }, limit: courseIds.length, depth: 0, overrideAccess: false, user: viewer }),
    payload.find({
      collection: 'enrollments',
      where: { and: [{ user: { equals: viewer.id } }, { course: { in: courseIds } }] },
      select: { course: true, status: true },
      limit: courseIds.length,
      depth: 0,
      overrideAccess: false,
      user: viewer,
    }),
  ])
  const slugs = new Map(courses.docs.map((c) => [Number(c.id), (c as { slug?: string }).slug ?? null]))
  const statuses = new Map(enrollments.docs.map((e) => [relationId((e as { course: unknown }).course), (e as { status?: string }).status]))
  const seen = new Set<number>()
  for (const item of items) {
    item.courseSlug = slugs.get(item.courseId) ?? null
    if (seen.has(item.courseId)) continue // only the latest certificate of a course can be renewed
    seen.add(item.courseId)
    if (!mayRecertify(item)) continue
    const status = statuses.get(item.courseId)
    if (status === 'completed') item.recertify = 'available'
    else if (status === 'active') item.recertify = 'in-progress'
  }
  return items
}

/** One certificate the viewer may read (theirs, their course's, or any for staff), or null. */
export async function readableCertificate(payload: Payload, viewer: Viewer, id: number): Promise<CertificateItem | null> {
  const { docs } = await payload.find({ collection: 'certificates', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: false, user: viewer })
  const doc = docs[0] as unknown as Doc | undefined
  if (!doc) return null
  const item = toItem(doc, viewer)
  const course = await payload.find({ collection: 'courses', where: { id: { equals: item.courseId } }, select: { slug: true }, limit: 1, depth: 0, overrideAccess: false, user: viewer })
  item.courseSlug = (course.docs[0] as { slug?: string } | undefined)?.slug ?? null
  return item
}
