import Link from 'next/link'
import React from 'react'

const QUEUE = '?where[status][equals]=submitted&sort=submittedAt&limit=50'

/** Above the list of licence verifications: the review queue (open requests, oldest first) and everything. */
export function ReviewQueueLinks() {
  return (
    <div style={{ display: 'flex', gap: 16, marginBottom: 16, fontSize: 14 }}>
      <Link href={`/admin/collections/licence-verifications${QUEUE}`}>Review queue: open requests, oldest first</Link>
      <Link href="/admin/collections/licence-verifications">All requests</Link>
    </div>
  )
}
