const DAY = 24 * 60 * 60 * 1000
const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY)

/** A streak counts consecutive UTC days with at least one login. */
export function nextStreak(lastLogin: Date | null, current: number, now: Date): number {
  if (!lastLogin) return 1
  const gap = dayNumber(now) - dayNumber(lastLogin)
  if (gap <= 0) return Math.max(current, 1)
  if (gap === 1) return current + 1
  return 1
}
