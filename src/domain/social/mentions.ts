import type { PayloadRequest } from 'payload'

import { mentionedHandles } from './content'

export type Mention = {
  /** Where the mention was written. */
  source: { collection: 'comments'; id: number | string; post: number | string }
  /** Members mentioned for the first time in this version of the text. */
  mentioned: (number | string)[]
  by: number | string
  req: PayloadRequest
}
export type MentionListener = (mention: Mention) => void | Promise<void>

const listeners = new Set<MentionListener>()

/**
 * The hook point for whatever reacts to mentions (notifications, later). Listeners run after the
 * comment is stored, inside its request; a failing listener is logged and never undoes the comment.
 * Returns a function that removes the listener.
 */
export function onMention(listener: MentionListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export async function emitMention(mention: Mention) {
  if (mention.mentioned.length === 0) return
  for (const listener of listeners) {
    try {
      await listener(mention)
    } catch (err) {
      mention.req.payload.logger.error({ err, msg: 'A mention listener failed' })
    }
  }
}

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
