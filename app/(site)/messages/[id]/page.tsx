import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { personName } from '@/components/messages/format'
import { Thread } from '@/components/messages/Thread'
import { listMessages } from '@/domain/messaging/messages'
import { MessagingError } from '@/domain/messaging/policy'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Conversation' }
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

/** One conversation with live updates; only its participants get past notFound(). */
export default async function ConversationPage({ params }: Props) {
  const { id: raw } = await params
  const viewer = await getViewer()
  if (!viewer) redirect(`/login?next=/messages/${encodeURIComponent(raw)}`)
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) notFound()
  const me = Number(viewer.id)
  let page: Awaited<ReturnType<typeof listMessages>>
  try {
    page = await listMessages(await payloadInstance(), me, id, { limit: 50 })
  } catch (err) {
    if (err instanceof MessagingError) notFound()
    throw err
  }
  const others = page.members.filter((m) => m.id !== me)
  const title = page.conversation.title || others.map(personName).join(', ') || 'Conversation'
  return (
    <Thread
      conversationId={id}
      me={me}
      title={title}
      initial={{ docs: [...page.docs].reverse(), members: page.members, nextCursor: page.nextCursor }}
    />
  )
}
