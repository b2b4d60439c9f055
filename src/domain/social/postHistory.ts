import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'

export type PostVersion = {
  /** The version's id (Payload's `_posts_v`), also the cursor of the next page. */
  id: number
  title: string | null
  text: string | null
  /** When this version went live: the post's publication or an edit. */
  publishedAt: string
  /** The version readers see now. */
  current: boolean
}

export const HISTORY_MAX = 25

/**
 * The versions of a post that readers saw, newest first: published, visible versions only (never
 * drafts, held or deleted states), and only those whose content changed (a save that moved the post to
 * another room, or a moderation round trip, is not an edit). Payload keeps at most 25 versions of a
 * post (`maxPerDoc`), so the window over them is bounded; the caller checks the viewer may read the post.
 * One statement, keyset on the version id.
 */
export async function postHistory(payload: Payload, postId: number, opts: { before?: number | null; limit?: number } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? 10, 1), HISTORY_MAX)
  const before = opts.before ?? 2147483647
  const rows = await query<{ id: number; title: string | null; text: string | null; at: Date | string; current: boolean }>(
    payload,
    sql`with published as (
          select v.id, v.version_title as title, v.version_text as text, v.updated_at as at,
                 jsonb_build_array(v.version_title, v.version_body, v.version_video, v.version_link_url) as content,
                 lag(jsonb_build_array(v.version_title, v.version_body, v.version_video, v.version_link_url)) over (order by v.id) as previous
          from _posts_v v
          where v.parent_id = ${postId} and v.version__status = 'published' and v.version_moderation = 'visible' and v.version_deleted_at is null
        ),
        edits as (select id, title, text, at from published where previous is null or previous is distinct from content)
        select id, title, text, at, id = (select max(id) from edits) as current from edits
        where id < ${before} order by id desc limit ${limit + 1}`,
  )
  const docs: PostVersion[] = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    title: r.title,
    text: r.text,
    publishedAt: new Date(r.at).toISOString(),
    current: Boolean(r.current),
  }))
  return { docs, nextCursor: rows.length > limit ? String(docs[docs.length - 1].id) : null }
}
