import type { CollectionConfig, Where } from 'payload'

import { fieldNobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'
import { drizzleOf, query, sql } from '@/db/sql'
import { relationId } from '@/lib/relation'
import { activeCourseIds, canAuthorIn, courseChildAuthorWhere } from './access'
import { scormRuntimeEndpoints } from './scorm/endpoints'
import { deleteRuntimeData, readUploadedPackage, removeFilesOnError, removeStoredFiles, storeUnpackedFiles } from './scorm/hooks'

/** The course of the lesson a package is uploaded for. */
async function courseOfLesson(req: Parameters<Parameters<typeof canAuthorIn>[0]>[0], data: Record<string, unknown>) {
  const lessonId = relationId(data.lesson)
  if (lessonId === null) return null
  const [row] = await query<{ course_id: number | null }>(drizzleOf(req.payload), sql`select course_id from lessons where id = ${lessonId}`)
  return row?.course_id == null ? null : Number(row.course_id)
}

/**
 * A SCORM 1.2 or 2004 package of a lesson of kind `scorm`. Instructors of the course and staff upload
 * the zip (in the admin, or POST /api/scorm-packages as multipart); it is checked (zip bytes, limits,
 * safe paths, imsmanifest.xml at the root, SCORM version, SCOs), its files are stored unpacked under the
 * package's id (media folder or S3) and served from /scorm/<id>/..., and its item tree is kept here.
 * The zip itself is not kept. Learners of the course read it to play it; their cmi data lives in
 * `scorm-runtime` (GET/PUT /api/scorm-packages/:id/runtime).
 */
export const ScormPackages: CollectionConfig = {
  slug: 'scorm-packages',
  labels: { singular: 'SCORM package', plural: 'SCORM packages' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'lesson', 'standard', 'scoCount', 'createdAt'],
    group: 'Learning',
    description: 'Upload a SCORM 1.2 or 2004 zip (imsmanifest.xml at its root) for a lesson of kind SCORM.',
  },
  access: {
    read: async ({ req }) => {
      const { user } = req
      if (!user || user.collection !== 'users') return false
      if (isStaffUser(user)) return true
      const or: Where[] = []
      const enrolled = await activeCourseIds(req, Number(user.id))
      if (enrolled.length) or.push({ course: { in: enrolled } })
      if (hasRole(user, 'instructor')) or.push({ 'course.instructors': { contains: user.id } })
      return or.length ? { or } : false
    },
    create: canAuthorIn(courseOfLesson),
    update: courseChildAuthorWhere,
    delete: courseChildAuthorWhere,
  },
  upload: {
    // The zip is unpacked into the package store by the hooks; Payload keeps no copy of it.
    disableLocalStorage: true,
    mimeTypes: ['application/zip', 'application/x-zip-compressed'],
    pasteURL: false,
    hideFileInputOnCreate: false,
    displayPreview: false,
  },
  hooks: {
    beforeValidate: [readUploadedPackage],
    afterChange: [storeUnpackedFiles],
    afterError: [removeFilesOnError],
    beforeDelete: [deleteRuntimeData],
    afterDelete: [removeStoredFiles],
  },
  endpoints: scormRuntimeEndpoints,
  fields: [
    {
      name: 'lesson',
      type: 'relationship',
      relationTo: 'lessons',
      required: true,
      unique: true,
      maxDepth: 0,
      filterOptions: { kind: { equals: 'scorm' } },
      access: { update: fieldNobody },
      admin: { description: 'A lesson of kind SCORM; one package per lesson' },
    },
    {
      // Copied from the lesson on save, so that access needs no join.
      name: 'course',
      type: 'relationship',
      relationTo: 'courses',
      index: true,
      maxDepth: 0,
      access: { create: fieldNobody, update: fieldNobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'title', type: 'text', maxLength: 300, admin: { description: 'Defaults to the title in the manifest' } },
    {
      type: 'row',
      fields: [
        {
          name: 'standard',
          type: 'select',
          options: [
            { label: 'SCORM 1.2', value: 'scorm12' },
            { label: 'SCORM 2004', value: 'scorm2004' },
          ],
          access: { create: fieldNobody, update: fieldNobody },
          admin: { readOnly: true },
        },
        { name: 'schemaVersion', type: 'text', access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
        { name: 'scoCount', type: 'number', access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
      ],
    },
    { name: 'manifestIdentifier', type: 'text', access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
    {
      name: 'items',
      type: 'json',
      access: { create: fieldNobody, update: fieldNobody },
      admin: { readOnly: true, description: "The default organization's item tree: identifier, title, kind (sco, asset, folder), launch path" },
    },
    { name: 'scos', type: 'json', access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true, description: 'The SCOs in tree order' } },
    {
      type: 'row',
      fields: [
        { name: 'fileCount', type: 'number', access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
        { name: 'unpackedBytes', type: 'number', access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
        {
          name: 'storage',
          type: 'select',
          options: ['local', 's3'],
          access: { create: fieldNobody, update: fieldNobody },
          admin: { readOnly: true },
        },
      ],
    },
  ],
}
