import type { CollectionConfig } from 'payload'

import { Media } from './identity/Media'
import { SocialAccounts } from './identity/SocialAccounts'
import { Specialties } from './identity/Specialties'
import { SessionActivity } from './identity/SessionActivity'
import { Users } from './identity/Users'
import { AuditEvents } from './trust/AuditEvents'
import { Emails } from './trust/Emails'

/** Every collection of Rounds, by domain. Plugins add their own. */
export const collections: CollectionConfig[] = [Users, SessionActivity, Specialties, Media, SocialAccounts, Emails, AuditEvents]
