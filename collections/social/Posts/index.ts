import type { Access, CollectionConfig, Field, Where } from 'payload'

import { fieldNobody, fieldStaffOnly, isAdmin, isVerifiedMember } from '@/access'
import { isStaffUser } from '@/access/roles'
import { MAX_TAGS, TAG_PATTERN } from '@/domain/social/content'
import { POST_VISIBILITIES, ROOM_VISIBILITIES, postReadWhere } from '@/domain/social/visibility'
import { postEndpoints } from './endpoints'
import { prepareContent, serverFields } from './hooks/prepare'
import { checkPost } from './hooks/check'
import { recordRepost } from './hooks/recordRepost'
import { emitPostActivity } from './hooks/emitActivity'

export const POST_KINDS = ['text', 'image', 'gallery', 'video', 'link', 'repost', 'quote', 'card'] as const
export const MODERATION_STATES = ['visible', 'held', 'hidden', 'removed'] as const

/** Authors change their own posts (not what they deleted); staff any. */
const authorOrStaff: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  return { and: [{ author: { equals: user.id } }, { deletedAt: { exists: false } }] } as Where
}

const serverOnly = { create: fieldNobody, update: fieldNobody }

const counter = (name: string, label?: string): Field => ({
  name,
  label,
  type: 'number',
  defaultValue: 0,
  access: serverOnly,
  admin: { readOnly: true },
})

/**
 * Posts of the professional network. Drafts, history and scheduled publishing are Payload's versions;
 * deleting moves a post to Payload's trash (`deletedAt`), where staff still see it.
 */
export const Posts: CollectionConfig = {
  slug: 'posts',
  admin: { useAsTitle: 'text', defaultColumns: ['text', 'kind', 'author', 'visibility', 'moderation', '_status', 'createdAt'], group: 'Social' },
  access: {
    read: ({ req: { user } }) => postReadWhere(user),
    create: isVerifiedMember,
    update: authorOrStaff,
    // Moving to the trash (Payload passes the update's data with deletedAt): the author or staff.
    // Deleting for good: administrators only.
    delete: (args) => (args.data?.deletedAt ? authorOrStaff(args) : isAdmin(args)),
    // The edit history: the author's own posts, or staff. Paths point into the stored version.
    readVersions: ({ req: { user } }) => {
      if (!user) return false
      if (isStaffUser(user)) return true
      return { 'version.author': { equals: user.id } }
    },
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 25 },
  trash: true,
  endpoints: postEndpoints,
  hooks: {
    beforeValidate: [prepareContent],
    beforeChange: [serverFields, checkPost],
    afterChange: [recordRepost, emitPostActivity],
  },
  indexes: [
    { fields: ['author', 'createdAt'] },
    { fields: ['room', 'createdAt'] },
    { fields: ['repostOf', 'createdAt'] },
    // Feeds pick each source's newest posts by (publishedAt, id): per followed author, per joined room.
    { fields: ['author', 'publishedAt'] },
    { fields: ['room', 'publishedAt'] },
  ],
  fields: [
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: serverOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'kind', type: 'select', required: true, defaultValue: 'text', options: [...POST_KINDS], index: true },
    { name: 'title', type: 'text', maxLength: 200, admin: { description: 'Optional headline.' } },
    { name: 'body', type: 'richText' },
    {
      name: 'text',
      type: 'textarea',
      access: serverOnly,
      admin: { readOnly: true, description: 'Plain text of the body, for search and previews.' },
    },
    {
      name: 'media',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      maxRows: 10,
      filterOptions: { mimeType: { contains: 'image/' } },
    },
    { name: 'video', type: 'text', maxLength: 500, admin: { description: 'https YouTube or Vimeo link, or a direct https .mp4/.webm file.' } },
    {
      name: 'link',
      type: 'group',
      admin: { description: 'Only the URL is yours to set; the preview is read from the page by the server.' },
      fields: [
        { name: 'url', type: 'text', maxLength: 2000 },
        { name: 'title', type: 'text', access: serverOnly, admin: { readOnly: true } },
        { name: 'description', type: 'textarea', access: serverOnly, admin: { readOnly: true } },
        { name: 'imageUrl', type: 'text', access: serverOnly, admin: { readOnly: true } },
        { name: 'siteName', type: 'text', access: serverOnly, admin: { readOnly: true } },
        { name: 'fetchedAt', type: 'date', access: serverOnly, admin: { readOnly: true } },
      ],
    },
    // The original of a repost or quote: an id at any depth (the feed fetches originals in one batch).
    { name: 'repostOf', type: 'relationship', relationTo: 'posts', index: true, maxDepth: 0 },
    {
      name: 'card',
      type: 'group',
      fields: [
        { name: 'kind', type: 'select', options: ['course', 'deal', 'ama', 'event'] },
        { name: 'ref', type: 'text', maxLength: 100 },
      ],
    },
    { name: 'specialties', type: 'relationship', relationTo: 'specialties', hasMany: true, maxRows: 5, maxDepth: 0 },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      maxRows: MAX_TAGS,
      validate: (value: unknown) => {
        if (value == null) return true
        if (!Array.isArray(value)) return 'Tags are a list.'
        if (value.length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`
        return value.every((t) => typeof t === 'string' && TAG_PATTERN.test(t)) || 'Tags are words of letters, digits or hyphens (at most 40 characters).'
      },
    },
    { name: 'visibility', type: 'select', required: true, defaultValue: 'members', options: [...POST_VISIBILITIES], index: true },
    { name: 'room', type: 'relationship', relationTo: 'rooms', index: true, maxDepth: 0 },
    {
      // The room's visibility, copied here so that reading posts needs no join (see rooms' hook).
      name: 'roomVisibility',
      type: 'select',
      options: [...ROOM_VISIBILITIES],
      defaultValue: 'public',
      index: true,
      access: serverOnly,
      admin: { readOnly: true, hidden: true },
    },
    {
      type: 'row',
      fields: [counter('likeCount', 'Likes'), counter('upvotes'), counter('downvotes')],
    },
    {
      type: 'row',
      fields: [counter('commentCount', 'Comments'), counter('shareCount', 'Shares'), counter('bookmarkCount', 'Bookmarks')],
    },
    { name: 'editedAt', type: 'date', access: serverOnly, admin: { readOnly: true, position: 'sidebar' } },
    {
      // When the post first went live (created published, a draft published, or its schedule ran):
      // feeds order by it, so a scheduled post appears at its publishing time, not when it was written.
      name: 'publishedAt',
      type: 'date',
      index: true,
      access: serverOnly,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'moderation',
      type: 'select',
      required: true,
      defaultValue: 'visible',
      options: [...MODERATION_STATES],
      index: true,
      access: { create: fieldStaffOnly, update: fieldStaffOnly },
      admin: { position: 'sidebar' },
    },
  ],
}
