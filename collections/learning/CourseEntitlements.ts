import type { CollectionConfig } from 'payload'

import { fieldNobody } from '@/access'
import { isStaffUser } from '@/access/roles'

const staffOnly = ({ req: { user } }: { req: { user: unknown } }) => isStaffUser(user as never)

/**
 * The right to enrol in a paid course: granted by a purchase (the subscriptions plugin) or by staff.
 * It may expire; an expired or revoked entitlement does not open new enrollments.
 */
export const CourseEntitlements: CollectionConfig = {
  slug: 'course-entitlements',
  labels: { singular: 'Course entitlement', plural: 'Course entitlements' },
  admin: { useAsTitle: 'id', defaultColumns: ['user', 'course', 'source', 'expiresAt', 'revokedAt'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => (!user ? false : isStaffUser(user) ? true : { user: { equals: user.id } }),
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  hooks: {
    beforeChange: [
      ({ data, operation, req: { user } }) => {
        if (operation === 'create' && user && !data.grantedBy) data.grantedBy = user.id
        return data
      },
    ],
  },
  indexes: [{ fields: ['user', 'course'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
    { name: 'source', type: 'select', required: true, defaultValue: 'staff', options: ['staff', 'purchase'] },
    { name: 'reference', type: 'text', maxLength: 200, admin: { description: 'The payment or order behind a purchase' } },
    { name: 'expiresAt', type: 'date' },
    { name: 'revokedAt', type: 'date' },
    { name: 'note', type: 'textarea', maxLength: 1000 },
    { name: 'grantedBy', type: 'relationship', relationTo: 'users', maxDepth: 0, access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
  ],
  timestamps: true,
}
