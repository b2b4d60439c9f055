import type { LiveSessionState } from '@/domain/learning/live/state'

export type State = LiveSessionState
export type Question = State['questions'][number]
export type Poll = State['polls'][number]

/** Most upvoted first; ties by age. */
export const byUpvotes = (a: Question, b: Question) => b.upvotes - a.upvotes || a.id - b.id

export function upsert<T extends { id: number }>(list: T[], item: T, merge?: (old: T, next: T) => T): T[] {
  const i = list.findIndex((x) => x.id === item.id)
  if (i < 0) return [...list, item]
  const copy = list.slice()
  copy[i] = merge ? merge(list[i], item) : item
  return copy
}
