import type { CollectionConfig } from 'payload'

import { GROUP_LIMIT } from '@/domain/messaging/policy'
import { participantsOnly } from './access'
import { conversationEndpoints } from './endpoints'

/**
 * A 1:1 or group conversation. Started only through POST /api/conversations/start; `pairKey`
 * ("<smaller id>:<larger id>", 1:1 only) is unique, so a pair has at most one 1:1 conversation even
 * when both start it at the same instant.
 */
export const Conversations: CollectionConfig = {
  slug: 'conversations',
  admin: { defaultColumns: ['title', 'kind', 'lastMessageAt'], group: 'Messaging' },
  access: participantsOnly(),
  endpoints: conversationEndpoints,
  fields: [
    { name: 'kind', type: 'select', required: true, defaultValue: 'direct', options: ['direct', 'group'] },
    { name: 'title', type: 'text', maxLength: 120 },
    { name: 'pairKey', type: 'text', unique: true, maxLength: 40, admin: { readOnly: true } },
    {
      name: 'participants',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      required: true,
      minRows: 2,
      maxRows: GROUP_LIMIT,
      maxDepth: 1,
    },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'lastMessageAt', type: 'date', index: true },
    { name: 'lastMessageId', type: 'number', admin: { readOnly: true } },
  ],
  timestamps: true,
}
