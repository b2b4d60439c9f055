import type { CollectionBeforeValidateHook } from 'payload'

import { relationId } from '@/lib/relation'

/** A lesson belongs to the course of its module; the course is copied so access needs no join. */
export const lessonCourseFromModule: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const moduleId = relationId(data?.module ?? originalDoc?.module)
  if (!data || moduleId === null) return data
  const mod = await req.payload.findByID({ collection: 'course-modules', id: moduleId, depth: 0, req, overrideAccess: true, select: { course: true } }).catch(() => null)
  if (mod) data.course = relationId(mod.course)
  return data
}
