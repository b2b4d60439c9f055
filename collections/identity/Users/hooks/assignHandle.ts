import type { CollectionBeforeChangeHook } from 'payload'

import { slugify } from '@/lib/slugify'

/** Every member gets a stable public handle derived from their name. */
export const assignHandle: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (data.handle || originalDoc?.handle) return data
  if (operation !== 'create' && !data.name) return data
  const base = slugify(String(data.name ?? originalDoc?.name ?? 'member')).slice(0, 50) || 'member'
  let candidate = base.length >= 3 ? base : `${base}-md`
  for (let attempt = 0; attempt < 20; attempt++) {
    const taken = await req.payload.db.findOne({
      collection: 'users',
      where: { handle: { equals: candidate } },
      req,
    })
    if (!taken) break
    candidate = `${base}-${Math.floor(1000 + Math.random() * 9000)}`
  }
  data.handle = candidate
  return data
}
