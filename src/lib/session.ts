import config from '@payload-config'
import { headers } from 'next/headers'
import { cache } from 'react'
import { getPayload, type Payload } from 'payload'

import type { Media, User } from '../../payload-types'
import { mediaUrl } from './media'

export type Viewer = User & { collection: 'users' }

/** The Payload instance of this server process (Next's route handlers share the same cache). */
export const payloadInstance = cache((): Promise<Payload> => getPayload({ config }))

/**
 * The signed-in member of this request, or null. Reads the payload-token cookie through Payload's own
 * auth strategies, so a revoked session or an unconfirmed email counts as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const payload = await payloadInstance()
  const { user } = await payload.auth({ headers: await headers() })
  return user && user.collection === 'users' ? (user as Viewer) : null
})

/** The viewer's avatar as a small image URL, for the header. */
export const getViewerAvatar = cache(async (): Promise<string | null> => {
  const viewer = await getViewer()
  if (!viewer?.avatar) return null
  if (typeof viewer.avatar === 'object') return mediaUrl(viewer.avatar, 'thumbnail')
  const payload = await payloadInstance()
  try {
    const media = await payload.findByID({ collection: 'media', id: viewer.avatar, depth: 0, overrideAccess: false, user: viewer })
    return mediaUrl(media as Media, 'thumbnail')
  } catch {
    return null
  }
})
