import type { ThreadComment } from './types'

/** A comment as the page holds it: `pending` until the server stored it. */
export type Shown = ThreadComment & { pending?: boolean }
export type ShownThread = Shown & { replies: Shown[]; repliesCursor: string | null }

const byTime = (a: Shown, b: Shown) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id

/** Changes one comment, wherever it sits (a thread's head or one of its replies). */
export function updateComment(threads: ShownThread[], id: number, change: (c: Shown) => Shown): ShownThread[] {
  return threads.map((t) => {
    if (t.id === id) return { ...t, ...change(t), replies: t.replies, repliesCursor: t.repliesCursor }
    if (!t.replies.some((r) => r.id === id)) return t
    return { ...t, replies: t.replies.map((r) => (r.id === id ? change(r) : r)) }
  })
}

/** Takes a comment away; a thread's head with replies stays as a "deleted" placeholder. */
export function removeComment(threads: ShownThread[], id: number): ShownThread[] {
  const out: ShownThread[] = []
  for (const t of threads) {
    if (t.id === id) {
      if (t.replies.length || t.repliesCursor) out.push({ ...t, deleted: true, body: null, author: null, mentions: [], editedAt: null })
      continue
    }
    const replies = t.replies.filter((r) => r.id !== id)
    if (t.deleted && !replies.length && !t.repliesCursor) continue
    out.push(replies.length === t.replies.length ? t : { ...t, replies })
  }
  return out
}

/** Replaces a comment (by id, or a pending copy by its temporary id), or adds it where it belongs. */
export function placeComment(threads: ShownThread[], comment: Shown, opts: { order: 'newest' | 'oldest'; allTopLoaded: boolean; replacing?: number }): ShownThread[] {
  const ids = new Set([comment.id, opts.replacing].filter((v): v is number => v !== undefined))
  if (comment.parentId === null) {
    const existing = threads.findIndex((t) => ids.has(t.id))
    if (existing >= 0) return threads.map((t, i) => (i === existing ? { ...t, ...comment, replies: t.replies, repliesCursor: t.repliesCursor } : t))
    const thread: ShownThread = { ...comment, replies: [], repliesCursor: null }
    if (opts.order === 'newest') return [thread, ...threads]
    // Oldest first: a new thread belongs after every page; it comes with the last one otherwise.
    return opts.allTopLoaded ? [...threads, thread] : threads
  }
  return threads.map((t) => {
    if (t.id !== comment.parentId) return t
    const existing = t.replies.findIndex((r) => ids.has(r.id))
    if (existing >= 0) return { ...t, replies: t.replies.map((r, i) => (i === existing ? comment : r)) }
    // Replies further down the thread than those loaded come with "more replies".
    if (t.repliesCursor && !comment.pending) return t
    return { ...t, replies: [...t.replies, comment].sort((a, b) => (a.pending === b.pending ? byTime(a, b) : a.pending ? 1 : -1)) }
  })
}

export const hasComment = (threads: ShownThread[], id: number) => threads.some((t) => t.id === id || t.replies.some((r) => r.id === id))

export const maxId = (threads: ShownThread[]) =>
  threads.reduce((m, t) => Math.max(m, t.id, ...t.replies.map((r) => r.id)), 0)

