/** Words and numbers of course cards and pages. */
export const PRICING_LABELS: Record<string, string> = { free: 'Free', premium: 'Premium', paid: 'Paid' }
export const LEVEL_LABELS: Record<string, string> = { introductory: 'Introductory', intermediate: 'Intermediate', advanced: 'Advanced' }
export const KIND_LABELS: Record<string, string> = {
  video: 'Video',
  document: 'Document',
  text: 'Reading',
  quiz: 'Quiz',
  scorm: 'Interactive',
  lti: 'External tool',
  live: 'Live session',
}

/** "45 min", "2 h", "3 h 15 min". */
export function duration(minutes: number | null | undefined): string | null {
  if (!minutes || minutes <= 0) return null
  const h = Math.floor(minutes / 60)
  const m = Math.round(minutes % 60)
  if (!h) return `${m} min`
  return m ? `${h} h ${m} min` : `${h} h`
}

export const creditHours = (n: number | null | undefined) => (n ? `${n} credit ${n === 1 ? 'hour' : 'hours'}` : null)

export function price(p: { amount: number; currency: string } | null | undefined): string | null {
  if (!p) return null
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: p.currency.toUpperCase() }).format(p.amount / 100)
  } catch {
    return `${(p.amount / 100).toFixed(2)} ${p.currency.toUpperCase()}`
  }
}

export const instructorNames = (list: { name: string; honorific: string | null }[]) =>
  list.map((i) => (i.honorific ? `${i.honorific} ${i.name}` : i.name)).join(', ')

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
export const shortDate = (iso: string) => dateFormat.format(new Date(iso))
export const dateTime = (iso: string) => `${dateTimeFormat.format(new Date(iso))} UTC`
