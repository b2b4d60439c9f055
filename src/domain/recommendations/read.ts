import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { postAudiences, roomAudiences, type Viewer } from '@/domain/social/visibility'
import { RuleError } from '@/lib/ruleError'
import { requestRefresh } from './refresh'

const pgArray = (values: readonly string[]) => `{${values.join(',')}}`

type Base = { id: number; score: number; reasons: string[]; computedAt: string }
export type MemberCard = {
  id: number
  name: string
  honorific: string | null
  handle: string | null
  title: string | null
  verificationStatus: string | null
  avatarUrl: string | null
}
export type PersonSuggestion = Base & { kind: 'person'; target: MemberCard & { specialty: string | null; followerCount: number } }
export type PostSuggestion = Base & {
  kind: 'post'
  target: { id: number; title: string | null; excerpt: string; kind: string; createdAt: string; likeCount: number; commentCount: number; author: MemberCard | null }
}

type Row = Record<string, unknown>
const base = (r: Row): Base => ({
  id: Number(r.id),
  score: Number(r.score),
  reasons: Array.isArray(r.reasons) ? (r.reasons as string[]) : [],
  computedAt: r.computed_at ? new Date(r.computed_at as string).toISOString() : new Date(0).toISOString(),
})
const card = (r: Row, prefix: string): MemberCard => ({
  id: Number(r[`${prefix}id`]),
  name: String(r[`${prefix}name`] ?? ''),
  honorific: (r[`${prefix}honorific`] as string) ?? null,
  handle: (r[`${prefix}handle`] as string) ?? null,
  title: (r[`${prefix}title`] as string) ?? null,
  verificationStatus: (r[`${prefix}verification_status`] as string) ?? null,
  avatarUrl: (r[`${prefix}avatar_url`] as string) ?? null,
})

/**
 * People suggested to `viewer`, best first, with what a card shows: one statement. Whoever the viewer
 * followed or blocked since the last refresh is left out here already.
 */
export async function suggestedPeople(payload: Payload, viewer: number, limit: number): Promise<PersonSuggestion[]> {
  const rows = await query(
    payload,
    sql`select r.id, r.score, r.reasons, r.computed_at, u.id as t_id, u.name as t_name, u.honorific as t_honorific, u.handle as t_handle,
               u.title as t_title, u.verification_status as t_verification_status, u.follower_count as t_followers,
               coalesce(md.sizes_thumbnail_url, md.url) as t_avatar_url, sp.name as t_specialty
        from recommendations r
        join users u on u.id = r.target_id and u._verified = true
        left join media md on md.id = u.avatar_id
        left join specialties sp on sp.id = u.specialty_id
        where r.member_id = ${viewer} and r.kind = 'person' and r.dismissed_at is null
          and not exists (select 1 from follows f where f.follower_id = ${viewer} and f.following_id = u.id)
          and not exists (select 1 from blocks b where (b.blocker_id = ${viewer} and b.blocked_id = u.id) or (b.blocker_id = u.id and b.blocked_id = ${viewer}))
        order by r.score desc, r.id
        limit ${limit}`,
  )
  return rows.map((r) => ({
    ...base(r),
    kind: 'person' as const,
    target: { ...card(r, 't_'), specialty: (r.t_specialty as string) ?? null, followerCount: Number(r.t_followers ?? 0) },
  }))
}

/**
 * Posts suggested to `viewer`, best first, with their author: one statement. Readability is checked
 * again with the viewer's audiences of today (a lapsed premium tier, a post hidden since), and posts
 * the viewer has reacted to since are left out.
 */
export async function suggestedPosts(payload: Payload, viewer: NonNullable<Viewer>, limit: number): Promise<PostSuggestion[]> {
  const me = Number(viewer.id)
  const member = { ...viewer, roles: [] }
  const rows = await query(
    payload,
    sql`select r.id, r.score, r.reasons, r.computed_at, p.id as p_id, p.title as p_title, left(coalesce(p.text, ''), 280) as p_excerpt,
               p.kind as p_kind, p.created_at as p_created_at, p.like_count as p_likes, p.comment_count as p_comments,
               a.id as a_id, a.name as a_name, a.honorific as a_honorific, a.handle as a_handle, a.title as a_title,
               a.verification_status as a_verification_status, coalesce(md.sizes_thumbnail_url, md.url) as a_avatar_url
        from recommendations r
        join posts p on p.id = r.target_id
        left join users a on a.id = p.author_id
        left join media md on md.id = a.avatar_id
        where r.member_id = ${me} and r.kind = 'post' and r.dismissed_at is null
          and p._status = 'published' and p.moderation = 'visible' and p.deleted_at is null
          and p.visibility::text = any(${pgArray(postAudiences(member))}::text[])
          and coalesce(p.room_visibility::text, 'public') = any(${pgArray(roomAudiences(member))}::text[])
          and not exists (select 1 from reactions x where x.user_id = ${me} and x.post_id = p.id)
          and not exists (select 1 from blocks b where (b.blocker_id = ${me} and b.blocked_id = p.author_id) or (b.blocker_id = p.author_id and b.blocked_id = ${me}))
        order by r.score desc, r.id
        limit ${limit}`,
  )
  return rows.map((r) => ({
    ...base(r),
    kind: 'post' as const,
    target: {
      id: Number(r.p_id),
      title: (r.p_title as string) ?? null,
      excerpt: String(r.p_excerpt ?? ''),
      kind: String(r.p_kind),
      createdAt: new Date(r.p_created_at as string).toISOString(),
      likeCount: Number(r.p_likes ?? 0),
      commentCount: Number(r.p_comments ?? 0),
      author: r.a_id ? card(r, 'a_') : null,
    },
  }))
}

/** Suggestions of one kind; when the member has never had any computed, a refresh is queued. */
export async function suggestionsFor(payload: Payload, viewer: NonNullable<Viewer>, kind: 'person' | 'post' | 'course', limit: number) {
  const docs = kind === 'person' ? await suggestedPeople(payload, Number(viewer.id), limit) : kind === 'post' ? await suggestedPosts(payload, viewer, limit) : []
  if (!docs.length && kind !== 'course') {
    const [row] = await query<{ any: boolean }>(payload, sql`select exists(select 1 from recommendations where member_id = ${Number(viewer.id)}) as any`)
    // Best effort: suggestions are refreshed by the schedule anyway.
    if (!row?.any) await requestRefresh(payload, Number(viewer.id)).catch((err) => payload.logger.warn({ err, msg: 'Could not queue a recommendations refresh' }))
  }
  return docs
}

/** Dismisses one of the member's own suggestions for good (the refresh keeps dismissed rows). */
export async function dismiss(payload: Payload, member: number, id: number) {
  const [row] = await query<{ id: number; kind: string; target_id: string | number; dismissed_at: string | Date }>(
    payload,
    sql`update recommendations set dismissed_at = coalesce(dismissed_at, now()), updated_at = now()
        where id = ${id} and member_id = ${member} returning id, kind, target_id, dismissed_at`,
  )
  if (!row) throw new RuleError('No such suggestion.', 404)
  return { id: Number(row.id), kind: row.kind, targetId: Number(row.target_id), dismissedAt: new Date(row.dismissed_at).toISOString() }
}
