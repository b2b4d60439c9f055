import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { LICENCE_DOCUMENT_DIR, LICENCE_DOCUMENT_TYPES } from '@/domain/trust/verification/document'
import { ownOrReviewer } from '@/domain/trust/verification/access'

/**
 * Licence documents (the scan or PDF a doctor sends with a verification request). Private: only their
 * owner and reviewers read them, and the file itself only through Payload's access-checked file route
 * (/api/licence-documents/file/<name>). They are stored outside the public media folder, and made only
 * by POST /api/licence-verifications/submit, which checks the type from the bytes and the size first.
 */
export const LicenceDocuments: CollectionConfig = {
  slug: 'licence-documents',
  labels: { singular: 'Licence document', plural: 'Licence documents' },
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'owner', 'mimeType', 'createdAt'], group: 'Trust' },
  access: { read: ownOrReviewer('owner'), create: nobody, update: nobody, delete: isAdmin },
  upload: {
    staticDir: LICENCE_DOCUMENT_DIR,
    mimeTypes: [...LICENCE_DOCUMENT_TYPES],
    pasteURL: false,
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'private, no-store')
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
  },
  fields: [
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      maxDepth: 0,
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
  timestamps: true,
}
