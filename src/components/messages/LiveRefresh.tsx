'use client'

import { useRouter } from 'next/navigation'

import { useLiveEvents } from './useLiveEvents'

/** Re-renders the server page (the inbox) when a message arrives or someone reads one. */
export function LiveRefresh() {
  const router = useRouter()
  useLiveEvents((event) => {
    if (event.type === 'message' || event.type === 'read' || event.type === 'resync') router.refresh()
  })
  return null
}
