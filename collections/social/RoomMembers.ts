import type { Access, CollectionConfig } from 'payload'

import { isStaffUser } from '@/access/roles'
import { roomReadWhere } from '@/domain/social/visibility'
import { memberCountAfterChange, memberCountAfterDelete } from './hooks/roomMembers'

const staffOnly: Access = ({ req: { user } }) => isStaffUser(user)

/**
 * Who belongs to which room, and as what. Members join and leave through POST /api/rooms/:id/join and
 * /leave; staff may add, promote (moderator) or remove members here. rooms.memberCount follows every
 * change in the same transaction.
 */
export const RoomMembers: CollectionConfig = {
  slug: 'room-members',
  admin: { defaultColumns: ['room', 'user', 'role', 'createdAt'], group: 'Social' },
  access: {
    // Signed-in members see the members of rooms they can see.
    read: ({ req: { user } }) => {
      if (!user) return false
      const rooms = roomReadWhere(user, 'room.')
      return rooms === true ? true : rooms
    },
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  indexes: [{ fields: ['room', 'user'], unique: true }],
  hooks: { afterChange: [memberCountAfterChange], afterDelete: [memberCountAfterDelete] },
  fields: [
    { name: 'room', type: 'relationship', relationTo: 'rooms', required: true, index: true, maxDepth: 0 },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'role', type: 'select', required: true, defaultValue: 'member', options: ['member', 'moderator', 'owner'] },
    { name: 'label', type: 'text', maxLength: 60, admin: { description: "Shown beside the member in the room, e.g. 'Host' or 'Guest expert'." } },
  ],
}
