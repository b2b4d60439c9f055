import type { Access, CollectionConfig } from 'payload'

import { fieldNobody, fieldStaffOnly, isAdmin, isVerifiedMember } from '@/access'
import { isStaffUser } from '@/access/roles'
import { REPORT_REASONS, REPORT_STATUSES, REPORT_TARGETS } from '@/domain/trust/reportRules'
import { hideWhenReportedEnough, prepareReport } from './hooks/reports'

const serverOnly = { create: fieldNobody, update: fieldNobody }
const staffOnly: Access = ({ req: { user } }) => isStaffUser(user)

/**
 * A member's report of a post, comment, message or member. Members see their own reports; staff decide
 * them. One open report per reporter and target (the unique index counts `openSlot`, which is 1 while
 * open and empty once decided). Reports weighted by the reporters' trust hide posts and comments
 * automatically (moderation settings).
 */
export const Reports: CollectionConfig = {
  slug: 'reports',
  admin: { useAsTitle: 'reason', defaultColumns: ['createdAt', 'targetType', 'targetId', 'reason', 'status', 'reporter'], group: 'Operations' },
  access: {
    read: ({ req: { user } }) => (!user ? false : isStaffUser(user) ? true : { reporter: { equals: user.id } }),
    create: isVerifiedMember,
    update: staffOnly,
    delete: isAdmin,
  },
  hooks: { beforeChange: [prepareReport], afterChange: [hideWhenReportedEnough] },
  defaultSort: '-createdAt',
  indexes: [
    { fields: ['reporter', 'targetType', 'targetId', 'openSlot'], unique: true },
    { fields: ['targetType', 'targetId', 'status'] },
  ],
  fields: [
    { name: 'targetType', type: 'select', required: true, options: [...REPORT_TARGETS], access: { update: fieldNobody } },
    { name: 'targetId', type: 'number', required: true, min: 1, max: 2147483647, access: { update: fieldNobody } },
    { name: 'reason', type: 'select', required: true, options: [...REPORT_REASONS], access: { update: fieldNobody } },
    { name: 'note', type: 'textarea', maxLength: 1000, access: { update: fieldNobody } },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', options: [...REPORT_STATUSES], index: true, access: { create: fieldNobody, update: fieldStaffOnly } },
    { name: 'resolution', type: 'textarea', maxLength: 2000, access: { create: fieldNobody, update: fieldStaffOnly }, admin: { description: 'Why it was decided so' } },
    { name: 'reporter', type: 'relationship', relationTo: 'users', index: true, maxDepth: 0, access: serverOnly, admin: { readOnly: true } },
    { name: 'targetAuthor', type: 'relationship', relationTo: 'users', index: true, maxDepth: 0, access: { ...serverOnly, read: fieldStaffOnly }, admin: { readOnly: true } },
    { name: 'weight', type: 'number', access: { ...serverOnly, read: fieldStaffOnly }, admin: { readOnly: true, description: "What the report weighs, from the reporter's trust level" } },
    { name: 'reporterTrust', type: 'number', access: { ...serverOnly, read: fieldStaffOnly }, admin: { readOnly: true } },
    { name: 'openSlot', type: 'number', access: { ...serverOnly, read: fieldNobody }, admin: { hidden: true } },
    { name: 'resolvedBy', type: 'relationship', relationTo: 'users', maxDepth: 0, access: { ...serverOnly, read: fieldStaffOnly }, admin: { readOnly: true } },
    { name: 'resolvedAt', type: 'date', access: serverOnly, admin: { readOnly: true } },
  ],
  timestamps: true,
}
