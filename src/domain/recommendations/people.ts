import { sql, type Db } from '@/db/sql'
import { TOP_N } from './kinds'

/** A member's specialty and sub-specialties as one array, for overlap tests. */
const specialtiesOf = (user: string) =>
  sql.raw(
    `array_remove(array[${user}.specialty_id] || array(select r.specialties_id from users_rels r where r.parent_id = ${user}.id and r.path = 'subSpecialties'), null)`,
  )

/** The country part of a "City, Country" location, as compared (lower case) and as shown. */
const regionOf = (user: string) => sql.raw(`nullif(btrim(regexp_replace(coalesce(${user}.contact_location, ''), '^.*,', '')), '')`)

/**
 * People each member of the batch may want to follow, scored in one statement and upserted (top N per
 * member). Candidates come from two bounded sources:
 *  - friends of friends: members followed by the people you follow (the 200 most recent follows at each
 *    step), with how many of your followings follow them;
 *  - specialty: the most followed members sharing your specialty or one of your sub-specialties
 *    (50 per specialty).
 * Living in the same country (as shown on a profile to members) raises the score but never makes a
 * suggestion alone. Never yourself, anyone you follow, anyone in a block with you either way, an
 * unconfirmed account, or someone you dismissed.
 *
 * score = 1 - (1 - 0.8 f)(1 - 0.6 s)(1 - 0.25 r), each signal in 0..1:
 *   f = 1 - 0.5^mutual            (1 mutual follow 0.5, 2 -> 0.75, 3 -> 0.875 ...)
 *   s = min(1, 0.6 [same main specialty] + 0.3 x other shared specialties)
 *   r = 1 when in the same country
 * so one mutual follow alone scores 0.40, the same specialty alone 0.22, both 0.53.
 */
export async function upsertPeople(db: Db, members: number[], runAt: string) {
  const ids = `{${members.join(',')}}`
  await db.execute(sql`
    with m as (
      select u.id, u.specialty_id, u.verification_status, lower(${regionOf('u')}) as region, ${specialtiesOf('u')} as specs
      from users u where u.id = any(${ids}::int[])
    ),
    fof as (
      select m.id as member, f2.following_id as candidate, count(distinct f1.following_id)::int as mutual
      from m
      cross join lateral (select following_id from follows where follower_id = m.id order by id desc limit 200) f1
      cross join lateral (select following_id from follows where follower_id = f1.following_id order by id desc limit 200) f2
      group by 1, 2
    ),
    spec as (
      select m.id as member, c.id as candidate
      from m
      cross join lateral unnest(m.specs) s(id)
      cross join lateral (
        (select u.id from users u where u.specialty_id = s.id and u._verified = true order by u.follower_count desc nulls last, u.id limit 50)
        union
        (select r.parent_id from users_rels r where r.specialties_id = s.id and r.path = 'subSpecialties' order by r.parent_id limit 50)
      ) c
    ),
    candidates as (
      select member, candidate, max(mutual) as mutual
      from (select member, candidate, mutual from fof union all select member, candidate, 0 from spec) x
      group by 1, 2
    ),
    features as (
      select c.member, c.candidate, c.mutual,
             coalesce(t.specialty_id = m.specialty_id, false) as same_specialty,
             cardinality(array(select unnest(m.specs) intersect select unnest(${specialtiesOf('t')}))) as shared,
             (m.region is not null and m.region = lower(${regionOf('t')})
               and (t.contact_location_visibility in ('public', 'members')
                    or (t.contact_location_visibility = 'verified' and m.verification_status = 'verified'))) as same_region,
             ${regionOf('t')} as region_label,
             sp.name as specialty_name
      from candidates c
      join m on m.id = c.member
      join users t on t.id = c.candidate
      left join specialties sp on sp.id = m.specialty_id
      where t.id <> c.member and t._verified = true
        and not exists (select 1 from follows f where f.follower_id = c.member and f.following_id = t.id)
        and not exists (select 1 from blocks b where (b.blocker_id = c.member and b.blocked_id = t.id) or (b.blocker_id = t.id and b.blocked_id = c.member))
        and not exists (select 1 from recommendations d where d.member_id = c.member and d.kind = 'person' and d.target_id = t.id and d.dismissed_at is not null)
    ),
    scored as (
      select member, candidate,
             1 - (1 - 0.8 * (1 - power(0.5, least(mutual, 20))))
               * (1 - 0.6 * least(1, case when same_specialty then 0.6 else 0 end + 0.3 * greatest(0, shared - case when same_specialty then 1 else 0 end)))
               * (1 - case when same_region then 0.25 else 0 end) as score,
             to_jsonb(array_remove(array[
               case when mutual = 1 then 'Followed by someone you follow' when mutual > 1 then 'Followed by ' || mutual || ' people you follow' end,
               case when same_specialty then 'Same specialty: ' || specialty_name end,
               case when shared - case when same_specialty then 1 else 0 end = 1 then 'A specialty interest in common'
                    when shared - case when same_specialty then 1 else 0 end > 1 then (shared - case when same_specialty then 1 else 0 end) || ' specialty interests in common' end,
               case when same_region then 'Also in ' || region_label end
             ], null)) as reasons
      from features
    ),
    ranked as (
      select *, row_number() over (partition by member order by score desc, candidate) as position from scored where score >= 0.05
    )
    insert into recommendations (member_id, kind, target_id, score, reasons, computed_at, updated_at, created_at)
    select member, 'person', candidate, round(score::numeric, 4), reasons, ${runAt}::timestamptz, now(), now()
    from ranked where position <= ${TOP_N}
    order by member, candidate
    on conflict (member_id, kind, target_id) do update
      set score = excluded.score, reasons = excluded.reasons, computed_at = excluded.computed_at, updated_at = now()
      where recommendations.dismissed_at is null`)
}
