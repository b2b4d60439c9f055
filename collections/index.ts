import type { CollectionConfig, GlobalConfig } from 'payload'

import { Media } from './identity/Media'
import { SocialAccounts } from './identity/SocialAccounts'
import { Specialties } from './identity/Specialties'
import { SessionActivity } from './identity/SessionActivity'
import { Users } from './identity/Users'
import { AuditEvents } from './trust/AuditEvents'
import { Emails } from './trust/Emails'
import { IdentityCheckEvents } from './trust/IdentityCheckEvents'
import { LicenceDocuments } from './trust/LicenceDocuments'
import { LicenceVerifications } from './trust/LicenceVerifications'
import { Reports } from './trust/Reports'
import { ModerationSettings } from './trust/ModerationSettings'
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
import { Certificates } from './learning/Certificates'
import { LivePolls, LivePollVotes, LiveQuestions, LiveQuestionVotes, LiveRegistrations, LiveSessions } from './learning/live'
import { QuestionBanks, QuizAttempts, QuizQuestions, Quizzes } from './learning/quiz'
import { CourseEntitlements, CourseModules, Courses, Enrollments, LessonMedia, LessonProgress, Lessons } from './learning'
import { ScormPackages } from './learning/ScormPackages'
import { ScormRuntime } from './learning/ScormRuntime'

/** Every collection of Rounds, by domain. Plugins add their own. */
export const collections: CollectionConfig[] = [Users, SessionActivity, Specialties, Media, SocialAccounts, Emails, AuditEvents, LicenceDocuments, LicenceVerifications, IdentityCheckEvents, Reports, Rooms, RoomMembers, Posts, Comments, Reactions, Bookmarks, Shares, Follows, Blocks, Conversations, ConversationMembers, Messages, PointEvents, Recommendations, Notifications, NotificationActors, NotificationDigests, Courses, CourseModules, Lessons, Enrollments, CourseEntitlements, LessonProgress, LessonMedia, LiveSessions, LiveRegistrations, LiveQuestions, LiveQuestionVotes, LivePolls, LivePollVotes, Certificates, Quizzes, QuizQuestions, QuestionBanks, QuizAttempts, ScormPackages, ScormRuntime]

/** Settings staff change in the admin. */
export const globals: GlobalConfig[] = [ModerationSettings]
