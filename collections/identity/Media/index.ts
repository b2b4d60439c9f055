import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone, fieldNobody, isVerifiedMember, ownerOrStaff } from '@/access'
import { sniffUpload, ALLOWED_UPLOAD_TYPES } from './hooks/sniffUpload'
import { setOwner } from './hooks/setOwner'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'alt', 'owner', 'createdAt'], group: 'Content' },
  access: {
    read: anyone,
    create: isVerifiedMember,
    update: ownerOrStaff('owner'),
    delete: ownerOrStaff('owner'),
  },
  hooks: {
    beforeOperation: [sniffUpload],
    beforeChange: [setOwner],
  },
  upload: {
    // MEDIA_DIR lets throw-away servers (tests, benchmarks) keep their uploads out of ./media.
    staticDir: path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media')),
    mimeTypes: [...ALLOWED_UPLOAD_TYPES],
    pasteURL: false,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 160, height: 160, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'wide', width: 1280, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  fields: [
    { name: 'alt', type: 'text', maxLength: 300 },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { create: fieldNobody, update: fieldNobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
