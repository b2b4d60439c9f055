/** How a certificate stands today: revoked by staff, past its expiry, or valid. */
export type CertificateStatus = 'valid' | 'expired' | 'revoked'

type Dates = { revokedAt?: string | Date | null; expiresAt?: string | Date | null }

export function certificateStatus(c: Dates, now: Date = new Date()): CertificateStatus {
  if (c.revokedAt) return 'revoked'
  if (c.expiresAt && new Date(c.expiresAt).getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

/** A learner may recertify from this many days before their certificate expires. */
export const RECERTIFY_WINDOW_DAYS = 60

/** Whether the learner may recertify on the strength of this (their latest) certificate. */
export function mayRecertify(c: Dates, now: Date = new Date()): boolean {
  if (c.revokedAt || !c.expiresAt) return false
  return new Date(c.expiresAt).getTime() <= now.getTime() + RECERTIFY_WINDOW_DAYS * 86_400_000
}

/** A date as certificates print it: "4 December 2026" (UTC, so every reader sees the same day). */
export const certificateDate = (value: string | Date) =>
  new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "1 credit hour", "2.5 credit hours". */
export const creditHoursText = (hours: number) => `${hours} credit ${hours === 1 ? 'hour' : 'hours'}`
