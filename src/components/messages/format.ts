const pad = (n: number) => String(n).padStart(2, '0')

/** "14:05" today, "3 Jan, 14:05" otherwise; in the browser's time zone once `local` is true. */
export function messageTime(iso: string, local: boolean, now = Date.now()) {
  const d = new Date(iso)
  const [day, month, hours, minutes] = local
    ? [d.getDate(), d.getMonth(), d.getHours(), d.getMinutes()]
    : [d.getUTCDate(), d.getUTCMonth(), d.getUTCHours(), d.getUTCMinutes()]
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const today = local ? new Date(now).toDateString() === d.toDateString() : false
  return today ? `${pad(hours)}:${pad(minutes)}` : `${day} ${months[month]}, ${pad(hours)}:${pad(minutes)}`
}

export type Person = { id: number; name: string; honorific: string | null; handle?: string | null }
export const personName = (p: Person) => (p.honorific ? `${p.honorific} ${p.name}` : p.name)
