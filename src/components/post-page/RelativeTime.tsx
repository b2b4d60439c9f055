'use client'

import { useEffect, useState } from 'react'

import { fixedTime, localTime, relativeTime } from './time'

/**
 * A time as "5 min ago" (kept fresh every minute), with the full local date on hover. The server
 * renders a fixed UTC date, replaced once the browser knows its time zone.
 */
export function RelativeTime({ iso, prefix }: { iso: string; prefix?: string }) {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return (
    <time dateTime={iso} title={now ? localTime(iso) : undefined} suppressHydrationWarning>
      {prefix}
      {now ? relativeTime(iso, now) : fixedTime(iso)}
    </time>
  )
}
