import type { Payload } from 'payload'

import type { Db } from '@/db/sql'

type Id = number

/** What happened in the network and in learning, as listeners (notifications, engagement, certificates) hear it. Ids only. */
export type ActivityEvent =
  | { type: 'post.published'; post: Id; author: Id; room: Id | null; repostOf: Id | null }
  | { type: 'post.moderated'; post: Id; author: Id; from: string; to: string; by: Id | null }
  | { type: 'comment.created'; comment: Id; post: Id; postAuthor: Id; parent: Id | null; parentAuthor: Id | null; author: Id }
  | { type: 'mention'; source: { collection: 'comments'; id: Id; post: Id }; mentioned: Id[]; by: Id }
  | { type: 'reaction.set'; target: { collection: 'posts' | 'comments'; id: Id }; targetAuthor: Id | null; kind: 'like' | 'up' | 'down'; previous: 'like' | 'up' | 'down' | null; by: Id }
  | { type: 'reaction.removed'; target: { collection: 'posts' | 'comments'; id: Id }; targetAuthor: Id | null; kind: 'like' | 'up' | 'down'; by: Id }
  | { type: 'follow.created'; follower: Id; following: Id }
  | { type: 'message.sent'; conversation: Id; message: Id; sender: Id; recipients: Id[] }
  | { type: 'lesson.completed'; user: Id; lesson: Id; course: Id }
  | { type: 'course.completed'; user: Id; course: Id; enrollment: Id }
  | { type: 'verification.decided'; user: Id; verification: Id | null; decision: 'approved' | 'rejected' | 'revoked' | 'expired'; by: Id | null }

/** `db` is the connection of the change's transaction (a savepoint inside it): write through it. */
export type EventContext = { payload: Payload; db: Db }

export type ActivityListener = (event: ActivityEvent, ctx: EventContext) => Promise<void>
