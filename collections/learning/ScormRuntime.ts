import type { CollectionConfig, Where } from 'payload'

import { nobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'

const readOnly = { readOnly: true }

/**
 * A learner's SCORM run-time data for one SCO of a package: one row per (learner, package, SCO), kept
 * only by the server from the player's commits (PUT /api/scorm-packages/:id/runtime); nobody writes it
 * through the collection API. Time: `priorSeconds` of earlier launches plus `sessionSeconds` of the
 * launch `sessionId` make `totalSeconds`.
 */
export const ScormRuntime: CollectionConfig = {
  slug: 'scorm-runtime',
  labels: { singular: 'SCORM run-time data', plural: 'SCORM run-time data' },
  admin: { useAsTitle: 'sco', defaultColumns: ['user', 'package', 'sco', 'lessonStatus', 'completionStatus', 'updatedAt'], group: 'Learning' },
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
  indexes: [{ fields: ['user', 'package', 'sco'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'package', type: 'relationship', relationTo: 'scorm-packages', required: true, index: true, maxDepth: 0 },
    { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true, maxDepth: 0 },
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
    { name: 'sco', type: 'text', required: true, maxLength: 255, admin: { description: 'Identifier of the SCO item in the manifest' } },
    { name: 'standard', type: 'text', required: true, admin: { ...readOnly, description: 'scorm12 or scorm2004' } },
    {
      type: 'row',
      fields: [
        { name: 'lessonStatus', type: 'text', admin: { ...readOnly, description: 'SCORM 1.2 cmi.core.lesson_status' } },
        { name: 'completionStatus', type: 'text', admin: { ...readOnly, description: 'SCORM 2004 cmi.completion_status' } },
        { name: 'successStatus', type: 'text', admin: { ...readOnly, description: 'SCORM 2004 cmi.success_status' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'scoreRaw', type: 'number', admin: readOnly },
        { name: 'scoreMin', type: 'number', admin: readOnly },
        { name: 'scoreMax', type: 'number', admin: readOnly },
        { name: 'scoreScaled', type: 'number', admin: readOnly },
        { name: 'progressMeasure', type: 'number', admin: readOnly },
      ],
    },
    { name: 'location', type: 'text', admin: readOnly },
    { name: 'suspendData', type: 'textarea', admin: readOnly },
    { name: 'exit', type: 'text', admin: readOnly },
    {
      type: 'row',
      fields: [
        { name: 'totalSeconds', type: 'number', defaultValue: 0, admin: readOnly },
        { name: 'priorSeconds', type: 'number', defaultValue: 0, admin: readOnly },
        { name: 'sessionSeconds', type: 'number', defaultValue: 0, admin: readOnly },
        { name: 'sessionId', type: 'text', admin: readOnly },
      ],
    },
    { name: 'cmi', type: 'json', admin: { ...readOnly, description: 'The last committed cmi object as the SCO left it' } },
  ],
  timestamps: true,
}
