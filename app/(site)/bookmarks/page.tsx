import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { BookmarkList } from '@/components/feed/BookmarkList'
import feedStyles from '@/components/feed/feed.module.css'
import { meCard } from '@/components/posts/load'
import { bookmarksPage } from '@/domain/social/postLists'
import { getViewer, getViewerAvatar, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Bookmarks', robots: { index: false } }

/** The member's saved posts, newest bookmark first. */
export default async function BookmarksPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/bookmarks')
  const payload = await payloadInstance()
  const [page, avatarUrl] = await Promise.all([bookmarksPage(payload, viewer), getViewerAvatar()])
  const me = await meCard(payload, viewer, avatarUrl)
  return (
    <div className={feedStyles.main} style={{ marginInline: 'auto' }}>
      <header className="page-head">
        <span className="eyebrow">Saved</span>
        <h1>Your bookmarks</h1>
        <p>Posts you saved, newest first. Only you can see this list.</p>
      </header>
      <BookmarkList initial={page} me={me} />
    </div>
  )
}
