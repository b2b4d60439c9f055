import type { CollectionConfig, Where } from 'payload'

import { hasRole, isStaffUser } from '@/access/roles'
import { LESSON_KINDS } from '@/domain/learning/types'
import { activeCourseIds, canAuthorIn, courseChildAuthorWhere, courseOfModule } from './access'
import { lessonCourseFromModule } from './hooks/lessonCourseFromModule'
import { lessonPlayerEndpoints } from './endpoints/lessonPlayer'
import { keepStartedLesson } from './hooks/deleteCourseContent'

/**
 * A lesson of a module. Its content (video, document, text ...) is for enrolled learners, instructors of
 * the course and staff; a lesson marked as a preview is open to everyone. The public syllabus (titles,
 * kinds, durations) is read by the course page on the server, not through this collection.
 * Drip release is enforced by the rules that open a lesson (src/domain/learning).
 */
export const Lessons: CollectionConfig = {
  slug: 'lessons',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'course', 'module', 'order'], group: 'Learning' },
  access: {
    read: async ({ req }) => {
      const { user } = req
      if (isStaffUser(user)) return true
      const preview: Where = { and: [{ preview: { equals: true } }, { 'course._status': { equals: 'published' } }] }
      if (!user || user.collection !== 'users') return preview
      const or: Where[] = [preview]
      const enrolled = await activeCourseIds(req, Number(user.id))
      if (enrolled.length) or.push({ course: { in: enrolled } })
      if (hasRole(user, 'instructor')) or.push({ 'course.instructors': { contains: user.id } })
      return { or }
    },
    create: canAuthorIn(courseOfModule),
    update: courseChildAuthorWhere,
    delete: courseChildAuthorWhere,
  },
  hooks: { beforeValidate: [lessonCourseFromModule], beforeDelete: [keepStartedLesson] },
  endpoints: lessonPlayerEndpoints,
  defaultSort: 'order',
  indexes: [{ fields: ['module', 'order'] }, { fields: ['course', 'order'] }],
  fields: [
    { name: 'module', type: 'relationship', relationTo: 'course-modules', required: true, index: true, maxDepth: 0 },
    {
      // Copied from the module on save, so that access and progress need no join.
      name: 'course',
      type: 'relationship',
      relationTo: 'courses',
      index: true,
      maxDepth: 0,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'order', type: 'number', required: true, defaultValue: 0 },
    { name: 'kind', type: 'select', required: true, defaultValue: 'text', options: [...LESSON_KINDS], index: true },
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    {
      type: 'row',
      fields: [
        { name: 'weight', type: 'number', min: 0, max: 100, defaultValue: 1, admin: { description: 'Share of the course progress' } },
        { name: 'required', type: 'checkbox', defaultValue: true, admin: { description: 'Needed to complete the course' } },
        { name: 'preview', type: 'checkbox', defaultValue: false, admin: { description: 'Open to everyone as a free preview' } },
        { name: 'estimatedMinutes', type: 'number', min: 0 },
      ],
    },
    {
      name: 'release',
      type: 'group',
      admin: { description: 'Drip release: the lesson opens on a date, or some days after the learner enrolled' },
      fields: [
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'afterDays', type: 'number', min: 0 },
      ],
    },
    {
      name: 'video',
      type: 'group',
      admin: { condition: (data) => data?.kind === 'video' },
      fields: [
        { name: 'file', type: 'upload', relationTo: 'lesson-media', filterOptions: { mimeType: { contains: 'video/' } } },
        { name: 'url', type: 'text', maxLength: 500, admin: { description: 'Or an https link to an .mp4/.webm file' } },
        { name: 'durationSeconds', type: 'number', min: 1, admin: { description: 'Length of the video; watched time is measured against it' } },
      ],
    },
    {
      name: 'document',
      type: 'group',
      admin: { condition: (data) => data?.kind === 'document' },
      fields: [
        { name: 'file', type: 'upload', relationTo: 'lesson-media', filterOptions: { mimeType: { equals: 'application/pdf' } } },
        { name: 'pageCount', type: 'number', min: 1 },
      ],
    },
    { name: 'body', type: 'richText', admin: { condition: (data) => data?.kind === 'text' || data?.kind === 'live' } },
  ],
}
