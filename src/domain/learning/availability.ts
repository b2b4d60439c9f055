/** Drip release: when a lesson opens for a learner. */
export type Release = { at?: string | Date | null; afterDays?: number | null } | null | undefined

const DAY = 86_400_000

/**
 * The moment the lesson opens for a learner who enrolled at `enrolledAt`: the later of its release date
 * and `afterDays` after enrolling. Null when it is open from the start.
 */
export function releaseDate(release: Release, enrolledAt: string | Date | null | undefined): Date | null {
  const dates: number[] = []
  if (release?.at) dates.push(new Date(release.at).getTime())
  if (release?.afterDays && release.afterDays > 0 && enrolledAt) dates.push(new Date(enrolledAt).getTime() + release.afterDays * DAY)
  const valid = dates.filter((t) => Number.isFinite(t))
  return valid.length ? new Date(Math.max(...valid)) : null
}

/** Whether the lesson is open now for that learner. */
export function isReleased(release: Release, enrolledAt: string | Date | null | undefined, now: Date = new Date()): boolean {
  const opens = releaseDate(release, enrolledAt)
  return !opens || opens.getTime() <= now.getTime()
}
