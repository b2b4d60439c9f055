import type { CollectionConfig } from 'payload'

import { isStaffUser } from '@/access/roles'
import { deleteModuleLessons } from './hooks/deleteCourseContent'
import { canAuthorIn, courseChildAuthorWhere, courseOfData } from './access'

/** A module groups the lessons of a course, in order. Its title and order are part of the public syllabus. */
export const CourseModules: CollectionConfig = {
  slug: 'course-modules',
  labels: { singular: 'Module', plural: 'Modules' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'course', 'order'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => (isStaffUser(user) ? true : { 'course._status': { equals: 'published' } }),
    create: canAuthorIn(courseOfData),
    update: courseChildAuthorWhere,
    delete: courseChildAuthorWhere,
  },
  hooks: { beforeDelete: [deleteModuleLessons] },
  defaultSort: 'order',
  indexes: [{ fields: ['course', 'order'] }],
  fields: [
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    { name: 'order', type: 'number', required: true, defaultValue: 0 },
  ],
}
