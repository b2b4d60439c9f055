import type { Segment } from './types'

/**
 * ts_headline marks matches with these control characters (not HTML), so that a snippet is plain
 * text split into segments: clients render matches as <mark> without ever injecting markup.
 */
export const START = '\u0001'
export const STOP = '\u0002'
export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`

export function segments(headline: string | null | undefined): Segment[] {
  if (!headline) return []
  const out: Segment[] = []
  for (const [i, part] of headline.split(START).entries()) {
    const [matched, rest] = i === 0 ? [null, part] : splitOnce(part)
    if (matched) out.push({ text: matched, match: true })
    if (rest) out.push({ text: rest })
  }
  return out
}

function splitOnce(part: string): [string | null, string] {
  const at = part.indexOf(STOP)
  return at < 0 ? [null, part] : [part.slice(0, at), part.slice(at + 1)]
}
