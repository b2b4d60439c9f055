import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { fieldNobody, fieldStaffOnly, nobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'
import { certificateEndpoints } from './endpoints/certificates'
import { auditRevocation, recordRevocation } from './hooks/certificateRevocation'

/** Everything but the revocation is written once, when the certificate is issued. */
const issued = { create: fieldNobody, update: fieldNobody }
const revocation: { create: FieldAccess; update: FieldAccess } = { create: fieldNobody, update: fieldStaffOnly }

/** Learners read their own certificates; instructors those of their courses; staff all. */
const readCertificates: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  const own = { user: { equals: user.id } }
  if (hasRole(user, 'instructor')) return { or: [own, { 'course.instructors': { contains: user.id } }] }
  return own
}

/**
 * A certificate of completion. Issued by the server when a learner completes a course that awards one
 * (src/domain/learning/certificates/issue.ts), with the learner's name, the course's title and credit
 * hours as they were then. Anyone checks one by its code (GET /api/certificates/verify/:code). Staff
 * revoke one by giving a reason (the time and the staff member are recorded, and the audit trail
 * keeps an entry); nothing else about it changes.
 */
export const Certificates: CollectionConfig = {
  slug: 'certificates',
  admin: { useAsTitle: 'code', defaultColumns: ['code', 'learnerName', 'courseTitle', 'issuedAt', 'expiresAt', 'revokedAt'], group: 'Learning' },
  access: {
    read: readCertificates,
    create: nobody,
    update: ({ req: { user } }) => isStaffUser(user),
    delete: nobody,
  },
  defaultSort: '-issuedAt',
  indexes: [
    // One certificate per completion: the same completion announced twice issues nothing more.
    { fields: ['enrollment', 'completedAt'], unique: true },
    { fields: ['user', 'issuedAt'] },
  ],
  endpoints: certificateEndpoints,
  hooks: { beforeChange: [recordRevocation], afterChange: [auditRevocation] },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true, index: true, maxLength: 40, access: issued, admin: { readOnly: true } },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0, access: issued, admin: { readOnly: true } },
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0, access: issued, admin: { readOnly: true } },
    { name: 'enrollment', type: 'relationship', relationTo: 'enrollments', required: true, maxDepth: 0, access: issued, admin: { readOnly: true } },
    { name: 'learnerName', type: 'text', required: true, maxLength: 200, access: issued, admin: { readOnly: true, description: 'As issued' } },
    { name: 'courseTitle', type: 'text', required: true, maxLength: 200, access: issued, admin: { readOnly: true, description: 'As issued' } },
    { name: 'creditHours', type: 'number', min: 0, access: issued, admin: { readOnly: true, description: 'As issued' } },
    { name: 'completedAt', type: 'date', required: true, access: issued, admin: { readOnly: true } },
    { name: 'issuedAt', type: 'date', required: true, index: true, access: issued, admin: { readOnly: true } },
    { name: 'expiresAt', type: 'date', access: issued, admin: { readOnly: true, description: 'Empty: never expires' } },
    {
      type: 'collapsible',
      label: 'Revocation',
      fields: [
        {
          name: 'revokedReason',
          type: 'textarea',
          maxLength: 500,
          access: revocation,
          admin: { description: 'Giving a reason revokes the certificate; it then verifies as revoked.' },
        },
        { name: 'revokedAt', type: 'date', access: issued, admin: { readOnly: true } },
        { name: 'revokedBy', type: 'relationship', relationTo: 'users', maxDepth: 0, access: issued, admin: { readOnly: true } },
      ],
    },
  ],
  timestamps: true,
}
