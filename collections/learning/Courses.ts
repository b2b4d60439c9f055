import type { CollectionConfig, Where } from 'payload'

import { fieldNobody, fieldStaffOnly } from '@/access'
import { isStaffUser } from '@/access/roles'
import { COURSE_LEVELS, COURSE_PRICING } from '@/domain/learning/types'
import { canAuthor, courseAuthorWhere } from './access'
import { courseEndpoints } from './endpoints/courses'
import { addAuthorAsInstructor } from './hooks/addAuthorAsInstructor'
import { deleteCourseContent } from './hooks/deleteCourseContent'

const serverOnly = { create: fieldNobody, update: fieldNobody }

/** Slugs that are pages of /learn, not courses. */
export const RESERVED_COURSE_SLUGS = ['mine', 'teach', 'live', 'certificates']

/**
 * A course of the catalogue. Drafts, history and scheduled publishing are Payload's versions; the
 * public (and every member) sees published courses; instructors see and change their own drafts.
 */
export const Courses: CollectionConfig = {
  slug: 'courses',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'specialty', 'level', 'pricing', '_status', 'enrollmentCount'], group: 'Learning' },
  access: {
    read: ({ req: { user } }) => {
      if (isStaffUser(user)) return true
      const published: Where = { _status: { equals: 'published' } }
      if (user && (user.roles as string[] | undefined)?.includes('instructor')) return { or: [published, { instructors: { contains: user.id } }] }
      return published
    },
    create: canAuthor,
    update: courseAuthorWhere,
    delete: ({ req: { user } }) => isStaffUser(user),
    readVersions: courseAuthorWhere,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 25 },
  hooks: { beforeChange: [addAuthorAsInstructor], beforeDelete: [deleteCourseContent] },
  endpoints: courseEndpoints,
  defaultSort: '-createdAt',
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 120,
      validate: (value: unknown) => {
        if (typeof value !== 'string' || !/^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/.test(value)) return 'Use lowercase letters, digits and hyphens.'
        // These name pages under /learn (my learning, teaching, live sessions, certificates).
        return RESERVED_COURSE_SLUGS.includes(value) ? `"${value}" is reserved; choose another slug.` : true
      },
    },
    { name: 'summary', type: 'textarea', maxLength: 600 },
    { name: 'description', type: 'richText' },
    { name: 'cover', type: 'upload', relationTo: 'media', filterOptions: { mimeType: { contains: 'image/' } } },
    { name: 'specialty', type: 'relationship', relationTo: 'specialties', index: true, maxDepth: 1 },
    { name: 'level', type: 'select', required: true, defaultValue: 'intermediate', options: [...COURSE_LEVELS], index: true },
    {
      type: 'row',
      fields: [
        { name: 'durationMinutes', type: 'number', min: 0, admin: { description: 'Estimated time to complete' } },
        { name: 'creditHours', type: 'number', min: 0, max: 100, admin: { description: 'CME/CPD credit hours on the certificate' } },
      ],
    },
    { name: 'instructors', type: 'relationship', relationTo: 'users', hasMany: true, index: true, maxDepth: 1 },
    { name: 'tags', type: 'text', hasMany: true, maxRows: 10 },
    {
      name: 'pricing',
      type: 'select',
      required: true,
      defaultValue: 'free',
      options: [...COURSE_PRICING],
      index: true,
      admin: { description: 'free: anyone enrols; premium: members of a paid tier; paid: a one-time purchase (an entitlement)' },
    },
    {
      name: 'price',
      type: 'group',
      admin: { condition: (data) => data?.pricing === 'paid' },
      fields: [
        { name: 'amount', type: 'number', min: 0, admin: { description: 'In the smallest unit of the currency (cents)' } },
        { name: 'currency', type: 'text', defaultValue: 'usd', maxLength: 3 },
      ],
    },
    {
      name: 'prerequisites',
      type: 'relationship',
      relationTo: 'courses',
      hasMany: true,
      maxDepth: 0,
      admin: { description: 'Courses a learner must have completed before enrolling' },
    },
    {
      name: 'completion',
      type: 'group',
      admin: { description: 'When the course counts as completed' },
      fields: [
        {
          name: 'rule',
          type: 'select',
          defaultValue: 'required',
          options: [
            { label: 'Every required lesson completed', value: 'required' },
            { label: 'Weighted progress reaches a percentage', value: 'percent' },
          ],
        },
        { name: 'percent', type: 'number', min: 1, max: 100, defaultValue: 100 },
      ],
    },
    {
      name: 'certificate',
      type: 'group',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: true },
        { name: 'validityMonths', type: 'number', min: 0, defaultValue: 0, admin: { description: '0: never expires; otherwise learners recertify' } },
      ],
    },
    {
      name: 'enrollmentCount',
      type: 'number',
      defaultValue: 0,
      access: { ...serverOnly, read: () => true },
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, access: { create: fieldStaffOnly, update: fieldStaffOnly }, admin: { position: 'sidebar' } },
  ],
}
