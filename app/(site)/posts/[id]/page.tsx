import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { authorName } from '@/components/post-page/authorName'
import { PostArticle } from '@/components/post-page/PostArticle'
import { isStaffUser } from '@/access/roles'
import { publicUrl } from '@/lib/publicUrl'
import { getViewer, getViewerAvatar, payloadInstance } from '@/lib/session'
import type { User } from '../../../../payload-types'
import { firstImage, loadPost, loadPostContext } from './load'

type Props = { params: Promise<{ id: string }> }

const excerpt = (text: string | null | undefined, max: number) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

/** Readable by anyone who is not signed in: the only posts search engines and link previews may show. */
const isPublic = (post: NonNullable<Awaited<ReturnType<typeof loadPost>>>) =>
  post._status === 'published' && post.moderation === 'visible' && !post.deletedAt && post.visibility === 'public' && (post.roomVisibility ?? 'public') === 'public'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await loadPost((await params).id)
  if (!post) return { title: 'Post not found', robots: { index: false } }
  const author = post.author && typeof post.author === 'object' ? authorName(post.author as User) : 'a doctor'
  const title = post.title || excerpt(post.text, 70) || `Post by ${author}`
  const description = excerpt(post.text, 200) || `A post by ${author} on Rounds.`
  if (!isPublic(post)) return { title, robots: { index: false, follow: false } }
  const url = `${publicUrl()}/posts/${post.id}`
  const image = firstImage(post)
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      siteName: 'Rounds',
      publishedTime: (post as { publishedAt?: string | null }).publishedAt ?? post.createdAt,
      modifiedTime: post.editedAt ?? undefined,
      authors: [author],
      tags: post.tags ?? undefined,
      images: image ? [{ url: new URL(image.url, publicUrl()).href, alt: image.alt || undefined, width: image.width ?? undefined, height: image.height ?? undefined }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title, description },
  }
}

/** One post with its edit history and comments; a post the viewer may not read is a 404. */
export default async function PostPage({ params }: Props) {
  const post = await loadPost((await params).id)
  if (!post) notFound()
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const [context, avatarUrl] = await Promise.all([loadPostContext(payload, post, viewer), viewer ? getViewerAvatar() : null])
  if (context.me) context.me.avatarUrl = avatarUrl
  const canManage = Boolean(viewer && (String(viewer.id) === String(context.author.id) || isStaffUser(viewer)))
  return <PostArticle post={post} context={context} canManage={canManage} url={`${publicUrl()}/posts/${post.id}`} />
}
