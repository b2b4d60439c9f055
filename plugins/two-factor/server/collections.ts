import type { CollectionConfig, FieldAccess } from 'payload'

import { SLUGS, type ResolvedOptions } from './types'

const nobody = () => false
const fieldNobody: FieldAccess = () => false

/**
 * The plugin's storage. Nothing is reachable through the generated APIs except what `resetAccess`
 * opens (seeing who has two-factor on, and deleting a credential to reset a lost device); secrets,
 * hashes and counters are never readable by anyone.
 */
export function twoFactorCollections(o: ResolvedOptions): CollectionConfig[] {
  const hiddenField = { hidden: true, access: { read: fieldNobody, create: fieldNobody, update: fieldNobody } }
  return [
    {
      slug: SLUGS.credentials,
      labels: { singular: 'Two-factor credential', plural: 'Two-factor credentials' },
      admin: {
        group: 'Identity',
        useAsTitle: 'user',
        defaultColumns: ['user', 'enabledAt', 'updatedAt'],
        description: 'Members with two-factor authentication. Delete an entry to reset a lost authenticator.',
        hidden: ({ user }) => !user,
      },
      access: { read: o.resetAccess ?? nobody, delete: o.resetAccess ?? nobody, create: nobody, update: nobody },
      fields: [
        { name: 'user', type: 'relationship', relationTo: o.collection, required: true, unique: true, index: true, access: { create: fieldNobody, update: fieldNobody } },
        { name: 'enabledAt', type: 'date', admin: { readOnly: true }, access: { create: fieldNobody, update: fieldNobody } },
        { name: 'secret', type: 'text', ...hiddenField },
        { name: 'pendingSecret', type: 'text', ...hiddenField },
        { name: 'pendingSince', type: 'date', ...hiddenField },
        { name: 'lastStep', type: 'number', ...hiddenField },
        { name: 'recoveryCodes', type: 'json', ...hiddenField },
      ],
      timestamps: true,
    },
    {
      // A login that passed its first factor and waits for the second. Its session is kept here,
      // outside the user's session list, so the token is worthless until the code is given.
      slug: SLUGS.challenges,
      admin: { hidden: true },
      access: { read: nobody, create: nobody, update: nobody, delete: nobody },
      fields: [
        { name: 'sid', type: 'text', required: true, unique: true, index: true },
        { name: 'user', type: 'relationship', relationTo: o.collection, required: true, index: true },
        { name: 'purpose', type: 'select', options: ['verify', 'enroll'], required: true },
        { name: 'sessionCreatedAt', type: 'date', required: true },
        { name: 'sessionExpiresAt', type: 'date', required: true },
        { name: 'expiresAt', type: 'date', required: true },
        { name: 'attempts', type: 'number', defaultValue: 0 },
      ],
      timestamps: true,
    },
    {
      // One row per accepted code (`totp:<user>:<step>`, `recovery:<hash>`): the unique key makes
      // acceptance atomic, so two requests racing with the same code cannot both pass.
      slug: SLUGS.usedCodes,
      admin: { hidden: true },
      access: { read: nobody, create: nobody, update: nobody, delete: nobody },
      fields: [
        { name: 'key', type: 'text', required: true, unique: true, index: true },
        { name: 'user', type: 'relationship', relationTo: o.collection, required: true, index: true },
      ],
      timestamps: true,
    },
    {
      slug: SLUGS.devices,
      admin: { hidden: true },
      access: { read: nobody, create: nobody, update: nobody, delete: nobody },
      fields: [
        { name: 'user', type: 'relationship', relationTo: o.collection, required: true, index: true },
        { name: 'tokenHash', type: 'text', required: true, unique: true, index: true },
        { name: 'label', type: 'text' },
        { name: 'expiresAt', type: 'date', required: true },
        { name: 'lastUsedAt', type: 'date' },
      ],
      timestamps: true,
    },
  ]
}
