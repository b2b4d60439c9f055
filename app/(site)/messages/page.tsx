import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { LiveRefresh } from '@/components/messages/LiveRefresh'
import { personName } from '@/components/messages/format'
import { decodeCursor, inbox } from '@/domain/messaging/conversations'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Messages' }
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ before?: string }> }

/** The member's conversations, most recent first, with unread counts; refreshed live. */
export default async function MessagesPage({ searchParams }: Props) {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/messages')
  const { before } = await searchParams
  const page = await inbox(await payloadInstance(), Number(viewer.id), { before: before ? decodeCursor(before) : null, limit: 20 })
  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <LiveRefresh />
      <div className="page-head">
        <h1 id="inbox-title">Messages</h1>
        <p>Private conversations with other members. Start one from a doctor&rsquo;s profile.</p>
      </div>
      {page.docs.length === 0 ? (
        <p className="empty">
          No conversations yet. Find a colleague in the <Link href="/doctors">directory</Link> and press Message.
        </p>
      ) : (
        <ul className="inbox__list">
          {page.docs.map((c) => {
            const title = c.title || c.participants.map(personName).join(', ') || 'Conversation'
            return (
              <li key={c.id}>
                <Link href={`/messages/${c.id}`} className={`inbox__item${c.unread ? ' inbox__item--unread' : ''}`}>
                  <span className="inbox__title">{title}</span>
                  <span className="inbox__preview">
                    {c.lastMessage ? `${c.lastMessage.senderId === Number(viewer.id) ? 'You: ' : ''}${c.lastMessage.preview}` : 'No messages yet'}
                  </span>
                  {c.unread ? (
                    <span className="inbox__badge" aria-label={`${c.unread >= 100 ? '99+' : c.unread} unread`}>
                      {c.unread >= 100 ? '99+' : c.unread}
                    </span>
                  ) : null}
                </Link>
              </li>
            )
          })}
        </ul>
      )}
      {page.nextCursor ? (
        <p className="pager">
          <Link className="button button--quiet" href={`/messages?before=${page.nextCursor}`}>
            Older conversations
          </Link>
        </p>
      ) : null}
    </section>
  )
}
