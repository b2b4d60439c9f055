/**
 * SCORM time spans: SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` and SCORM 2004 timeinterval, an ISO 8601
 * duration (`P1DT2H3M4.5S`). Totals are kept in seconds and written back in the SCO's own format.
 */
const CMI_TIMESPAN = /^(\d{2,4}):([0-5]?\d):([0-5]?\d)(?:\.(\d{1,2}))?$/
const ISO_DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/** Seconds of a SCORM 1.2 time span, or null when it is not one. */
export function parseCmiTimespan(value: string): number | null {
  const m = CMI_TIMESPAN.exec(value.trim())
  if (!m) return null
  const hundredths = m[4] ? Number(m[4].padEnd(2, '0')) / 100 : 0
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + hundredths
}

/** Seconds of an ISO 8601 duration (a year is 365 days, a month 30, as SCORM engines count), or null. */
export function parseIsoDuration(value: string): number | null {
  const m = ISO_DURATION.exec(value.trim())
  if (!m) return null
  const [, y, mo, w, d, h, mi, s] = m.map((x) => (x === undefined ? 0 : Number(x)))
  return ((((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) as number
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Seconds as a SCORM 1.2 time span (`0001:02:03.40`); hours beyond 9999 are clamped as the format allows. */
export function formatCmiTimespan(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 100))
  let hours = Math.floor(total / 360000)
  let rest = total - hours * 360000
  if (hours > 9999) {
    hours = 9999
    rest = 359999
  }
  const minutes = Math.floor(rest / 6000)
  const secs = (rest - minutes * 6000) / 100
  const [whole, frac = '0'] = secs.toFixed(2).split('.')
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${whole.padStart(2, '0')}.${frac}`
}

/** Seconds as an ISO 8601 duration (`PT1H2M3.4S`). */
export function formatIsoDuration(seconds: number): string {
  const total = Math.max(0, round2(seconds))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total - hours * 3600) / 60)
  const secs = round2(total - hours * 3600 - minutes * 60)
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secs || (!hours && !minutes) ? `${secs}S` : ''}`
}
