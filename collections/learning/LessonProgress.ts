import type { CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'
import { PROGRESS_STATUSES } from '@/domain/learning/types'

/**
 * A learner's progress in one lesson, kept only by the server (heartbeats, quiz grading, SCORM data,
 * attendance): nobody writes it through the API. `detail` holds what the kind of lesson measures
 * (merged watched intervals, pages viewed ...).
 */
export const LessonProgress: CollectionConfig = {
  slug: 'lesson-progress',
  labels: { singular: 'Lesson progress', plural: 'Lesson progress' },
  admin: { useAsTitle: 'id', defaultColumns: ['user', 'lesson', 'status', 'fraction', 'updatedAt'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => {
      if (!user) return false
      if (isStaffUser(user)) return true
      const own: Where = { user: { equals: user.id } }
      return hasRole(user, 'instructor') ? { or: [own, { 'course.instructors': { contains: user.id } }] } : own
    },
    create: nobody,
    update: nobody,
    delete: ({ req: { user } }) => hasRole(user, 'admin'),
  },
  indexes: [{ fields: ['user', 'lesson'], unique: true }, { fields: ['user', 'course'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true, index: true, maxDepth: 0 },
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
    { name: 'status', type: 'select', required: true, defaultValue: 'started', options: [...PROGRESS_STATUSES] },
    { name: 'fraction', type: 'number', min: 0, max: 1, defaultValue: 0, admin: { description: 'Share of the lesson done, 0 to 1' } },
    { name: 'score', type: 'number', min: 0, max: 100, admin: { description: 'Percent, for graded lessons' } },
    { name: 'position', type: 'number', admin: { description: 'Where to resume (seconds of video, page of a document)' } },
    { name: 'detail', type: 'json' },
    { name: 'completedAt', type: 'date' },
  ],
  timestamps: true,
}
