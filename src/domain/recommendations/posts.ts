import { sql, type Db } from '@/db/sql'
import { postAudiences, roomAudiences, type Viewer } from '@/domain/social/visibility'
import { TOP_N } from './kinds'

const PAYING = sql.raw(`('like', 'up')`)

/**
 * Posts each member of the batch may want to read, scored in one statement and upserted (top N per
 * member). Candidates:
 *  - co-engagement: members who liked the same posts as you in the last 90 days ("peers", the 50 who
 *    share most), and what they liked in the last 30 days, weighted by how much they share with you;
 *  - specialty: recent posts tagged with your specialty or a sub-specialty (50 per specialty);
 *  - popular: the 30 most liked posts of the last 14 days, so a new member is not shown nothing.
 * Only posts of the last 60 days that the member may read (published, visible, of an audience and room
 * audience they belong to, as src/domain/social/visibility.ts decides), not their own, not one they
 * reacted to, not by someone in a block with them, not a bare repost, not dismissed.
 *
 * score = 1 - (1 - 0.85 c)(1 - 0.45 s)(1 - 0.2 p):
 *   c = 1 - e^(-weight / 3), weight = sum over peers who liked it of the posts they share with you
 *   s = 1 when tagged with one of your specialties
 *   p = min(1, ln(1 + likes) / ln(51))
 */
export async function upsertPosts(db: Db, members: { id: number; verificationStatus?: string | null; tier?: string | null; roles?: string[] | null }[], runAt: string) {
  const audiences = JSON.stringify(
    members.map((m) => {
      const viewer = { ...m, roles: [] } as Viewer // what a member may read, staff rights aside
      return { id: m.id, posts: postAudiences(viewer), rooms: roomAudiences(viewer) }
    }),
  )
  await db.execute(sql`
    with m as (
      select (x->>'id')::int as id,
             array(select jsonb_array_elements_text(x->'posts')) as post_aud,
             array(select jsonb_array_elements_text(x->'rooms')) as room_aud,
             array_remove(array[u.specialty_id] || array(select r.specialties_id from users_rels r where r.parent_id = u.id and r.path = 'subSpecialties'), null) as specs
      from jsonb_array_elements(${audiences}::jsonb) x join users u on u.id = (x->>'id')::int
    ),
    liked as (
      select m.id as member, r.post_id
      from m cross join lateral (
        select post_id from reactions where user_id = m.id and post_id is not null and kind in ${PAYING}
          and created_at > now() - interval '90 days' order by id desc limit 100) r
    ),
    peers as (
      select member, peer, overlap from (
        select l.member, p.user_id as peer, count(*)::int as overlap,
               row_number() over (partition by l.member order by count(*) desc, p.user_id) as n
        from liked l cross join lateral (
          select user_id from reactions where post_id = l.post_id and kind in ${PAYING} and user_id <> l.member order by id desc limit 50) p
        group by l.member, p.user_id
      ) x where n <= 50
    ),
    co as (
      select pe.member, r.post_id as post, sum(pe.overlap)::int as weight, count(*)::int as peers
      from peers pe cross join lateral (
        select post_id from reactions where user_id = pe.peer and post_id is not null and kind in ${PAYING}
          and created_at > now() - interval '30 days' order by id desc limit 50) r
      group by 1, 2
    ),
    spec as (
      select m.id as member, c.post, s.id as specialty
      from m cross join lateral unnest(m.specs) s(id)
      cross join lateral (
        select pr.parent_id as post from posts_rels pr
        where pr.specialties_id = s.id and pr.path = 'specialties' order by pr.parent_id desc limit 50) c
    ),
    popular as (
      select id as post from posts
      where created_at > now() - interval '14 days' and _status = 'published' and moderation = 'visible' and deleted_at is null
      order by like_count desc nulls last, id desc limit 30
    ),
    candidates as (
      select member, post, max(weight) as weight, max(peers) as peers, min(specialty) as specialty, bool_or(popular) as popular
      from (
        select member, post, weight, peers, null::int as specialty, false as popular from co
        union all select member, post, 0, 0, specialty, false from spec
        union all select m.id, popular.post, 0, 0, null, true from m cross join popular
      ) x
      group by 1, 2
    ),
    features as (
      select c.*, coalesce(p.like_count, 0) as likes, sp.name as specialty_name
      from candidates c
      join m on m.id = c.member
      join posts p on p.id = c.post
      left join specialties sp on sp.id = c.specialty
      where p._status = 'published' and p.moderation = 'visible' and p.deleted_at is null
        and p.created_at > now() - interval '60 days' and p.kind <> 'repost'
        and p.visibility::text = any(m.post_aud) and coalesce(p.room_visibility::text, 'public') = any(m.room_aud)
        and p.author_id is distinct from c.member
        and not exists (select 1 from reactions r where r.user_id = c.member and r.post_id = p.id)
        and not exists (select 1 from blocks b where (b.blocker_id = c.member and b.blocked_id = p.author_id) or (b.blocker_id = p.author_id and b.blocked_id = c.member))
        and not exists (select 1 from recommendations d where d.member_id = c.member and d.kind = 'post' and d.target_id = p.id and d.dismissed_at is not null)
    ),
    scored as (
      select member, post,
             1 - (1 - 0.85 * (1 - exp(-weight / 3.0)))
               * (1 - case when specialty is not null then 0.45 else 0 end)
               * (1 - 0.2 * least(1, ln(1 + likes) / ln(51))) as score,
             to_jsonb(array_remove(array[
               case when peers = 1 then 'Liked by a member who likes what you like'
                    when peers > 1 then 'Liked by ' || peers || ' members who like what you like' end,
               case when specialty is not null then 'In your specialty: ' || specialty_name end,
               case when popular and likes > 0 then 'Popular on Rounds lately' end
             ], null)) as reasons
      from features
    ),
    ranked as (
      select *, row_number() over (partition by member order by score desc, post desc) as position from scored where score >= 0.02
    )
    insert into recommendations (member_id, kind, target_id, score, reasons, computed_at, updated_at, created_at)
    select member, 'post', post, round(score::numeric, 4), reasons, ${runAt}::timestamptz, now(), now()
    from ranked where position <= ${TOP_N}
    order by member, post
    on conflict (member_id, kind, target_id) do update
      set score = excluded.score, reasons = excluded.reasons, computed_at = excluded.computed_at, updated_at = now()
      where recommendations.dismissed_at is null`)
}
