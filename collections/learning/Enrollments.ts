import type { Access, CollectionConfig, Where } from 'payload'

import { fieldNobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'
import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES } from '@/domain/learning/types'

const serverOnly = { create: fieldNobody, update: fieldNobody }

/** Learners read their own enrollments; instructors those of their courses; staff all. */
const readEnrollments: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  const own: Where = { user: { equals: user.id } }
  if (hasRole(user, 'instructor')) return { or: [own, { 'course.instructors': { contains: user.id } }] }
  return own
}

/**
 * A learner's place in a course. Made and ended by the enrollment rules (POST /api/courses/:id/enroll,
 * /unenroll), which check pricing, entitlements and prerequisites; progress is kept by the server.
 */
export const Enrollments: CollectionConfig = {
  slug: 'enrollments',
  admin: { useAsTitle: 'id', defaultColumns: ['user', 'course', 'status', 'progress', 'enrolledAt'], group: 'Learning' },
  access: {
    read: readEnrollments,
    create: ({ req: { user } }) => isStaffUser(user),
    update: ({ req: { user } }) => isStaffUser(user),
    delete: ({ req: { user } }) => hasRole(user, 'admin'),
  },
  defaultSort: '-enrolledAt',
  indexes: [{ fields: ['user', 'course'], unique: true }, { fields: ['course', 'status'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 1 },
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 1 },
    { name: 'status', type: 'select', required: true, defaultValue: 'active', options: [...ENROLLMENT_STATUSES], index: true },
    { name: 'source', type: 'select', required: true, defaultValue: 'staff', options: [...ENROLLMENT_SOURCES] },
    { name: 'enrolledAt', type: 'date', required: true, defaultValue: () => new Date().toISOString(), index: true },
    { name: 'completedAt', type: 'date', access: serverOnly },
    { name: 'progress', type: 'number', min: 0, max: 100, defaultValue: 0, access: serverOnly, admin: { description: 'Weighted progress, percent' } },
    { name: 'lastLesson', type: 'relationship', relationTo: 'lessons', maxDepth: 0, access: serverOnly, admin: { description: 'Where the learner resumes' } },
    { name: 'lastActivityAt', type: 'date', access: serverOnly },
  ],
  timestamps: true,
}
