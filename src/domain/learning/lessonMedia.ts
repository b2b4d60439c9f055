import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { hmac, safeEqual } from '@/lib/crypto'

/**
 * Lesson videos and documents are private (collections/learning/LessonMedia.ts). A learner who may open
 * the lesson gets a short-lived URL of Payload's own file route, signed for them: the signature covers
 * the media id, the user id (0 for a visitor watching a preview) and the expiry. The file route's read
 * access accepts it only from that same user and before it expires, so a copied link is useless to
 * anyone else and soon to its owner too.
 */
export const SIGNED_URL_SECONDS = 10 * 60

const payloadOf = (media: number, user: number, expires: number) => `lesson-media:${media}:${user}:${expires}`

export type SignedMedia = { url: string; expiresAt: string; mimeType: string | null }

/** The signed URL of a lesson media file for `user` (null for a visitor). */
export function signLessonMedia(
  media: { id: number; filename?: string | null; mimeType?: string | null },
  user: number | null,
  now = Date.now(),
): SignedMedia | null {
  if (!media.filename) return null
  const expires = Math.floor(now / 1000) + SIGNED_URL_SECONDS
  const u = user ?? 0
  const s = hmac(payloadOf(media.id, u, expires))
  const query = new URLSearchParams({ m: String(media.id), u: String(u), e: String(expires), s })
  return {
    url: `/api/lesson-media/file/${encodeURIComponent(media.filename)}?${query}`,
    expiresAt: new Date(expires * 1000).toISOString(),
    mimeType: media.mimeType ?? null,
  }
}

/**
 * The media id a request's signature grants to `user` (null for a visitor), or null when the signature
 * is missing, forged, for someone else or expired.
 */
export function signedMediaId(params: URLSearchParams | null | undefined, user: number | null, now = Date.now()): number | null {
  if (!params) return null
  const m = Number(params.get('m'))
  const u = Number(params.get('u'))
  const e = Number(params.get('e'))
  const s = params.get('s') ?? ''
  if (!Number.isSafeInteger(m) || m <= 0 || !Number.isSafeInteger(u) || u < 0 || !Number.isSafeInteger(e)) return null
  if (u !== (user ?? 0)) return null
  if (e * 1000 < now) return null
  return safeEqual(s, hmac(payloadOf(m, u, e))) ? m : null
}

/**
 * Stores a file from disk as lesson media (seed, imports). The bytes decide the type like an upload does;
 * `mimeType` is what the caller believes it is.
 */
export async function createLessonMediaFromFile(payload: Payload, filePath: string, mimeType: string, data: { title?: string } = {}) {
  const buffer = await fs.readFile(filePath)
  const doc = await payload.create({
    collection: 'lesson-media',
    data: { title: data.title ?? path.basename(filePath) } as never,
    file: { data: buffer, mimetype: mimeType, name: path.basename(filePath), size: buffer.length },
    overrideAccess: true,
  })
  return doc as unknown as { id: number; filename: string; mimeType: string; filesize: number }
}
