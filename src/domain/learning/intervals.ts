/**
 * Watched time of a video, as half-open intervals of seconds `[from, to)`. Pure functions: the heartbeat
 * rule (src/domain/learning/player.ts) feeds them what the client reported and what was stored.
 */
export type Interval = [number, number]

/** A lesson video counts as watched from this share of its length on. */
export const VIDEO_COMPLETION_THRESHOLD = 0.9
/** Intervals read from one heartbeat; a player reports one or two (a seek splits one). */
export const MAX_INTERVALS_PER_BEAT = 50
/** Intervals kept per learner and lesson; past it the closest neighbours are joined (never gaining time). */
export const MAX_STORED_INTERVALS = 200
/** Fastest playback rate the player offers: one wall-clock second covers at most this much video. */
export const MAX_PLAYBACK_RATE = 2
/** Seconds of leeway for clock jitter and the time a request spends in flight. */
export const BEAT_SLACK_SECONDS = 3
/** The budget of a first heartbeat, which has no previous one to measure from (the client beats every ~10 s). */
export const FIRST_BEAT_SECONDS = 30

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n)

/**
 * Keeps what can be real: numeric pairs with from < to, cut to [0, duration]. Anything else (negative,
 * inverted, NaN, beyond the end, not a pair) is dropped. At most `cap` pairs are read.
 */
export function clampIntervals(input: unknown, duration: number, cap = MAX_INTERVALS_PER_BEAT): Interval[] {
  if (!Array.isArray(input) || !(duration > 0)) return []
  const out: Interval[] = []
  for (const pair of input.slice(0, cap)) {
    if (!Array.isArray(pair) || pair.length !== 2 || !finite(pair[0]) || !finite(pair[1])) continue
    const from = Math.max(0, pair[0])
    const to = Math.min(duration, pair[1])
    if (to > from) out.push([from, to])
  }
  return out
}

/** The union of intervals, sorted, with overlapping and touching ones joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => finite(a) && finite(b) && b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1])
  const out: Interval[] = []
  for (const [from, to] of sorted) {
    const last = out[out.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else out.push([from, to])
  }
  return out
}

/** Seconds covered by the intervals (overlaps counted once). */
export function watchedSeconds(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((sum, [a, b]) => sum + (b - a), 0)
}

/**
 * Cuts merged intervals down to `budget` seconds of new time, earliest first: what one heartbeat can
 * add cannot exceed what the wall clock allowed since the previous one.
 */
export function limitToBudget(merged: readonly Interval[], budget: number): Interval[] {
  let left = Math.max(0, budget)
  const out: Interval[] = []
  for (const [from, to] of merged) {
    if (left <= 0) break
    const take = Math.min(to - from, left)
    out.push([from, from + take])
    left -= take
  }
  return out
}

/** The parts of `incoming` not already in `stored` (both merged). */
export function subtractIntervals(incoming: readonly Interval[], stored: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  for (const [from, to] of incoming) {
    let start = from
    for (const [a, b] of stored) {
      if (b <= start) continue
      if (a >= to) break
      if (a > start) out.push([start, a])
      start = Math.max(start, b)
      if (start >= to) break
    }
    if (start < to) out.push([start, to])
  }
  return out
}

/**
 * Keeps at most `max` intervals by dropping the shortest ones: when a client floods tiny pieces the
 * stored watched time can only shrink, never grow.
 */
export function capIntervals(merged: readonly Interval[], max = MAX_STORED_INTERVALS): Interval[] {
  if (merged.length <= max) return merged.map(([a, b]) => [a, b] as Interval)
  const keep = [...merged].sort((x, y) => y[1] - y[0] - (x[1] - x[0])).slice(0, max)
  return keep.sort((x, y) => x[0] - y[0]).map(([a, b]) => [a, b] as Interval)
}

/** What a heartbeat may add given the wall clock: seconds of video. */
export function beatBudget(previousBeatAt: number | null | undefined, now: number): number {
  if (!previousBeatAt || !finite(previousBeatAt) || previousBeatAt > now) return FIRST_BEAT_SECONDS * MAX_PLAYBACK_RATE
  return ((now - previousBeatAt) / 1000) * MAX_PLAYBACK_RATE + BEAT_SLACK_SECONDS
}

export type WatchState = { watched: Interval[]; lastBeatAt: number | null }

/**
 * One heartbeat: the reported intervals, cleaned, stripped of what was already counted, limited by the
 * wall-clock budget, joined to the stored ones. Returns the new state and the fraction watched.
 */
export function applyHeartbeat(
  state: WatchState,
  reported: unknown,
  duration: number,
  now: number,
): { state: WatchState; added: number; watched: number; fraction: number; completed: boolean } {
  const stored = mergeIntervals(clampIntervals(state.watched, duration, MAX_STORED_INTERVALS))
  const incoming = mergeIntervals(clampIntervals(reported, duration))
  const fresh = limitToBudget(subtractIntervals(incoming, stored), beatBudget(state.lastBeatAt, now))
  // Stored to the millisecond; what is reported is computed from exactly what is stored.
  const watched = mergeIntervals(capIntervals(mergeIntervals([...stored, ...fresh])).map(([a, b]) => [round(a), round(b)] as Interval))
  const total = round(watchedSeconds(watched))
  const fraction = duration > 0 ? Math.min(1, total / duration) : 0
  return {
    state: { watched, lastBeatAt: now },
    added: round(watchedSeconds(fresh)),
    watched: total,
    fraction,
    completed: fraction >= VIDEO_COMPLETION_THRESHOLD,
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000
