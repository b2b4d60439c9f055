import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { LiveSessionPanel } from '@/components/learning/live/LiveSessionPanel'
import { getViewer, payloadInstance } from '@/lib/session'

type Params = { params: Promise<{ id: string }> }
export const dynamic = 'force-dynamic'

async function load(raw: string) {
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) return null
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  return payload
    .findByID({ collection: 'live-sessions', id, depth: 0, overrideAccess: false, user: viewer, select: { title: true, description: true } })
    .catch(() => null)
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const session = await load((await params).id)
  return session ? { title: session.title, description: session.description?.slice(0, 160) } : { title: 'Live session' }
}

/** One live session: the panel does the rest in the browser (registration, join, Q&A, polls). */
export default async function LiveSessionPage({ params }: Params) {
  const session = await load((await params).id)
  if (!session) notFound()
  return (
    <div>
      <p style={{ maxWidth: '60rem', marginInline: 'auto', marginTop: 0 }}>
        <Link href="/learn/live">← All live sessions</Link>
      </p>
      <LiveSessionPanel sessionId={Number(session.id)} />
    </div>
  )
}
