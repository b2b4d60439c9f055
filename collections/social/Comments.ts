import type { Access, CollectionConfig, Where } from 'payload'

import { fieldNobody, fieldStaffOnly, isAdmin, isVerifiedMember } from '@/access'
import { isStaffUser } from '@/access/roles'
import { commentReadWhere } from '@/domain/social/visibility'
import { commentCounters, commentCountersOnDelete, emitCommentActivity, prepareComment } from './hooks/comments'
import { commentEndpoints } from './endpoints/comments'

/** Authors change their comment (the text only within 15 minutes, see prepareComment) and delete it; staff always. */
const authorOrStaff: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  return { and: [{ author: { equals: user.id } }, { deletedAt: { exists: false } }] } as Where
}

const serverOnly = { create: fieldNobody, update: fieldNobody }

/**
 * Comments on posts, two levels deep: a reply to a reply is attached to the top-level comment it
 * belongs to. Plain text only. Deleting moves a comment to the trash (deletedAt), which staff still see.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  admin: { useAsTitle: 'body', defaultColumns: ['body', 'author', 'post', 'moderation', 'createdAt'], group: 'Social' },
  access: {
    read: ({ req: { user } }) => commentReadWhere(user),
    create: isVerifiedMember,
    update: authorOrStaff,
    // Moving to the trash (Payload passes the update's data with deletedAt): the author or staff.
    // Deleting for good: administrators only.
    delete: (args) => (args.data?.deletedAt ? authorOrStaff(args) : isAdmin(args)),
  },
  trash: true,
  endpoints: commentEndpoints,
  hooks: {
    beforeChange: [prepareComment],
    afterChange: [commentCounters, emitCommentActivity],
    afterDelete: [commentCountersOnDelete],
  },
  indexes: [{ fields: ['post', 'createdAt'] }, { fields: ['parent', 'createdAt'] }],
  fields: [
    { name: 'post', type: 'relationship', relationTo: 'posts', required: true, maxDepth: 0, access: { update: fieldNobody } },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      maxDepth: 0,
      access: { update: fieldNobody },
      admin: { description: 'The top-level comment this one answers.' },
    },
    { name: 'author', type: 'relationship', relationTo: 'users', index: true, access: serverOnly, admin: { readOnly: true } },
    { name: 'body', type: 'textarea', required: true, maxLength: 5000 },
    {
      name: 'mentions',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      maxDepth: 0,
      access: serverOnly,
      admin: { readOnly: true, description: 'Members named with @handle in the body.' },
    },
    { name: 'likeCount', type: 'number', defaultValue: 0, access: serverOnly, admin: { readOnly: true } },
    { name: 'replyCount', type: 'number', defaultValue: 0, access: serverOnly, admin: { readOnly: true } },
    { name: 'editedAt', type: 'date', access: serverOnly, admin: { readOnly: true } },
    {
      name: 'moderation',
      type: 'select',
      required: true,
      defaultValue: 'visible',
      options: ['visible', 'held', 'hidden', 'removed'],
      index: true,
      access: { create: fieldStaffOnly, update: fieldStaffOnly },
      admin: { position: 'sidebar' },
    },
  ],
}
