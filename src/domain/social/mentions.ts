import type { PayloadRequest } from 'payload'

import { mentionedHandles } from './content'

/** Ids of the members whose `@handle` appears in `text` (one query; unknown handles are ignored). */
export async function resolveMentions(req: PayloadRequest, text: string): Promise<number[]> {
  const handles = mentionedHandles(text)
  if (handles.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { and: [{ handle: { in: handles } }, { _verified: { equals: true } }] },
    select: { handle: true },
    limit: handles.length,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byHandle = new Map(docs.map((d) => [String((d as { handle?: string }).handle), d.id as number]))
  return handles.flatMap((h) => (byHandle.has(h) ? [byHandle.get(h)!] : []))
}
