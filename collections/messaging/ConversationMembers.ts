import type { CollectionConfig } from 'payload'

import { participantsOnly } from './access'

/**
 * Each participant's place in a conversation: how far they have received (delivered) and read, by
 * message id (ids only grow), and the conversation's last activity copied here so that the inbox is
 * one index range over (user, lastMessageAt). Participants see each other's read state.
 */
export const ConversationMembers: CollectionConfig = {
  slug: 'conversation-members',
  admin: { defaultColumns: ['conversation', 'user', 'lastReadAt'], group: 'Messaging' },
  access: participantsOnly('conversation.'),
  indexes: [
    { fields: ['conversation', 'user'], unique: true },
    { fields: ['user', 'lastMessageAt', 'conversation'] },
  ],
  fields: [
    { name: 'conversation', type: 'relationship', relationTo: 'conversations', required: true, index: true, maxDepth: 0 },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, maxDepth: 0 },
    { name: 'lastMessageAt', type: 'date' },
    { name: 'lastReadMessageId', type: 'number' },
    { name: 'lastReadAt', type: 'date' },
    { name: 'lastDeliveredMessageId', type: 'number' },
    { name: 'lastDeliveredAt', type: 'date' },
  ],
  timestamps: true,
}
