import type pg from 'pg'

/**
 * The learning platform at benchmark scale, in SQL straight into the tables the migrations create:
 * published courses (instructors among the members, specialties spread), three modules of four
 * lessons each (a video lesson in every module), enrollments spread over members and skewed towards
 * popular courses, and lesson progress for a share of them. Counters (enrollment_count) are computed
 * from the rows afterwards.
 */
export type LearningScale = { courses: number; enrollments: number }

export const defaultLearningScale: LearningScale = { courses: 500, enrollments: 50_000 }

const TOPICS = [
  'ECG interpretation', 'Sepsis bundles', 'Point-of-care ultrasound', 'Insulin titration', 'Stroke thrombolysis', 'Asthma in adults',
  'Practice finance', 'Index funds for physicians', 'Airway management', 'Antibiotic stewardship', 'Heart failure therapy', 'Paediatric fever',
]

export async function seedLearning(db: pg.Pool, scale: LearningScale, log: (line: string) => void = console.log) {
  const client = await db.connect()
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const started = Date.now()
    const res = await client.query(text, params)
    log(`  ${name.padEnd(28)} ${String(res.rowCount ?? '').padStart(9)} rows  ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  try {
    const existing = await client.query("select count(*)::int as n from courses where slug like 'bench-course-%'")
    if (existing.rows[0].n >= scale.courses) return
    await client.query("set synchronous_commit = off; set work_mem = '256MB'; select setseed(0.17)")
    await step('learners (index)', `create temp table lu as
      select row_number() over (order by id)::int as n, id from users where email like 'bench-%@bench.rounds.test'`)
    await client.query('create unique index on lu (n); analyze lu')
    const users = (await client.query('select count(*)::int as n from lu')).rows[0].n as number
    await step(
      'courses',
      `insert into courses (title, slug, summary, level, pricing, completion_rule, completion_percent, certificate_enabled,
         certificate_validity_months, enrollment_count, featured, duration_minutes, credit_hours, specialty_id, _status, created_at, updated_at)
       select ($2::text[])[1 + g % array_length($2::text[], 1)] || ' ' || g, 'bench-course-' || g,
         'A bench course on ' || ($2::text[])[1 + g % array_length($2::text[], 1)] || ', for doctors who want the essentials fast.',
         (array['introductory', 'intermediate', 'advanced'])[1 + g % 3]::enum_courses_level, 'free', 'required', 100, true, 0, 0, false,
         90 + g % 240, 1 + g % 6, (select id from specialties order by id offset (g % greatest(1, (select count(*) from specialties))::int) limit 1),
         'published', now() - (g || ' hours')::interval, now()
       from generate_series(1, $1::int) g`,
      [scale.courses, TOPICS],
    )
    await step(
      'course instructors',
      `insert into courses_rels (parent_id, path, users_id, "order")
       select c.id, 'instructors', (select id from lu where n = 1 + (c.id * 7919) % $1), 1 from courses c where c.slug like 'bench-course-%'`,
      [users],
    )
    await step(
      'modules',
      `insert into course_modules (course_id, title, "order", created_at, updated_at)
       select c.id, 'Module ' || m, m, now(), now() from courses c cross join generate_series(1, 3) m where c.slug like 'bench-course-%'`,
    )
    await step(
      'lessons',
      `insert into lessons (module_id, course_id, title, "order", kind, weight, required, preview, estimated_minutes,
         video_url, video_duration_seconds, body, created_at, updated_at)
       select m.id, m.course_id, 'Lesson ' || m."order" || '.' || l, l, (case when l = 1 then 'video' else 'text' end)::enum_lessons_kind,
         1, true, m."order" = 1 and l = 2, 10,
         case when l = 1 then 'https://video.example.org/lesson-' || m.id || '.mp4' end, case when l = 1 then 600 end,
         case when l > 1 then '{"root":{"type":"root","format":"","indent":0,"version":1,"direction":"ltr","children":[{"type":"paragraph","format":"","indent":0,"version":1,"direction":"ltr","textFormat":0,"children":[{"type":"text","text":"Read this lesson.","format":0,"style":"","mode":"normal","detail":0,"version":1}]}]}}'::jsonb end,
         now(), now()
       from course_modules m join courses c on c.id = m.course_id and c.slug like 'bench-course-%' cross join generate_series(1, 4) l`,
    )
    // Popular courses get most learners: the course index is drawn with a skew (power of a uniform).
    await step('courses (index)', `create temp table lc as
      select row_number() over (order by id)::int as n, id from courses where slug like 'bench-course-%'`)
    await client.query('create unique index on lc (n); analyze lc')
    await step(
      'enrollments',
      `insert into enrollments (user_id, course_id, status, source, enrolled_at, progress, created_at, updated_at)
       select distinct on (lu.id, lc.id) lu.id, lc.id, 'active', 'free', now() - ((x.g % 200) || ' days')::interval, 0, now(), now()
       from (
         select g, 1 + floor(random() * $2::int)::int as un, 1 + floor(power(random(), 2) * $3::int)::int as cn
         from generate_series(1, ($1::int * 1.15)::int) g
       ) x
       join lu on lu.n = x.un join lc on lc.n = x.cn
       on conflict (user_id, course_id) do nothing`,
      [scale.enrollments, users, scale.courses],
    )
    await step(
      'lesson progress',
      `insert into lesson_progress (user_id, lesson_id, course_id, status, fraction, completed_at, created_at, updated_at)
       select e.user_id, l.id, e.course_id, 'completed', 1, now(), now(), now()
       from enrollments e join lessons l on l.course_id = e.course_id and l."order" <= 2
       where e.id % 3 = 0
       on conflict (user_id, lesson_id) do nothing`,
    )
    await step(
      'enrollment progress',
      `update enrollments e set progress = round(100.0 * p.done / 12, 2)
       from (select user_id, course_id, count(*) as done from lesson_progress group by 1, 2) p
       where p.user_id = e.user_id and p.course_id = e.course_id`,
    )
    await step(
      'enrollment counts',
      `update courses c set enrollment_count = n from (select course_id, count(*) as n from enrollments group by 1) e where e.course_id = c.id`,
    )
    await client.query('analyze courses; analyze course_modules; analyze lessons; analyze enrollments; analyze lesson_progress')
  } finally {
    client.release()
  }
}
