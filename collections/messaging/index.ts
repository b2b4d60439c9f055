export { Conversations } from './Conversations'
export { ConversationMembers } from './ConversationMembers'
export { Messages } from './Messages'
