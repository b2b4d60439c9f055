/** What staff or a host set by hand; `scheduled` leaves the status to the clock. */
export const LIVE_STATES = ['scheduled', 'ended', 'cancelled'] as const
export type LiveState = (typeof LIVE_STATES)[number]
export type LiveStatus = 'upcoming' | 'live' | 'ended' | 'cancelled'

/** The join link opens this long before the start. */
export const JOIN_OPENS_BEFORE_MS = 15 * 60 * 1000

type Timed = { startsAt: Date | string; endsAt: Date | string; state: LiveState | string }

/** Upcoming, live or ended by the clock, unless ended early or cancelled. */
export function liveStatus(session: Timed, now: Date = new Date()): LiveStatus {
  if (session.state === 'cancelled') return 'cancelled'
  if (session.state === 'ended') return 'ended'
  const t = now.getTime()
  if (t >= new Date(session.endsAt).getTime()) return 'ended'
  return t >= new Date(session.startsAt).getTime() ? 'live' : 'upcoming'
}

/** From 15 minutes before the start until the end (not when ended early or cancelled). */
export function joinOpen(session: Timed, now: Date = new Date()): boolean {
  const status = liveStatus(session, now)
  if (status === 'ended' || status === 'cancelled') return false
  return now.getTime() >= new Date(session.startsAt).getTime() - JOIN_OPENS_BEFORE_MS
}

/** Still ahead or running: questions, votes and registrations are taken. */
export const isOpenForActivity = (session: Timed, now: Date = new Date()) => {
  const status = liveStatus(session, now)
  return status === 'upcoming' || status === 'live'
}
