import type { Access, CollectionConfig, Where } from 'payload'

import { fieldNobody, isAdmin, nobody } from '@/access'
import { hasRole } from '@/access/roles'
import { SOCIAL_ACCOUNTS } from '@/domain/identity/social/accounts'
import { PROVIDER_IDS, PROVIDER_LABELS } from '@/domain/identity/social/ids'

/** Members see their own connections; administrators see all of them (support). */
const ownOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { user: { equals: user.id } } satisfies Where
}

/**
 * A provider identity (Google, Apple, Facebook, GitHub) connected to a member, for signing in with it.
 * No provider token is stored. Only the server writes these: sign-in and the connect flow create them,
 * the unlink endpoint removes them (it refuses to remove a member's last way to sign in). An
 * administrator may delete one from the admin panel, for example a compromised provider account.
 */
export const SocialAccounts: CollectionConfig = {
  slug: SOCIAL_ACCOUNTS,
  labels: { singular: 'Connected account', plural: 'Connected accounts' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['provider', 'email', 'user', 'lastUsedAt', 'createdAt'],
    group: 'Identity',
  },
  access: { read: ownOrAdmin, create: nobody, update: nobody, delete: isAdmin },
  // One member per provider identity.
  indexes: [{ fields: ['provider', 'subject'], unique: true }],
  defaultSort: 'createdAt',
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    {
      name: 'provider',
      type: 'select',
      required: true,
      options: PROVIDER_IDS.map((id) => ({ label: PROVIDER_LABELS[id], value: id })),
    },
    {
      name: 'subject',
      type: 'text',
      required: true,
      maxLength: 255,
      admin: { description: "The member's stable id at the provider (not the email)." },
    },
    {
      name: 'email',
      type: 'text',
      maxLength: 254,
      admin: { description: 'The address the provider reported when last used.' },
    },
    { name: 'lastUsedAt', type: 'date', admin: { readOnly: true } },
    // Fingerprint of the random password given to a member created through a provider; see
    // src/domain/identity/social/accounts.ts. Never readable or writable through any API.
    {
      name: 'passwordMarker',
      type: 'text',
      hidden: true,
      access: { read: fieldNobody, create: fieldNobody, update: fieldNobody },
    },
  ],
  timestamps: true,
}
