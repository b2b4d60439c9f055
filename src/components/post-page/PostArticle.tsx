import type { Post } from '../../../payload-types'
import { AuthorLine } from './AuthorLine'
import { authorName } from './authorName'
import { Comments } from './Comments'
import { EditHistory } from './EditHistory'
import { isPlainBody } from './lexicalText'
import { PostActions } from './PostActions'
import { LinkCard, PostImages, PostVideo } from './PostMedia'
import styles from './post-page.module.css'
import { PostShell } from './PostShell'
import { RelativeTime } from './RelativeTime'
import { RichBody } from './RichBody'
import { SharedPost } from './SharedPost'
import type { PostContext } from './types'

const AUDIENCE: Record<string, string> = { public: 'Public', members: 'Members', verified: 'Verified doctors', premium: 'Premium members' }

type Props = { post: Post; context: PostContext; canManage: boolean; url: string }

/** The whole post page: the post, what readers can do with it, its edit history and its comments. */
export function PostArticle({ post, context, canManage, url }: Props) {
  const { author, room, me } = context
  const published = post._status === 'published'
  const live = published && post.moderation === 'visible' && !post.deletedAt
  const heading = post.title || `Post by ${authorName(author)}`
  const repost = post.kind === 'repost'
  // When it went live (set once by the server); a draft shows when it was started.
  const shownAt = (post as { publishedAt?: string | null }).publishedAt ?? post.createdAt

  const header = (
    <header className={styles.header}>
      <AuthorLine author={author}>
        <span className={styles.meta}>
          <RelativeTime iso={shownAt} />
          {room ? (
            <>
              {' · in '}
              <span className={styles.room}>{room.name}</span>
            </>
          ) : null}
          {' · '}
          <span>{AUDIENCE[post.visibility] ?? post.visibility}</span>
        </span>
      </AuthorLine>
    </header>
  )

  const body = (
    <div className={styles.content}>
      {repost ? <p className={styles.repostNote}>{authorName(author)} reposted</p> : null}
      <h1 id="post-title" className={post.title ? styles.title : 'visually-hidden'}>{heading}</h1>
      {post.body ? <RichBody data={post.body} className={styles.body} /> : null}
    </div>
  )

  return (
    <div className={styles.page}>
      <article className={`card ${styles.post}`} aria-labelledby="post-title">
        {!published ? <p className="alert alert--info">Draft: only you can see this post until it is published.</p> : null}
        {published && post.moderation !== 'visible' ? (
          <p className="alert alert--info">{post.moderation === 'held' ? 'Held for review: readers will see this post once a moderator approves it.' : `Moderation: ${post.moderation}.`}</p>
        ) : null}
        {post.deletedAt ? <p className="alert alert--error">Deleted: only staff can see this post.</p> : null}
        <PostShell
          postId={post.id}
          canManage={canManage && !post.deletedAt}
          canEditText={published && !repost}
          title={post.title ?? ''}
          text={post.text ?? ''}
          formatted={!isPlainBody(post.body)}
          header={header}
          body={body}
        >
          <PostImages media={post.media} />
          <PostVideo url={post.video} title={heading} />
          <LinkCard link={post.link} />
          {post.repostOf ? <SharedPost original={context.original} missing={context.originalMissing} /> : null}
          {post.tags?.length ? (
            <ul className={styles.tags} aria-label="Tags">
              {post.tags.map((t) => (
                <li key={t}>#{t}</li>
              ))}
            </ul>
          ) : null}
          {post.editedAt && published ? <EditHistory key={post.editedAt} postId={post.id} editedAt={post.editedAt} /> : null}
          {live ? (
            <PostActions
              postId={post.id}
              signedIn={Boolean(me)}
              voting={Boolean(room?.voting)}
              reaction={context.reaction}
              bookmarked={context.bookmarked}
              counts={{
                likeCount: post.likeCount ?? 0,
                upvotes: post.upvotes ?? 0,
                downvotes: post.downvotes ?? 0,
                commentCount: post.commentCount ?? 0,
                shareCount: post.shareCount ?? 0,
                bookmarkCount: post.bookmarkCount ?? 0,
              }}
              url={url}
              title={heading}
              canRepost={!repost}
            />
          ) : null}
        </PostShell>
      </article>
      {published ? <Comments postId={post.id} me={me} initial={context.comments} commentCount={post.commentCount ?? 0} /> : null}
    </div>
  )
}
