import type { Access, CollectionConfig, Field, Where } from 'payload'

import { fieldNobody, fieldStaffOnly } from '@/access'
import { isStaffUser } from '@/access/roles'
import { ROOM_VISIBILITIES, roomReadWhere } from '@/domain/social/visibility'
import { roomEndpoints } from './endpoints/rooms'
import { memberCountOnRoomCreate, removeMemberships, roomVisibilityToPosts } from './hooks/roomMembers'

const staffOnly: Access = ({ req: { user } }) => isStaffUser(user)

/** Staff change rooms; the account that owns a channel may change its description (field rules below). */
const staffOrChannelOwner: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  return { and: [{ kind: { equals: 'channel' } }, { owner: { equals: user.id } }] } as Where
}

/** Every field but the description is staff-only to write. */
const staffWrites = (field: Field): Field => ('name' in field ? { ...field, access: { ...(field as { access?: object }).access, create: fieldStaffOnly, update: fieldStaffOnly } } : field) as Field

/** Topic rooms and (organisation-owned, possibly sponsored) channels, in one collection. */
export const Rooms: CollectionConfig = {
  slug: 'rooms',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'visibility', 'memberCount'], group: 'Social' },
  access: {
    read: ({ req: { user } }) => roomReadWhere(user),
    create: staffOnly,
    update: staffOrChannelOwner,
    delete: staffOnly,
  },
  endpoints: roomEndpoints,
  hooks: { afterChange: [memberCountOnRoomCreate, roomVisibilityToPosts], beforeDelete: [removeMemberships] },
  defaultSort: 'name',
  fields: [
    ...(
      [
        { name: 'kind', type: 'select', required: true, defaultValue: 'room', options: ['room', 'channel'], index: true },
        { name: 'name', type: 'text', required: true, maxLength: 120 },
        { name: 'slug', type: 'text', required: true, unique: true, index: true, maxLength: 120,
          validate: (value: unknown) => (typeof value === 'string' && /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/.test(value)) || 'Use lowercase letters, digits and hyphens.' },
        { name: 'specialty', type: 'relationship', relationTo: 'specialties', index: true, maxDepth: 0 },
        {
          name: 'owner',
          type: 'relationship',
          relationTo: 'users',
          index: true,
          maxDepth: 0,
          admin: { description: 'For a channel: the organisation or sponsor account that owns it.' },
        },
        { name: 'sponsored', type: 'checkbox', defaultValue: false, admin: { description: 'Channels paid for by a sponsor.' } },
        { name: 'voting', type: 'checkbox', defaultValue: false, admin: { description: 'Posts here get up/down votes instead of likes.' } },
        { name: 'visibility', type: 'select', required: true, defaultValue: 'members', options: [...ROOM_VISIBILITIES], index: true },
      ] as Field[]
    ).map(staffWrites),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    {
      name: 'memberCount',
      type: 'number',
      defaultValue: 0,
      access: { create: fieldNobody, update: fieldNobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
