import type { CollectionConfig } from 'payload'

import { anyone, isEditorOrAdmin } from '@/access'

/** Master data: medical specialties and their sub-specialties. */
export const Specialties: CollectionConfig = {
  slug: 'specialties',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'parent', 'slug'], group: 'Identity' },
  access: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'slug', type: 'text', required: true, unique: true, index: true, maxLength: 120 },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'specialties',
      index: true,
      admin: { description: 'Empty for a specialty; set for a sub-specialty.' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    { name: 'description', type: 'textarea', maxLength: 1000 },
  ],
}
