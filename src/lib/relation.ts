/**
 * The id of a relationship value: the id itself (a number, or a numeric string as clients may send
 * it), or a populated document's id.
 */
export function relationId(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : null
  if (value && typeof value === 'object' && 'id' in value) return Number((value as { id: unknown }).id)
  return null
}
