import type { CollectionConfig } from 'payload'

import { MESSAGE_MAX } from '@/domain/messaging/shared'
import { participantsOnly } from './access'

/**
 * One message. Sent only through POST /api/conversations/:id/messages, which sets the sender from the
 * session. (sender, clientId) is unique, so a retried send with the same clientId is stored once.
 */
export const Messages: CollectionConfig = {
  slug: 'messages',
  admin: { defaultColumns: ['conversation', 'sender', 'createdAt'], group: 'Messaging' },
  access: participantsOnly('conversation.'),
  indexes: [
    { fields: ['sender', 'clientId'], unique: true },
    { fields: ['conversation', 'createdAt'] },
  ],
  fields: [
    { name: 'conversation', type: 'relationship', relationTo: 'conversations', required: true, index: true, maxDepth: 1 },
    { name: 'sender', type: 'relationship', relationTo: 'users', required: true, maxDepth: 1 },
    { name: 'body', type: 'textarea', required: true, maxLength: MESSAGE_MAX },
    { name: 'clientId', type: 'text', maxLength: 64 },
  ],
  timestamps: true,
}
