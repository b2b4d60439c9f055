/**
 * What the server and the browser's conversation view both use: the shapes of a message and of a
 * participant's markers, the length limit, and how the state of one's own message is derived. No
 * server-only imports, so client components may import it.
 */

export const MESSAGE_MAX = 4000

export type MessageState = 'sent' | 'delivered' | 'read'
export type Message = {
  id: number
  conversationId: number
  senderId: number
  body: string
  clientId: string | null
  createdAt: string
  /** For the sender's own messages: sent (stored), delivered (every other participant's client got it), read (all read it). */
  state?: MessageState
}
export type MemberState = {
  id: number
  name: string
  honorific: string | null
  handle: string | null
  lastReadMessageId: number
  lastReadAt: string | null
  lastDeliveredMessageId: number
}

type Markers = Pick<MemberState, 'lastReadMessageId' | 'lastDeliveredMessageId'>

/** The state of one's own messages, given the markers of every other participant: a message is read (or delivered) once all of them are past it. */
export function messageStates(others: Markers[]): (messageId: number) => MessageState {
  const readUpTo = Math.min(...others.map((m) => m.lastReadMessageId))
  const deliveredUpTo = Math.min(...others.map((m) => m.lastDeliveredMessageId))
  return (id) => (id <= readUpTo ? 'read' : id <= deliveredUpTo ? 'delivered' : 'sent')
}
