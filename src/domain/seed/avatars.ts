import crypto from 'node:crypto'

import type { Payload } from 'payload'
import sharp from 'sharp'

/** Media created by the seed carry this file-name prefix, so a reseed can find and remove them. */
export const AVATAR_PREFIX = 'demo-avatar-'
const SIZE = 256

// Background colours with white text at a contrast ratio of at least 4.5:1.
const COLOURS = ['#1d4ed8', '#0f766e', '#7c3aed', '#b91c1c', '#a16207', '#15803d', '#be185d', '#4338ca', '#0e7490', '#9a3412', '#374151', '#6d28d9']

export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w))
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1)
  return letters.map((w) => w[0].toLocaleUpperCase()).join('') || '?'
}

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/** A 256 px PNG: the person's initials on a circle whose colour is derived from their name. */
export async function renderAvatar(name: string): Promise<Buffer> {
  const hash = crypto.createHash('sha256').update(name).digest()
  const colour = COLOURS[hash[0] % COLOURS.length]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <circle cx="${SIZE / 2}" cy="${SIZE / 2}" r="${SIZE / 2}" fill="${colour}"/>
  <text x="50%" y="50%" dy=".35em" text-anchor="middle" fill="#ffffff"
    font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-size="${SIZE * 0.4}" font-weight="600">${escapeXml(initials(name))}</text>
</svg>`
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer()
}

/**
 * Renders the avatar and uploads it to `media`; returns the media id. A random suffix keeps the file
 * apart from a same-named file another database left in the shared upload directory.
 */
export async function uploadAvatar(payload: Payload, name: string, fileStem: string): Promise<number> {
  const data = await renderAvatar(name)
  const suffix = crypto.randomBytes(3).toString('hex')
  const media = await payload.create({
    collection: 'media',
    data: { alt: `Avatar of ${name}` },
    file: { data, mimetype: 'image/png', name: `${AVATAR_PREFIX}${fileStem}-${suffix}.png`, size: data.length },
    overrideAccess: true,
    depth: 0,
  })
  return media.id
}
