import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { ownOrReviewer } from '@/domain/trust/verification/access'
import { CHECK_STATUSES, MEMBER_STATUSES, SUBMISSION_STATUSES } from '@/domain/trust/verification/types'
import { verificationEndpoints } from './verificationEndpoints'

/**
 * A doctor's request to have their licence verified, and the decision on it. Members submit through
 * POST /api/licence-verifications/submit (one open request at a time: a partial unique index on
 * `user` where `status = 'submitted'`, src/domain/trust/verification/schema.ts); moderators and
 * administrators decide through the approve and reject endpoints, which also set the member's
 * verification status, write the audit trail and tell the member. Nobody writes rows through the
 * generic API, so no decision can skip those steps.
 */
export const LicenceVerifications: CollectionConfig = {
  slug: 'licence-verifications',
  labels: { singular: 'Licence verification', plural: 'Licence verifications' },
  admin: {
    useAsTitle: 'licenceNumber',
    defaultColumns: ['user', 'licenceNumber', 'jurisdiction', 'status', 'submittedAt', 'providerCheck.result'],
    group: 'Trust',
    description: 'Open requests are those with status "submitted"; review the oldest first.',
    components: { beforeListTable: ['/src/components/trust/admin/ReviewQueueLinks#ReviewQueueLinks'] },
  },
  access: { read: ownOrReviewer('user'), create: nobody, update: nobody, delete: isAdmin },
  defaultSort: '-submittedAt',
  endpoints: verificationEndpoints,
  indexes: [{ fields: ['status', 'submittedAt'] }],
  fields: [
    {
      name: 'review',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/trust/admin/ReviewActions#ReviewActions' } },
    },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 1, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'licenceNumber', type: 'text', required: true, maxLength: 64, admin: { readOnly: true, width: '50%' } },
        { name: 'jurisdiction', type: 'text', required: true, maxLength: 120, admin: { readOnly: true, width: '50%' } },
      ],
    },
    { name: 'document', type: 'upload', relationTo: 'licence-documents', required: true, maxDepth: 1, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'submitted',
      index: true,
      options: SUBMISSION_STATUSES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'submittedAt', type: 'date', required: true, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'reviewer', type: 'relationship', relationTo: 'users', maxDepth: 0, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'decidedAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'reason', type: 'textarea', maxLength: 1000, admin: { readOnly: true, description: 'Why the request was rejected (shown to the member).' } },
    { name: 'expiresAt', type: 'date', admin: { readOnly: true, description: 'Until when the approval holds.' } },
    {
      name: 'previousStatus',
      type: 'select',
      options: [...MEMBER_STATUSES],
      admin: { readOnly: true, description: "The member's status before this request (restored if they withdraw it)." },
    },
    {
      name: 'providerCheck',
      type: 'group',
      label: 'External identity check',
      admin: { description: 'Filled when an identity-check provider is configured (IDENTITY_CHECK_URL).' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'provider', type: 'text', maxLength: 60, admin: { readOnly: true, width: '33%' } },
            { name: 'reference', type: 'text', maxLength: 200, index: true, admin: { readOnly: true, width: '33%' } },
            { name: 'result', type: 'select', options: [...CHECK_STATUSES], admin: { readOnly: true, width: '33%' } },
          ],
        },
        { name: 'checkedAt', type: 'date', admin: { readOnly: true } },
      ],
    },
  ],
  timestamps: true,
}
