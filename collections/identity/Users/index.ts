import type { CollectionConfig, Where } from 'payload'

import { ROLES, isStaffUser } from '@/access/roles'
import {
  canUseAdminPanel,
  fieldAdminOnly,
  fieldNobody,
  fieldSelfOrAdmin,
  fieldSelfOrStaff,
  fieldStaffOnly,
  isAdmin,
  isSelfOrStaff,
} from '@/access'
import { visibleContactField } from '@/fields/visibleContactField'
import { forgotPasswordEmail } from '@/email/templates'
import { authRateLimits } from './hooks/authRateLimits'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import { protectCredentials } from './hooks/protectCredentials'
import { hashResetToken, hashIncomingResetToken } from './hooks/hashResetToken'
import { assignHandle } from './hooks/assignHandle'
import { recordLogin } from './hooks/recordLogin'
import { keepActiveMembers } from './hooks/keepActiveMembers'
import { recordSessionStartHook } from './hooks/recordSessionStart'
import { auditAuthAttempt, auditAuthSuccess, auditLogout, auditUserChanges, auditUserDeleted, noteCredentialChanges } from './hooks/audit'
import { sessionActivityStrategy } from '@/domain/identity/sessions/strategy'
import { register } from './endpoints/register'
import { resendCode, verifyCode } from './endpoints/verifyCode'
import { socialEndpoints } from './endpoints/socialLogin'
import { removeSocialAccounts } from '@/domain/identity/social/accounts'
import { sessionEndpoints } from './endpoints/sessions'
import { graphEndpoints } from '../../social/graphEndpoints'
import { notificationPreferencesField } from '../../notifications/preferencesField'
import { engagementUserEndpoints } from '../../engagement/userEndpoints'
import { revokeVerificationEndpoint } from '../../trust/verificationEndpoints'

export const TIERS = ['free', 'premium', 'pro'] as const
export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'rejected', 'expired', 'revoked'] as const

const production = process.env.NODE_ENV === 'production'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Member', plural: 'Members' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'verificationStatus', 'tier'],
    group: 'Identity',
  },
  auth: {
    verify: true,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 2 * 60 * 60,
    useSessions: true,
    useAPIKey: true,
    // Payload's JWT check, unchanged, that also records when each session was last used.
    strategies: [sessionActivityStrategy],
    cookies: { secure: production, sameSite: 'Lax' },
    forgotPassword: {
      expiration: 30 * 60 * 1000,
      generateEmailSubject: () => 'Reset your Rounds password',
      generateEmailHTML: (args) => forgotPasswordEmail(args?.token ?? ''),
    },
  },
  access: {
    admin: canUseAdminPanel,
    create: isAdmin,
    // Everyone may read confirmed members' public profiles; each field below narrows what is shown.
    read: ({ req: { user } }): Where | boolean => {
      if (isStaffUser(user)) return true
      if (user) return { or: [{ _verified: { equals: true } }, { id: { equals: user.id } }] }
      return { _verified: { equals: true } }
    },
    update: isSelfOrStaff,
    delete: isAdmin,
    unlock: isAdmin,
    readVersions: isAdmin,
  },
  // A member shown inside another document (a post's author, a media owner): the public card only.
  defaultPopulate: { name: true, honorific: true, handle: true, title: true, avatar: true, verificationStatus: true },
  endpoints: [...sessionEndpoints, register, verifyCode, resendCode, ...socialEndpoints, ...graphEndpoints, ...engagementUserEndpoints, revokeVerificationEndpoint],
  hooks: {
    beforeOperation: [protectCredentials, enforcePasswordPolicy, authRateLimits, auditAuthAttempt, hashIncomingResetToken],
    beforeChange: [assignHandle, hashResetToken, noteCredentialChanges],
    afterChange: [auditUserChanges],
    afterLogin: [recordSessionStartHook, recordLogin],
    afterOperation: [auditAuthSuccess],
    afterLogout: [auditLogout],
    beforeDelete: [keepActiveMembers, removeSocialAccounts],
    afterDelete: [auditUserDeleted],
  },
  fields: [
    {
      name: 'email',
      type: 'email',
      access: { read: fieldSelfOrStaff, update: fieldSelfOrAdmin },
    },
    {
      name: '_verified',
      type: 'checkbox',
      label: 'Email confirmed',
      access: { read: fieldSelfOrStaff, create: fieldAdminOnly, update: fieldAdminOnly },
    },
    {
      name: 'enableAPIKey',
      type: 'checkbox',
      access: { read: fieldSelfOrStaff, create: fieldAdminOnly, update: fieldAdminOnly },
    },
    // Payload lets anyone who can open the admin panel write API keys, on any user they may update:
    // a moderator could plant a key on an admin and act as them. Keys are an administrator's decision.
    {
      name: 'apiKey',
      type: 'text',
      access: { read: fieldNobody, create: fieldAdminOnly, update: fieldAdminOnly },
    },
    {
      type: 'row',
      fields: [
        { name: 'honorific', type: 'select', options: ['Dr', 'Prof', 'Mr', 'Ms', 'Mx'], admin: { width: '20%' } },
        { name: 'name', type: 'text', required: true, maxLength: 120, admin: { width: '80%' } },
      ],
    },
    {
      name: 'handle',
      type: 'text',
      unique: true,
      index: true,
      maxLength: 60,
      admin: { description: 'Public profile address: /doctors/<handle>' },
      validate: (value: unknown) =>
        value == null || /^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/.test(String(value)) || 'Use 3-60 lowercase letters, digits or hyphens.',
    },
    { name: 'title', type: 'text', maxLength: 120, admin: { description: 'For example "Consultant cardiologist"' } },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    {
      type: 'row',
      fields: [
        { name: 'specialty', type: 'relationship', relationTo: 'specialties', admin: { width: '50%' } },
        {
          name: 'subSpecialties',
          type: 'relationship',
          relationTo: 'specialties',
          hasMany: true,
          maxRows: 8,
          admin: { width: '50%' },
        },
      ],
    },
    {
      name: 'licence',
      type: 'group',
      access: { read: fieldSelfOrStaff },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'number', type: 'text', maxLength: 64 },
            { name: 'jurisdiction', type: 'text', maxLength: 120 },
          ],
        },
      ],
    },
    {
      name: 'contact',
      type: 'group',
      fields: [
        { type: 'row', fields: visibleContactField('publicEmail', 'email', 'Contact email') },
        { type: 'row', fields: visibleContactField('phone', 'text', 'Phone') },
        { type: 'row', fields: visibleContactField('website', 'text', 'Website') },
        { type: 'row', fields: visibleContactField('location', 'text', 'Location') },
      ],
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      defaultValue: ['member'],
      required: true,
      saveToJWT: true,
      options: ROLES.map((r) => ({ label: r[0].toUpperCase() + r.slice(1), value: r })),
      access: { create: fieldAdminOnly, update: fieldAdminOnly },
      admin: { position: 'sidebar' },
    },
    {
      name: 'verificationStatus',
      type: 'select',
      defaultValue: 'unverified',
      required: true,
      saveToJWT: true,
      options: VERIFICATION_STATUSES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s })),
      access: { create: fieldStaffOnly, update: fieldStaffOnly },
      admin: { position: 'sidebar' },
    },
    {
      name: 'verifiedUntil',
      type: 'date',
      access: { read: fieldSelfOrStaff, create: fieldStaffOnly, update: fieldStaffOnly },
      admin: { position: 'sidebar', description: 'When the licence verification ends (set on approval; the daily job then marks it expired).' },
    },
    {
      name: 'tier',
      type: 'select',
      defaultValue: 'free',
      required: true,
      saveToJWT: true,
      options: TIERS.map((t) => ({ label: t[0].toUpperCase() + t.slice(1), value: t })),
      access: { create: fieldAdminOnly, update: fieldAdminOnly },
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'points', type: 'number', defaultValue: 0, min: 0, access: { create: fieldStaffOnly, update: fieldStaffOnly } },
        { name: 'level', type: 'number', defaultValue: 1, min: 1, access: { create: fieldStaffOnly, update: fieldStaffOnly } },
      ],
    },
    {
      type: 'row',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'loginStreak', type: 'number', defaultValue: 0, min: 0, access: { create: fieldStaffOnly, update: fieldStaffOnly } },
        {
          name: 'lastLoginAt',
          type: 'date',
          access: { read: fieldSelfOrStaff, create: fieldNobody, update: fieldNobody },
          admin: { readOnly: true },
        },
      ],
    },
    // Kept exact by the follow endpoints in the same transaction as the follow (src/domain/social/graph.ts).
    {
      type: 'row',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'followerCount', type: 'number', defaultValue: 0, access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
        { name: 'followingCount', type: 'number', defaultValue: 0, access: { create: fieldNobody, update: fieldNobody }, admin: { readOnly: true } },
      ],
    },
    notificationPreferencesField,
    // One-time email code: only its keyed hash is stored; never readable through any API.
    { name: 'emailCodeHash', type: 'text', hidden: true, access: { create: fieldNobody, update: fieldNobody } },
    { name: 'emailCodeExpiresAt', type: 'date', hidden: true, access: { create: fieldNobody, update: fieldNobody } },
    { name: 'emailCodeAttempts', type: 'number', hidden: true, access: { create: fieldNobody, update: fieldNobody } },
  ],
  timestamps: true,
}
