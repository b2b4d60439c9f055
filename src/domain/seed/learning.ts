import crypto from 'node:crypto'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { query, sql, transaction } from '@/db/sql'
import { enroll, PREMIUM_TIERS } from '@/domain/learning/enrollment'
import { recordLessonProgress } from '@/domain/learning/progress'
import { AVATAR_PREFIX } from './avatars'
import { DEMO_COURSES, DEMO_COURSE_SLUGS, type CourseSeed } from './learningContent'
import { LAB_COURSE_SLUG, seedLearningLab } from './learningLab'

export { DEMO_COURSES, DEMO_COURSE_SLUGS }

type Account = { id: number; roles: string[]; tier: string | null }

/** Staff granting access in the admin: enrollment by staff skips pricing and prerequisites. */
const STAFF = { id: 0, roles: ['admin'] }

/** A Lexical document: one paragraph per line, "## " lines as headings. */
function lexical(lines: string[]) {
  const text = (t: string) => [{ type: 'text', text: t, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }]
  const node = (line: string) =>
    line.startsWith('## ')
      ? { type: 'heading', tag: 'h3', format: '', indent: 0, version: 1, direction: 'ltr', children: text(line.slice(3)) }
      : { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: text(line) }
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: lines.map(node) } }
}

const escapeXml = (value: string) => value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/** Splits a title over at most three lines of about `width` characters. */
function wrap(title: string, width = 24): string[] {
  const lines: string[] = []
  for (const word of title.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.slice(0, 3)
}

/** A 1280x720 cover: the course title on its colour, with a quiet pattern of the ECG's rhythm. */
async function uploadCover(payload: Payload, course: CourseSeed): Promise<number> {
  const lines = wrap(course.title)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">
  <rect width="1280" height="720" fill="${course.colour}"/>
  <path d="M0 560 H420 L460 500 L500 620 L540 420 L580 600 L620 560 H1280" fill="none" stroke="#ffffff" stroke-opacity="0.25" stroke-width="8"/>
  ${lines.map((line, i) => `<text x="90" y="${200 + i * 90}" fill="#ffffff" font-family="DejaVu Sans, Arial, sans-serif" font-size="72" font-weight="700">${escapeXml(line)}</text>`).join('\n  ')}
</svg>`
  const data = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: `Cover of ${course.title}` },
    file: { data, mimetype: 'image/png', name: `${AVATAR_PREFIX}course-${course.slug}-${crypto.randomBytes(3).toString('hex')}.png`, size: data.length },
    overrideAccess: true,
    depth: 0,
  })
  return media.id as number
}

type SeededCourse = { id: number; slug: string; lessons: number[] }

async function createCourse(payload: Payload, seed: CourseSeed, instructors: number[], specialties: Map<string, number>, bySlug: Map<string, SeededCourse>): Promise<SeededCourse> {
  const cover = await uploadCover(payload, seed)
  const minutes = seed.modules.flatMap((m) => m.lessons).reduce((sum, l) => sum + l.minutes, 0)
  const course = await payload.create({
    collection: 'courses',
    data: {
      title: seed.title,
      slug: seed.slug,
      summary: seed.summary,
      description: lexical(seed.description),
      cover,
      specialty: seed.specialty ? specialties.get(seed.specialty) : undefined,
      level: seed.level,
      durationMinutes: minutes,
      creditHours: seed.creditHours,
      instructors,
      tags: seed.tags,
      pricing: seed.pricing,
      price: seed.price,
      prerequisites: (seed.prerequisites ?? []).map((slug) => bySlug.get(slug)?.id).filter((id): id is number => id !== undefined),
      completion: { rule: 'required', percent: 100 },
      certificate: { enabled: true, validityMonths: seed.pricing === 'free' ? 0 : 36 },
      _status: 'published',
    } as never,
    overrideAccess: true,
    depth: 0,
  })
  const lessons: number[] = []
  for (const [m, mod] of seed.modules.entries()) {
    const created = await payload.create({
      collection: 'course-modules',
      data: { course: course.id, title: mod.title, summary: mod.summary, order: m } as never,
      overrideAccess: true,
      depth: 0,
    })
    for (const [i, lesson] of mod.lessons.entries()) {
      const doc = await payload.create({
        collection: 'lessons',
        data: {
          module: created.id,
          title: lesson.title,
          order: i,
          kind: 'text',
          body: lexical(lesson.body),
          estimatedMinutes: lesson.minutes,
          weight: lesson.weight ?? 1,
          required: lesson.required ?? true,
          preview: Boolean(lesson.preview),
          release: lesson.afterDays ? { afterDays: lesson.afterDays } : undefined,
        } as never,
        overrideAccess: true,
        depth: 0,
      })
      lessons.push(doc.id as number)
    }
  }
  return { id: course.id as number, slug: seed.slug, lessons }
}

/**
 * The demo catalogue (DEMO_COURSES): published courses taught by the demo instructors, with covers,
 * modules and text lessons, one premium and one paid course, a prerequisite and a drip-released
 * lesson; then a few demo doctors enrol through the enrollment rules and make progress through
 * recordLessonProgress, so that counters, completions and certificates come out as in use.
 * Runs once, right after the demo accounts are created.
 */
export async function seedLearningDemo(payload: Payload, opts: { instructors: number[]; doctors: number[] }) {
  const existing = await query<{ n: number }>(payload, sql`select count(*)::int as n from courses where slug = any(${sql.param(DEMO_COURSE_SLUGS)}::text[])`)
  if (Number(existing[0]?.n) > 0) return
  const specialties = new Map((await query<{ id: number; slug: string }>(payload, sql`select id, slug from specialties`)).map((r) => [r.slug, Number(r.id)]))

  const bySlug = new Map<string, SeededCourse>()
  for (const seed of DEMO_COURSES) bySlug.set(seed.slug, await createCourse(payload, seed, opts.instructors, specialties, bySlug))
  await seedLearningLab(payload, { instructors: opts.instructors, hosts: opts.instructors })

  const ids = [...opts.doctors]
  if (!ids.length) return
  const accounts = await query<Account>(
    payload,
    sql`select u.id, u.tier, coalesce(array_agg(r.value::text) filter (where r.value is not null), '{}') as roles
        from users u left join users_roles r on r.parent_id = u.id where u.id = any(${sql.param(ids)}::int[]) group by u.id order by u.id`,
  )
  const doctors = accounts.map((a) => ({ id: Number(a.id), roles: a.roles, tier: a.tier }))
  const premium = doctors.filter((d) => (PREMIUM_TIERS as readonly string[]).includes(d.tier ?? ''))
  const others = doctors.filter((d) => !premium.includes(d))
  const pick = (list: typeof doctors, i: number) => list[i % list.length] ?? doctors[i % doctors.length]

  const course = (slug: string) => bySlug.get(slug)!
  const ecg = course('ecg-interpretation-essentials')
  const acs = course('acute-coronary-syndromes-in-practice')
  const sepsis = course('sepsis-recognition-first-hour')
  const finance = course('practice-finance-for-doctors')
  const news = course('breaking-bad-news')
  const complete = async (user: number, lessons: number[]) => {
    for (const lesson of lessons) await recordLessonProgress(payload, null, { user, lesson, update: { completed: true } })
  }

  // A cardiologist with Premium finished the ECG course and is halfway through the ACS course.
  const cardiologist = pick(premium, 0)
  await enroll(payload, cardiologist, ecg.id)
  await complete(cardiologist.id, ecg.lessons)
  if (premium.length) await enroll(payload, cardiologist, acs.id)
  else await enroll(payload, STAFF, acs.id, cardiologist.id)
  await complete(cardiologist.id, acs.lessons.slice(0, 2))
  await recordLessonProgress(payload, null, { user: cardiologist.id, lesson: acs.lessons[2], update: { fraction: 0.4 } })

  // Others are part-way through the free courses.
  const learners = [pick(others, 0), pick(others, 1), pick(others, 2), pick(premium, 1)].filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i)
  for (const [i, learner] of learners.entries()) {
    await enroll(payload, learner, ecg.id)
    if (i % 2 === 0) await complete(learner.id, ecg.lessons.slice(0, 2 + i))
    await enroll(payload, learner, sepsis.id)
    await complete(learner.id, sepsis.lessons.slice(0, i === 1 ? sepsis.lessons.length : 1))
    if (i < 2) await enroll(payload, learner, news.id)
  }

  // One doctor was granted the paid course by staff and has started it.
  const buyer = pick(others, 3)
  await payload.create({
    collection: 'course-entitlements',
    data: { user: buyer.id, course: finance.id, source: 'staff', note: 'Demo access granted by staff' } as never,
    overrideAccess: true,
    depth: 0,
  })
  await enroll(payload, buyer, finance.id)
  await complete(buyer.id, finance.lessons.slice(0, 1))
  await recordLessonProgress(payload, null, { user: buyer.id, lesson: finance.lessons[1], update: { fraction: 0.5 } })
}

/**
 * Removes the demo catalogue and everything in it, and the learning records of the given accounts
 * (so that a reseed can delete them), keeping every other course's enrollment count exact.
 */
export async function removeLearningDemo(payload: Payload, userIds: number[] = []) {
  const slugs = sql.param([...DEMO_COURSE_SLUGS, LAB_COURSE_SLUG])
  const users = sql.param(userIds)
  await transaction(payload, async (tx) => {
    const run = (statement: ReturnType<typeof sql>) => tx.execute(statement)
    await run(sql`create temporary table demo_courses on commit drop as select id from courses where slug = any(${slugs}::text[])`)
    await run(sql`create temporary table touched_courses on commit drop as
      select distinct course_id as id from enrollments where user_id = any(${users}::int[]) and course_id not in (select id from demo_courses)`)
    const [certificates] = (await run(sql`select to_regclass('certificates') is not null as present`)).rows as { present: boolean }[]
    if (certificates?.present) {
      await run(sql`delete from certificates where course_id in (select id from demo_courses) or user_id = any(${users}::int[])`)
    }
    // What the lessons' own players keep: quiz attempts and questions, SCORM packages and run-time data,
    // live sessions with their registrations, questions and polls.
    await run(sql`delete from quiz_attempts where course_id in (select id from demo_courses) or user_id = any(${users}::int[])`)
    await run(sql`delete from quizzes where course_id in (select id from demo_courses)`)
    await run(sql`delete from quiz_questions where course_id in (select id from demo_courses)`)
    await run(sql`delete from question_banks where course_id in (select id from demo_courses)`)
    await run(sql`delete from scorm_runtime where course_id in (select id from demo_courses) or user_id = any(${users}::int[])`)
    await run(sql`delete from scorm_packages where course_id in (select id from demo_courses)`)
    await run(sql`create temporary table demo_sessions on commit drop as select id from live_sessions where course_id in (select id from demo_courses)`)
    await run(sql`delete from live_poll_votes where poll_id in (select id from live_polls where session_id in (select id from demo_sessions)) or user_id = any(${users}::int[])`)
    await run(sql`delete from live_polls where session_id in (select id from demo_sessions) or created_by_id = any(${users}::int[])`)
    await run(sql`delete from live_question_votes where question_id in (select id from live_questions where session_id in (select id from demo_sessions)) or user_id = any(${users}::int[])`)
    await run(sql`delete from live_questions where session_id in (select id from demo_sessions) or author_id = any(${users}::int[])`)
    await run(sql`delete from live_registrations where session_id in (select id from demo_sessions) or user_id = any(${users}::int[])`)
    await run(sql`delete from live_sessions where id in (select id from demo_sessions)`)
    await run(sql`delete from lesson_media where id in (select video_file_id from lessons where course_id in (select id from demo_courses) union select document_file_id from lessons where course_id in (select id from demo_courses))`)
    await run(sql`delete from lesson_progress where course_id in (select id from demo_courses) or user_id = any(${users}::int[])`)
    await run(sql`delete from enrollments where course_id in (select id from demo_courses) or user_id = any(${users}::int[])`)
    await run(sql`delete from course_entitlements where course_id in (select id from demo_courses) or user_id = any(${users}::int[])`)
    await run(sql`delete from lessons where course_id in (select id from demo_courses)`)
    await run(sql`delete from course_modules where course_id in (select id from demo_courses)`)
    await run(sql`delete from _courses_v where parent_id in (select id from demo_courses)`)
    await run(sql`delete from courses where id in (select id from demo_courses)`)
    await run(sql`update courses c set enrollment_count = (select count(*) from enrollments e where e.course_id = c.id and e.status <> 'cancelled')
                  where c.id in (select id from touched_courses)`)
  })
}
