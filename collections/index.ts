import type { CollectionConfig } from 'payload'

import { Media } from './identity/Media'
import { SocialAccounts } from './identity/SocialAccounts'
import { Specialties } from './identity/Specialties'
import { SessionActivity } from './identity/SessionActivity'
import { Users } from './identity/Users'
import { AuditEvents } from './trust/AuditEvents'
import { Emails } from './trust/Emails'
import { Blocks } from './social/Blocks'
import { Follows } from './social/Follows'
import { ConversationMembers, Conversations, Messages } from './messaging'
import { Bookmarks } from './social/Bookmarks'
import { Comments } from './social/Comments'
import { Posts } from './social/Posts'
import { Reactions } from './social/Reactions'
import { RoomMembers } from './social/RoomMembers'
import { Rooms } from './social/Rooms'
import { Shares } from './social/Shares'
import { NotificationActors, NotificationDigests, Notifications } from './notifications'
import { PointEvents, Recommendations } from './engagement'

/** Every collection of Rounds, by domain. Plugins add their own. */
export const collections: CollectionConfig[] = [Users, SessionActivity, Specialties, Media, SocialAccounts, Emails, AuditEvents, Rooms, RoomMembers, Posts, Comments, Reactions, Bookmarks, Shares, Follows, Blocks, Conversations, ConversationMembers, Messages, PointEvents, Recommendations, Notifications, NotificationActors, NotificationDigests]
