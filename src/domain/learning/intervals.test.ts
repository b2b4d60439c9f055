/** Watched intervals: only time that can really have been watched counts. */
import { describe, expect, it } from 'vitest'

import {
  applyHeartbeat,
  beatBudget,
  capIntervals,
  clampIntervals,
  FIRST_BEAT_SECONDS,
  limitToBudget,
  MAX_INTERVALS_PER_BEAT,
  MAX_PLAYBACK_RATE,
  MAX_STORED_INTERVALS,
  mergeIntervals,
  subtractIntervals,
  VIDEO_COMPLETION_THRESHOLD,
  watchedSeconds,
  type Interval,
} from './intervals'

const T0 = Date.UTC(2026, 0, 1)

describe('mergeIntervals', () => {
  it('joins overlapping and adjacent intervals and sorts them', () => {
    expect(mergeIntervals([[20, 30], [0, 10], [5, 12], [12, 15], [40, 41]])).toEqual([[0, 15], [20, 30], [40, 41]])
  })
  it('keeps contained intervals inside their container', () => {
    expect(mergeIntervals([[0, 100], [10, 20], [30, 40]])).toEqual([[0, 100]])
  })
  it('drops empty and inverted intervals', () => {
    expect(mergeIntervals([[5, 5], [9, 3], [1, 2]])).toEqual([[1, 2]])
  })
})

describe('watchedSeconds', () => {
  it('counts overlapping time once', () => {
    expect(watchedSeconds([[0, 10], [5, 15], [5, 15], [0, 10]])).toBe(15)
  })
  it('is zero for nothing', () => {
    expect(watchedSeconds([])).toBe(0)
  })
})

describe('clampIntervals', () => {
  it('cuts to the video and drops negative, inverted, non-numeric and malformed pairs', () => {
    const input = [[-5, 3], [50, 70], [80, 90], [10, 5], ['a', 4], [1, Number.NaN], [1], [1, 2, 3], null, [2, Infinity], [4, 6]]
    expect(clampIntervals(input, 60)).toEqual([[0, 3], [50, 60], [4, 6]])
  })
  it('ignores anything that is not a list, and a video without length', () => {
    expect(clampIntervals('0-10', 60)).toEqual([])
    expect(clampIntervals({ 0: [0, 1] }, 60)).toEqual([])
    expect(clampIntervals([[0, 10]], 0)).toEqual([])
  })
  it('reads at most a capped number of pairs from a huge array', () => {
    const huge = Array.from({ length: 100_000 }, (_, i) => [i, i + 0.5])
    const out = clampIntervals(huge, 1e9)
    expect(out).toHaveLength(MAX_INTERVALS_PER_BEAT)
  })
})

describe('subtractIntervals and limitToBudget', () => {
  it('keeps only the parts not already counted', () => {
    expect(subtractIntervals([[0, 30]], [[5, 10], [20, 25]])).toEqual([[0, 5], [10, 20], [25, 30]])
    expect(subtractIntervals([[5, 8]], [[0, 10]])).toEqual([])
  })
  it('takes the earliest seconds first up to the budget', () => {
    expect(limitToBudget([[0, 5], [10, 20]], 8)).toEqual([[0, 5], [10, 13]])
    expect(limitToBudget([[0, 5]], 0)).toEqual([])
  })
})

describe('capIntervals', () => {
  it('keeps the longest intervals when there are too many, so the total never grows', () => {
    const many: Interval[] = Array.from({ length: MAX_STORED_INTERVALS + 50 }, (_, i) => [i * 10, i * 10 + (i % 3 === 0 ? 5 : 1)])
    const capped = capIntervals(many)
    expect(capped).toHaveLength(MAX_STORED_INTERVALS)
    expect(watchedSeconds(capped)).toBeLessThanOrEqual(watchedSeconds(many))
    expect(capped).toEqual(mergeIntervals(capped))
  })
})

describe('beatBudget', () => {
  it('allows the fastest playback rate over the wall-clock time plus a little slack', () => {
    expect(beatBudget(T0, T0 + 10_000)).toBeCloseTo(10 * MAX_PLAYBACK_RATE + 3)
    expect(beatBudget(null, T0)).toBe(FIRST_BEAT_SECONDS * MAX_PLAYBACK_RATE)
    // A stored time in the future (a clock set back) is treated as no previous beat, not a negative budget.
    expect(beatBudget(T0 + 60_000, T0)).toBe(FIRST_BEAT_SECONDS * MAX_PLAYBACK_RATE)
  })
})

describe('applyHeartbeat', () => {
  const empty = { watched: [] as Interval[], lastBeatAt: null }

  it('counts honestly watched time across beats and completes at the threshold', () => {
    let s = applyHeartbeat(empty, [[0, 10]], 100, T0)
    expect(s.watched).toBe(10)
    let now = T0
    for (let t = 10; t < 80; t += 10) {
      now += 10_000
      s = applyHeartbeat(s.state, [[t, t + 10]], 100, now)
    }
    expect(s.watched).toBe(80)
    expect(s.completed).toBe(false)
    s = applyHeartbeat(s.state, [[80, 100 * VIDEO_COMPLETION_THRESHOLD]], 100, now + 10_000)
    expect(s.fraction).toBe(VIDEO_COMPLETION_THRESHOLD)
    expect(s.completed).toBe(true)
  })

  it('refuses a forged jump: more video than the wall clock allows since the previous beat', () => {
    const first = applyHeartbeat(empty, [[0, 10]], 600, T0)
    // Two seconds later the client claims the whole video.
    const forged = applyHeartbeat(first.state, [[0, 600]], 600, T0 + 2_000)
    expect(forged.added).toBeCloseTo(2 * MAX_PLAYBACK_RATE + 3)
    expect(forged.completed).toBe(false)
  })

  it('does not count repeats of the same interval twice', () => {
    let s = applyHeartbeat(empty, [[0, 10]], 100, T0)
    for (let i = 1; i <= 20; i++) s = applyHeartbeat(s.state, [[0, 10], [0, 10], [2, 8]], 100, T0 + i * 10_000)
    expect(s.watched).toBe(10)
    expect(s.added).toBe(0)
  })

  it('caps a first beat, which has no previous one to measure from', () => {
    const s = applyHeartbeat(empty, [[0, 1000]], 1000, T0)
    expect(s.watched).toBe(FIRST_BEAT_SECONDS * MAX_PLAYBACK_RATE)
  })

  it('ignores out-of-range, negative and malformed input without failing', () => {
    const s = applyHeartbeat(empty, [[-100, -5], [200, 300], 'x', [5, 'y']], 100, T0)
    expect(s.watched).toBe(0)
    expect(s.fraction).toBe(0)
    expect(applyHeartbeat(empty, undefined, 100, T0).watched).toBe(0)
  })

  it('survives a huge array: only the first pairs are read and the budget holds', () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => [i, i + 1])
    const s = applyHeartbeat(empty, huge, 1e6, T0)
    expect(s.watched).toBe(MAX_INTERVALS_PER_BEAT)
    expect(s.state.watched.length).toBeLessThanOrEqual(MAX_STORED_INTERVALS)
  })

  it('joins adjacent intervals from separate beats into one stored interval', () => {
    const a = applyHeartbeat(empty, [[0, 10]], 100, T0)
    const b = applyHeartbeat(a.state, [[10, 20]], 100, T0 + 10_000)
    expect(b.state.watched).toEqual([[0, 20]])
    expect(b.state.lastBeatAt).toBe(T0 + 10_000)
  })

  it('cleans a tampered stored state instead of trusting it', () => {
    const s = applyHeartbeat({ watched: [[-10, 5000], [3, 'a']] as unknown as Interval[], lastBeatAt: T0 }, [], 100, T0 + 1000)
    expect(s.watched).toBe(100)
    expect(s.state.watched).toEqual([[0, 100]])
  })
})
