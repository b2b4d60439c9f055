import type { Field, FieldAccess } from 'payload'

import { isStaffUser } from '@/access/roles'

export const VISIBILITY = [
  { label: 'Everyone', value: 'public' },
  { label: 'Signed-in members', value: 'members' },
  { label: 'Verified doctors', value: 'verified' },
  { label: 'Only me', value: 'private' },
] as const

type Viewer = { id: string | number; verificationStatus?: string | null; roles?: string[] | null } | null

export function canSee(visibility: string | undefined | null, viewer: Viewer, ownerId: unknown) {
  if (viewer && (String(viewer.id) === String(ownerId) || isStaffUser(viewer))) return true
  switch (visibility ?? 'private') {
    case 'public':
      return true
    case 'members':
      return Boolean(viewer)
    case 'verified':
      return viewer?.verificationStatus === 'verified'
    default:
      return false
  }
}

/**
 * A contact detail and the audience allowed to read it. Read access is decided per document,
 * so the value never leaves the server for someone outside its audience.
 */
export function visibleContactField(name: string, type: 'text' | 'email', label: string): Field[] {
  const visibilityName = `${name}Visibility`
  const readValue: FieldAccess = ({ req, doc, siblingData }) => {
    const visibility = (siblingData as Record<string, string> | undefined)?.[visibilityName]
    return canSee(visibility, req.user as Viewer, (doc as { id?: unknown } | undefined)?.id)
  }
  return [
    type === 'email'
      ? { name, type: 'email', label, access: { read: readValue }, admin: { width: '60%' } }
      : { name, type: 'text', label, access: { read: readValue }, admin: { width: '60%' } },
    {
      name: visibilityName,
      type: 'select',
      label: `${label} visible to`,
      defaultValue: 'private',
      options: VISIBILITY.map((v) => ({ ...v })),
      required: true,
      admin: { width: '40%' },
    },
  ]
}
