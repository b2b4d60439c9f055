import type pg from 'pg'

/**
 * The social network at benchmark scale, written in SQL (generate_series over the seeded members)
 * straight into the tables Payload's migrations create: rooms and memberships, follows, posts of
 * every kind and audience (authors, reactions and comments skewed towards a popular few and towards
 * recent posts), reactions unique per member and target, threaded comments, shares, blocks and
 * direct conversations with messages. Every counter (likes, votes, comments, replies, shares,
 * followers, room members) is computed from the rows afterwards, so they agree as the app keeps them.
 */
export type NetworkScale = { posts: number; reactions: number; comments: number; rooms: number; conversations: number; messagesPerConversation: number }

export const defaultScale = (posts: number): NetworkScale => ({
  posts,
  reactions: posts * 10,
  comments: posts * 2,
  rooms: 200,
  conversations: 5000,
  messagesPerConversation: 20,
})

const WORDS = [
  'sepsis', 'insulin', 'troponin', 'stroke', 'anticoagulation', 'asthma', 'fracture', 'dermatitis', 'migraine', 'pneumonia',
  'hypertension', 'diabetes', 'arrhythmia', 'oncology', 'chemotherapy', 'ultrasound', 'laparoscopy', 'anaesthesia', 'triage', 'antibiotics',
  'biopsy', 'dialysis', 'vaccination', 'rehabilitation', 'endoscopy', 'thrombosis', 'epilepsy', 'glaucoma', 'psoriasis', 'lymphoma',
]

const BULK_TABLES = ['posts', 'posts_rels', 'posts_texts', 'reactions', 'comments', 'follows', 'room_members', 'shares', 'messages', 'conversations', 'conversations_rels', 'conversation_members']

/** Runs the steps on one connection (temp tables live per session) and logs each step's time. */
export async function seedNetwork(db: pg.Pool, scale: NetworkScale, log: (line: string) => void = console.log) {
  const client = await db.connect()
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const started = Date.now()
    const res = await client.query(text, params)
    log(`  ${name.padEnd(28)} ${String(res.rowCount ?? '').padStart(9)} rows  ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  try {
    const existing = await client.query("select count(*)::int as n from posts where text like 'Bench post %'")
    if (existing.rows[0].n >= scale.posts) return
    // Rows are consistent by construction: foreign-key and other triggers are skipped for the load
    // (session_replication_role = replica), which is most of its cost on follows and reactions.
    await client.query(
      "set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '512MB'; set session_replication_role = replica; select setseed(0.42)",
    )
    // Bulk loads into tables with many indexes are far faster with the plain indexes built afterwards
    // (unique ones stay: they are the rules the rows must keep). Recreated from their own definitions.
    const { rows: dropped } = await client.query(
      `select c.relname as tbl, ic.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
       join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1) and not i.indisprimary and not i.indisunique`,
      [BULK_TABLES],
    )
    for (const d of dropped) await client.query(`drop index "${d.name}"`)
    log(`  dropped ${dropped.length} plain indexes of ${BULK_TABLES.length} tables for the load`)
    await step('members (index)', `create temp table bu as
      select row_number() over (order by id)::int as n, id, verification_status = 'verified' as verified
      from users where email like 'bench-%@bench.rounds.test'`)
    await client.query('create unique index on bu (n); analyze bu')
    const users = (await client.query('select count(*)::int as n from bu')).rows[0].n as number
    await step('tiers', `update users set tier = (case when id % 10 = 0 then 'premium' when id % 37 = 0 then 'pro' else 'free' end)::enum_users_tier
      where email like 'bench-%@bench.rounds.test'`)

    await step('rooms', `insert into rooms (kind, name, slug, specialty_id, sponsored, voting, visibility, description)
      select (case when g % 5 = 0 then 'channel' else 'room' end)::enum_rooms_kind, 'Bench room ' || g, 'bench-room-' || g,
             (select id from specialties order by id offset (g % greatest((select count(*) from specialties), 1)) limit 1),
             g % 17 = 0, g % 6 = 0,
             (case when g % 4 = 0 then 'verified' when g % 4 = 1 then 'public' else 'members' end)::enum_rooms_visibility,
             'A bench room about ' || ($2::text[])[1 + g % array_length($2::text[], 1)]
      from generate_series(1, $1::int) g`, [scale.rooms, WORDS])
    await step('rooms (index)', `create temp table br as
      select row_number() over (order by id)::int as n, id, visibility::text as visibility, voting from rooms where slug like 'bench-room-%'`)
    await client.query('create unique index on br (n); analyze br')

    // Each member joins 0-6 rooms, popular rooms more often; the lateral refers to the member so
    // that Postgres draws new numbers for each.
    await step('room memberships', `insert into room_members (room_id, user_id, role)
      select distinct on (r.id, u.id) r.id, u.id, 'member'::enum_room_members_role
      from bu u cross join lateral (select 1 + floor($1 * power(random(), 2))::int as n from generate_series(1, (u.n * 13) % 7)) pick
      join br r on r.n = pick.n`, [scale.rooms])
    await step('room member counts', `update rooms r set member_count = c.n from (select room_id, count(*) n from room_members group by room_id) c where c.room_id = r.id`)

    // About 50 follows a member, towards the popular few.
    await step('follows', `insert into follows (follower_id, following_id)
      select distinct u.id, t.id
      from bu u cross join lateral (select 1 + floor($1 * power(random(), 2.2))::int as n from generate_series(1, 20 + (u.n * 7919) % 61)) pick
      join bu t on t.n = pick.n where t.id <> u.id`, [users])
    await step('follower counts', `update users x set follower_count = coalesce(a.n, 0), following_count = coalesce(b.n, 0)
      from bu left join (select following_id, count(*) n from follows group by following_id) a on a.following_id = bu.id
              left join (select follower_id, count(*) n from follows group by follower_id) b on b.follower_id = bu.id
      where x.id = bu.id`)
    await step('blocks', `insert into blocks (blocker_id, blocked_id)
      select distinct u.id, t.id from bu u join bu t on t.n = u.n + 3 + (u.n * 31) % 97 where u.n % 50 = 0`)

    // Posts: authors skewed (the top 1% write about a fifth), times skewed towards the last days,
    // a fifth in rooms (carrying the room's visibility), a few drafts, held or hidden.
    await step('posts', `insert into posts (author_id, kind, title, body, text, video, link_url, link_title, link_site_name, card_kind, card_ref,
        visibility, room_id, room_visibility, moderation, _status, created_at, updated_at, published_at)
      select a.id, kind::enum_posts_kind, case when g % 7 = 0 then 'On ' || w1 end,
        jsonb_build_object('root', jsonb_build_object('type', 'root', 'format', '', 'indent', 0, 'version', 1, 'direction', 'ltr', 'children',
          jsonb_build_array(jsonb_build_object('type', 'paragraph', 'format', '', 'indent', 0, 'version', 1, 'direction', 'ltr', 'textFormat', 0,
            'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', body, 'format', 0, 'style', '', 'mode', 'normal', 'detail', 0, 'version', 1)))))),
        body,
        case when kind = 'video' then 'https://www.youtube.com/watch?v=bench' || g end,
        case when kind = 'link' then 'https://example.org/articles/' || g end,
        case when kind = 'link' then 'Article about ' || w2 end,
        case when kind = 'link' then 'Example Journal' end,
        (case when kind = 'card' then 'course' end)::enum_posts_card_kind,
        case when kind = 'card' then 'course-' || (g % 500) end,
        (case when v < 0.40 then 'public' when v < 0.85 then 'members' when v < 0.95 then 'verified' else 'premium' end)::enum_posts_visibility,
        r.id, coalesce(r.visibility, 'public')::enum_posts_room_visibility,
        (case when g % 100 = 0 then 'held' when g % 100 = 1 then 'hidden' else 'visible' end)::enum_posts_moderation,
        (case when g % 33 = 0 then 'draft' else 'published' end)::enum_posts_status,
        at, at, case when g % 33 <> 0 then at end
      from (
        select g, random() as v, 1 + floor($2 * power(random(), 3))::int as author_n,
          case when random() < 0.2 then 1 + floor($3 * power(random(), 1.5))::int end as room_n,
          now() - make_interval(secs => 90 * 86400 * power(random(), 2)) as at,
          (array['text','text','text','text','text','text','link','video','card','text'])[1 + g % 10] as kind,
          ($4::text[])[1 + floor(random() * 30)::int] as w1, ($4::text[])[1 + floor(random() * 30)::int] as w2,
          'Bench post ' || g || ': notes on ' || ($4::text[])[1 + floor(random() * 30)::int] || ' and ' || ($4::text[])[1 + floor(random() * 30)::int]
            || ' from this week''s ' || ($4::text[])[1 + floor(random() * 30)::int] || ' round.' as body
        from generate_series(1, $1::int) g
      ) s
      join bu a on a.n = s.author_n
      left join br r on r.n = s.room_n`, [scale.posts, users, scale.rooms, WORDS])
    await step('posts (index)', `create temp table bp as
      select row_number() over (order by p.published_at desc, p.id desc)::int as n, p.id, p.published_at, coalesce(r.voting, false) as voting
      from posts p left join rooms r on r.id = p.room_id where p._status = 'published' and p.text like 'Bench post %'`)
    await client.query('create unique index on bp (n); create index on bp (id); analyze bp')
    const posts = (await client.query('select count(*)::int as n from bp')).rows[0].n as number
    // One in twelve posts shares an older one (reposts carry no text of their own).
    await step('reposts and quotes', `update posts p set kind = (case when p.id % 2 = 0 then 'repost' else 'quote' end)::enum_posts_kind,
        repost_of_id = o.id, text = case when p.id % 2 = 0 then null else p.text end
      from bp x join bp o on o.n = least(x.n + 1 + (x.id * 13) % 2000, $1::int)
      where p.id = x.id and x.id % 12 = 5 and o.id <> x.id`, [posts])
    await step('specialty tags', `insert into posts_rels ("order", parent_id, path, specialties_id)
      select k, x.id, 'specialties', (select id from specialties order by id offset ((x.id * 7 + k * 13) % greatest((select count(*) from specialties), 1)) limit 1)
      from bp x cross join generate_series(1, 1 + x.id % 2) k where x.id % 10 < 3`)
    // Search copies tags into posts.tags_text by a trigger that looks each post's tags up one post at
    // a time; with triggers off for the load, the copy is made once, in one statement.
    await step('tags', `insert into posts_texts ("order", parent_id, path, text)
      select k, x.id, 'tags', ($1::text[])[1 + (x.id * k) % 30] from bp x cross join generate_series(1, 2) k where x.id % 4 = 0`, [WORDS])
    const tagsText = await client.query("select 1 from information_schema.columns where table_name = 'posts' and column_name = 'tags_text'")
    if (tagsText.rowCount) {
      await step('tags text (search)', `update posts p set tags_text = t.words
        from (select parent_id, string_agg(text, ' ' order by "order") as words from posts_texts where path = 'tags' group by parent_id) t
        where t.parent_id = p.id`)
    }

    // Reactions: unique (member, post), recent posts far more often; up/down in voting rooms.
    await step('reactions', `insert into reactions (user_id, post_id, kind, created_at, updated_at)
      select u.id, p.id, (case when not p.voting then 'like' when random() < 0.8 then 'up' else 'down' end)::enum_reactions_kind, t, t
      from (
        select distinct on (un, pn) un, pn from (
          select 1 + floor($2 * random())::int as un, 1 + floor($3 * power(random(), 2.5))::int as pn from generate_series(1, ($1 * 1.15)::int)
        ) c
      ) pair
      join bu u on u.n = pair.un join bp p on p.n = pair.pn
      cross join lateral (select p.published_at + (now() - p.published_at) * random() as t offset 0) tt
      limit $1`, [scale.reactions, users, posts])
    await step('comments', `insert into comments (post_id, author_id, body, created_at, updated_at)
      select p.id, u.id, 'Bench comment ' || g || ' on ' || ($4::text[])[1 + g % 30], t, t
      from (select g, 1 + floor($2 * random())::int as un, 1 + floor($3 * power(random(), 2.5))::int as pn from generate_series(1, ($1 * 0.8)::int) g) c
      join bu u on u.n = c.un join bp p on p.n = c.pn
      cross join lateral (select p.published_at + (now() - p.published_at) * random() as t offset 0) tt`, [scale.comments, users, posts, WORDS])
    await step('replies', `insert into comments (post_id, parent_id, author_id, body, created_at, updated_at)
      select c.post_id, c.id, u.id, 'Bench reply to ' || c.id, c.created_at + (now() - c.created_at) * 0.5, c.created_at + (now() - c.created_at) * 0.5
      from comments c join bu u on u.n = 1 + (c.id * 7919) % $2
      where c.parent_id is null and c.body like 'Bench comment %' and c.id % 4 = 0 limit ($1 * 0.2)::int`, [scale.comments, users])
    await step('shares', `insert into shares (user_id, post_id, channel, repost_id, created_at, updated_at)
      select p.author_id, p.repost_of_id, 'in_app', p.id, p.created_at, p.created_at from bp x join posts p on p.id = x.id where p.repost_of_id is not null
      union all
      select u.id, p.id, (case when s.g % 2 = 0 then 'copy_link' else 'external' end)::enum_shares_channel, null, now(), now()
      from (select g, 1 + floor($1 * power(random(), 3))::int as pn from generate_series(1, $1::int / 20) g) s
      join bu u on u.n = 1 + (s.g * 7919) % $2 join bp p on p.n = least(s.pn, $1::int)`, [posts, users])
    await step('post counters', `update posts p set like_count = coalesce(r.likes, 0), upvotes = coalesce(r.ups, 0), downvotes = coalesce(r.downs, 0),
        comment_count = coalesce(c.n, 0), share_count = coalesce(s.n, 0)
      from bp x
      left join (select post_id, count(*) filter (where kind = 'like') likes, count(*) filter (where kind = 'up') ups, count(*) filter (where kind = 'down') downs
                 from reactions where post_id is not null group by post_id) r on r.post_id = x.id
      left join (select post_id, count(*) n from comments where moderation = 'visible' and deleted_at is null group by post_id) c on c.post_id = x.id
      left join (select post_id, count(*) n from shares group by post_id) s on s.post_id = x.id
      where p.id = x.id`)
    await step('reply counters', `update comments c set reply_count = r.n from (select parent_id, count(*) n from comments where parent_id is not null group by parent_id) r where c.id = r.parent_id`)

    // Direct conversations between neighbours (n, n+1), messages alternating.
    await step('conversations', `insert into conversations (kind, pair_key, created_by_id, created_at, updated_at)
      select 'direct', least(a.id, b.id) || ':' || greatest(a.id, b.id), a.id, now() - interval '30 days', now() - interval '30 days'
      from bu a join bu b on b.n = a.n + 1 where a.n % 2 = 1 and a.n < $1 * 2`, [scale.conversations])
    await step('participants', `insert into conversations_rels ("order", parent_id, path, users_id)
      select k, c.id, 'participants', split_part(c.pair_key, ':', k)::int from conversations c cross join generate_series(1, 2) k
      where c.created_at < now() - interval '29 days' and c.pair_key is not null`)
    await step('messages', `insert into messages (conversation_id, sender_id, body, created_at, updated_at)
      select c.id, split_part(c.pair_key, ':', 1 + k % 2)::int, 'Bench message ' || k, c.created_at + make_interval(mins => k * 30), c.created_at + make_interval(mins => k * 30)
      from conversations c cross join generate_series(1, $1::int) k where c.created_at < now() - interval '29 days' and c.pair_key is not null`, [scale.messagesPerConversation])
    await step('conversation tails', `update conversations c set last_message_at = m.at, last_message_id = m.id
      from (select conversation_id, max(created_at) at, max(id) id from messages group by conversation_id) m where m.conversation_id = c.id`)
    await step('conversation members', `insert into conversation_members (conversation_id, user_id, last_message_at, last_read_message_id, last_read_at, last_delivered_message_id, last_delivered_at)
      select c.id, split_part(c.pair_key, ':', k)::int, c.last_message_at, c.last_message_id, c.last_message_at, c.last_message_id, c.last_message_at
      from conversations c cross join generate_series(1, 2) k where c.last_message_id is not null
      on conflict do nothing`)
    const started = Date.now()
    for (const d of dropped) await client.query(d.def)
    log(`  ${'indexes rebuilt'.padEnd(28)} ${String(dropped.length).padStart(9)}       ${((Date.now() - started) / 1000).toFixed(1)} s`)
    await step('vacuum analyze', 'vacuum analyze')
  } finally {
    await client.query('set session_replication_role = origin').catch(() => undefined)
    client.release()
  }
}
