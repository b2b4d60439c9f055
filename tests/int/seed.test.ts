import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { checkPassword } from '@/domain/identity/passwordPolicy'
import { createFirstAdmin, credentialsFile, demoAllowed, describeCredentials, removeDemo, seedDemo, seedSpecialties, writeCredentials } from '@/domain/seed'
import { sql } from '@/db/sql'
import { generatePassword } from '@/domain/seed/password'
import { DEMO_COURSES, DEMO_COURSE_SLUGS } from '@/domain/seed/learningContent'
import { LAB_COURSE_SLUG } from '@/domain/seed/learningLab'
import { DEMO_MESSAGES, DEMO_POSTS, DEMO_ROOMS } from '@/domain/seed/socialContent'
import { DEMO_EMAIL_DOMAIN, demoPeople } from '@/domain/seed/people'
import { flattenSpecialties, SPECIALTIES } from '@/domain/seed/specialties'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const allSlugs = flattenSpecialties().map((s) => s.slug)

async function specialtiesBySlug() {
  const { docs } = await payload.find({
    collection: 'specialties',
    where: { slug: { in: allSlugs } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return new Map(docs.map((d) => [d.slug, d]))
}

describe('specialties master data', () => {
  it('has about 25 specialties and 50+ sub-specialties with unique slugs', () => {
    expect(SPECIALTIES.length).toBeGreaterThanOrEqual(25)
    expect(allSlugs.length - SPECIALTIES.length).toBeGreaterThanOrEqual(50)
    expect(new Set(allSlugs).size).toBe(allSlugs.length)
    for (const slug of allSlugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('upserts the hierarchy by slug: children point to their parents, and a second run changes nothing', async () => {
    await seedSpecialties(payload)
    const again = await seedSpecialties(payload)
    expect(again).toMatchObject({ created: 0, updated: 0 })

    const rows = await specialtiesBySlug()
    expect(rows.size).toBe(allSlugs.length)
    for (const entry of flattenSpecialties()) {
      const row = rows.get(entry.slug)!
      expect(row.name).toBe(entry.name)
      expect(row.parent ?? null).toBe(entry.parentSlug ? rows.get(entry.parentSlug)!.id : null)
    }
    expect(rows.get('cardiology')!.parent).toBe(rows.get('internal-medicine')!.id)
    expect(rows.get('neonatology')!.parent).toBe(rows.get('pediatrics')!.id)
    expect((await payload.count({ collection: 'specialties', where: { slug: { in: allSlugs } } })).totalDocs).toBe(allSlugs.length)
  })

  it('puts back a changed name or parent and keeps an edited description', async () => {
    await seedSpecialties(payload)
    const rows = await specialtiesBySlug()
    const nephrology = rows.get('nephrology')!
    await payload.update({
      collection: 'specialties',
      id: nephrology.id,
      data: { name: 'Kidneys', parent: rows.get('surgery')!.id, description: 'Edited by an editor.' },
      overrideAccess: true,
    })
    const result = await seedSpecialties(payload)
    expect(result).toMatchObject({ created: 0, updated: 1 })
    const after = await payload.findByID({ collection: 'specialties', id: nephrology.id, depth: 0, overrideAccess: true })
    expect(after).toMatchObject({ name: 'Nephrology', parent: rows.get('internal-medicine')!.id, description: 'Edited by an editor.' })
  })
})

describe('first administrator from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('creates a confirmed, verified admin once, who can sign in', async () => {
    const email = `Boss-${Date.now()}@Example.test`
    const env = { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'night shift on ward seven' }
    const admin = await createFirstAdmin(payload, env)
    expect(admin).toMatchObject({ email: email.toLowerCase(), roles: ['admin'], verificationStatus: 'verified', _verified: true })
    expect(await createFirstAdmin(payload, env)).toBeNull()
    expect((await payload.count({ collection: 'users', where: { email: { equals: email.toLowerCase() } } })).totalDocs).toBe(1)

    // An administrator's first login goes through two-factor enrollment (the helper completes it).
    const client = new RestClient()
    const login = await client.login(email, env.ADMIN_PASSWORD!)
    expect(login.status).toBe(200)
    expect(login.body.twoFactor).toEqual({ state: 'enroll' })
    expect((await client.get('/users/me')).body.user?.roles).toEqual(['admin'])
  })

  it('does nothing without both variables, and refuses a weak password with a clear message', async () => {
    expect(await createFirstAdmin(payload, { ADMIN_EMAIL: 'nopass@example.test' })).toBeNull()
    await expect(createFirstAdmin(payload, { ADMIN_EMAIL: `weak-${Date.now()}@example.test`, ADMIN_PASSWORD: 'password1234' })).rejects.toThrow(
      /ADMIN_PASSWORD is not accepted: .*too common/,
    )
  })
})

describe('demo data', () => {
  it('only goes into the embedded database or where SEED_DEMO=true asks for it', () => {
    expect(demoAllowed({})).toBe(false)
    expect(demoAllowed({ ROUNDS_EMBEDDED_DB: 'true' })).toBe(true)
    expect(demoAllowed({ SEED_DEMO: 'true' })).toBe(true)
    expect(demoAllowed({ SEED_DEMO: 'false' })).toBe(false)
  })

  it('builds the same realistic cast on every run', () => {
    const people = demoPeople()
    expect(demoPeople()).toEqual(people)
    const doctors = people.filter((p) => p.label === 'doctor')
    expect(doctors).toHaveLength(30)
    expect(people.map((p) => p.label).slice(0, 6)).toEqual(['admin', 'moderator', 'editor', 'instructor', 'expert', 'sponsor'])
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length)
    expect(new Set(doctors.map((d) => d.specialty)).size).toBeGreaterThanOrEqual(20)
    expect(new Set(doctors.map((d) => d.verificationStatus))).toEqual(new Set(['verified', 'pending', 'unverified']))
    expect(new Set(doctors.map((d) => d.tier))).toEqual(new Set(['free', 'premium']))
    for (const d of doctors) {
      expect(d.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true)
      expect(d.title).toMatch(/^[A-Z]/)
      const sentences = d.bio!.split(/(?<=\.)\s+/)
      expect(sentences.length).toBeGreaterThanOrEqual(2)
      expect(sentences.length).toBeLessThanOrEqual(3)
      if (d.verificationStatus !== 'unverified') expect(d.licence?.number).toBeTruthy()
    }
    expect(demoPeople({ adminEmail: 'Owner@Clinic.example' })[0].email).toBe('owner@clinic.example')
  })

  it('generates shared passwords that pass the password policy', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword()
      expect(password.length).toBeGreaterThanOrEqual(16)
      expect(checkPassword(password, { email: 'admin@rounds.local' })).toBeNull()
    }
  })

  it('creates staff and doctors with roles, specialties and avatars; a second run creates nothing; removal cleans up', async () => {
    await seedSpecialties(payload)
    const password = 'demo rounds on a quiet ward'
    const result = await seedDemo(payload, { doctors: 3, password })
    expect(result.password).toBe(password)
    expect(result.accounts.map((a) => a.label)).toEqual(['admin', 'moderator', 'editor', 'instructor', 'expert', 'sponsor', 'doctor', 'doctor', 'doctor'])
    expect(result.accounts.every((a) => a.created)).toBe(true)

    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { in: result.accounts.map((a) => a.email) } },
      depth: 1,
      limit: 20,
      overrideAccess: true,
    })
    const byEmail = new Map(docs.map((u) => [u.email, u]))
    expect(byEmail.get('admin@rounds.local')!.roles).toEqual(['admin'])
    expect(byEmail.get('moderator@rounds.local')!.roles).toEqual(['moderator'])
    expect(byEmail.get('editor@rounds.local')!.roles).toEqual(['editor'])
    expect(byEmail.get('instructor@rounds.local')!.roles).toContain('instructor')
    expect(byEmail.get('expert@rounds.local')!.roles).toContain('expert')
    expect(byEmail.get('sponsor@rounds.local')!.roles).toEqual(['sponsor'])
    for (const user of docs) {
      expect(user._verified).toBe(true)
      const avatar = user.avatar as { id: number; mimeType: string; owner: number | { id: number }; filename: string; sizes?: { thumbnail?: { url?: string | null } } }
      expect(avatar.mimeType).toBe('image/png')
      expect(avatar.filename).toMatch(/^demo-avatar-/)
      expect(typeof avatar.owner === 'object' ? avatar.owner.id : avatar.owner).toBe(user.id)
      expect(avatar.sizes?.thumbnail?.url).toBeTruthy()
    }
    const doctor = byEmail.get(result.accounts[6].email)!
    expect(doctor.roles).toEqual(['member'])
    expect(doctor.title).toBeTruthy()
    expect(doctor.bio).toBeTruthy()
    expect((doctor.specialty as { slug: string }).slug).toBeTruthy()
    expect(doctor.handle).toMatch(/^[a-z0-9-]+$/)

    const login = await new RestClient().post('/users/login', { email: 'instructor@rounds.local', password })
    expect(login.status).toBe(200)

    const again = await seedDemo(payload, { doctors: 3 })
    expect(again.accounts.some((a) => a.created)).toBe(false)

    const removed = await removeDemo(payload)
    expect(removed.users).toBe(9)
    expect(removed.media).toBeGreaterThanOrEqual(9)
    expect((await payload.count({ collection: 'users', where: { email: { like: '@rounds.local' } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'media', where: { filename: { like: 'demo-avatar-' } } })).totalDocs).toBe(0)
  })

  it('seeds a living network among a fresh cast, through the same rules as members; removal takes it away again', async () => {
    await seedSpecialties(payload)
    const result = await seedDemo(payload, { doctors: 10, password: 'demo rounds on a quiet ward' })
    const ids = result.accounts.map((a) => a.id)
    const count = async (statement: ReturnType<typeof sql>) => Number((await payload.db.drizzle.execute(statement)).rows[0].n)
    const slugs = sql.param(DEMO_ROOMS.map((r) => r.slug))
    try {
      expect(await count(sql`select count(*) as n from rooms where slug = any(${slugs}::text[])`)).toBe(DEMO_ROOMS.length)
      expect(await count(sql`select count(*) as n from posts where author_id = any(${sql.param(ids)}::int[]) and _status = 'published'`)).toBe(DEMO_POSTS.length)
      expect(await count(sql`select count(*) as n from comments where author_id = any(${sql.param(ids)}::int[])`)).toBeGreaterThan(10)
      expect(await count(sql`select count(*) as n from follows where follower_id = any(${sql.param(ids)}::int[])`)).toBeGreaterThan(10)
      expect(await count(sql`select count(*) as n from messages where sender_id = any(${sql.param(ids)}::int[])`)).toBe(DEMO_MESSAGES.length)
      // Counters were kept by the same code as members' own likes and comments.
      expect(await count(sql`select count(*) as n from posts p where author_id = any(${sql.param(ids)}::int[])
        and (p.like_count + p.upvotes) <> (select count(*) from reactions r where r.post_id = p.id)`)).toBe(0)
      expect(await count(sql`select count(*) as n from posts p where author_id = any(${sql.param(ids)}::int[])
        and p.comment_count <> (select count(*) from comments c where c.post_id = p.id)`)).toBe(0)
      // Written over the last days, oldest first.
      const [newest] = (await payload.db.drizzle.execute(sql`select created_at from posts where author_id = any(${sql.param(ids)}::int[]) order by created_at desc limit 1`)).rows
      expect(Date.now() - new Date(newest.created_at as string).getTime()).toBeGreaterThan(60 * 60 * 1000)
    } finally {
      const removed = await removeDemo(payload)
      expect(removed.users).toBe(ids.length)
    }
    expect(await count(sql`select count(*) as n from rooms where slug = any(${slugs}::text[])`)).toBe(0)
    expect(await count(sql`select count(*) as n from posts where author_id = any(${sql.param(ids)}::int[])`)).toBe(0)
  })

  it('seeds a course catalogue taught by the demo instructor, with enrollments made by the rules; removal takes it away again', async () => {
    await seedSpecialties(payload)
    const result = await seedDemo(payload, { doctors: 10, password: 'demo rounds on a quiet ward', social: false })
    const ids = result.accounts.map((a) => a.id)
    const instructor = result.accounts.find((a) => a.label === 'instructor')!
    const rows = async <T,>(statement: ReturnType<typeof sql>) => (await payload.db.drizzle.execute(statement)).rows as T[]
    const slugs = sql.param(DEMO_COURSE_SLUGS)
    try {
      const courses = await rows<{ id: number; slug: string; pricing: string; status: string; credit_hours: number; enrollment_count: number; cover_id: number | null }>(
        sql`select id, slug, pricing, _status as status, credit_hours, enrollment_count, cover_id from courses where slug = any(${slugs}::text[])`,
      )
      expect(courses).toHaveLength(DEMO_COURSES.length)
      expect(DEMO_COURSES.length).toBeGreaterThanOrEqual(4)
      expect(courses.every((c) => c.status === 'published' && c.cover_id && Number(c.credit_hours) > 0)).toBe(true)
      expect(courses.map((c) => c.pricing).sort()).toEqual(expect.arrayContaining(['free', 'paid', 'premium']))
      // Taught by the demo instructor; one course asks for another first; one lesson drips.
      // ... and the practice lab, whose lessons are of every kind a player runs.
      expect(await rows(sql`select 1 from courses_rels where path = 'instructors' and users_id = ${instructor.id}`)).toHaveLength(DEMO_COURSES.length + 1)
      const lab = await rows<{ kind: string; quiz: number | null; scos: number | null; session: number | null; video: number | null }>(
        sql`select l.kind, q.id as quiz, p.sco_count as scos, s.id as session, l.video_file_id as video from lessons l join courses c on c.id = l.course_id
            left join quizzes q on q.lesson_id = l.id left join scorm_packages p on p.lesson_id = l.id left join live_sessions s on s.lesson_id = l.id
            where c.slug = ${LAB_COURSE_SLUG} order by l.kind::text`,
      )
      expect(lab.map((l) => l.kind)).toEqual(['live', 'quiz', 'scorm', 'video'])
      expect(lab.every((l) => ({ live: l.session, quiz: l.quiz, scorm: l.scos, video: l.video })[l.kind])).toBe(true)
      expect(await rows(sql`select 1 from courses_rels r join courses c on c.id = r.parent_id where r.path = 'prerequisites' and c.slug = any(${slugs}::text[])`)).toHaveLength(1)
      expect(await rows(sql`select 1 from lessons l join courses c on c.id = l.course_id where c.slug = any(${slugs}::text[]) and l.release_after_days > 0`)).toHaveLength(1)
      // Every module has lessons, every lesson real text of several paragraphs.
      const lessons = await rows<{ body: { root: { children: unknown[] } }; minutes: number }>(
        sql`select l.body, l.estimated_minutes as minutes from lessons l join courses c on c.id = l.course_id where c.slug = any(${slugs}::text[])`,
      )
      expect(lessons.length).toBeGreaterThanOrEqual(DEMO_COURSES.length * 4)
      expect(lessons.every((l) => l.body.root.children.length >= 2 && l.minutes > 0)).toBe(true)
      // Enrollments through the rules: the counters agree, some learners progressed, one completed.
      const enrollments = await rows<{ course_id: number; status: string; progress: number }>(
        sql`select e.course_id, e.status, e.progress from enrollments e join courses c on c.id = e.course_id where c.slug = any(${slugs}::text[])`,
      )
      expect(enrollments.length).toBeGreaterThanOrEqual(5)
      for (const course of courses) expect(Number(course.enrollment_count)).toBe(enrollments.filter((e) => e.course_id === course.id && e.status !== 'cancelled').length)
      expect(enrollments.some((e) => e.status === 'completed')).toBe(true)
      expect(enrollments.some((e) => e.status === 'active' && Number(e.progress) > 0)).toBe(true)
    } finally {
      const removed = await removeDemo(payload)
      expect(removed.users).toBe(ids.length)
    }
    expect(await rows(sql`select 1 from courses where slug = any(${slugs}::text[]) or slug = ${LAB_COURSE_SLUG}`)).toHaveLength(0)
    expect(await rows(sql`select 1 from enrollments where user_id = any(${sql.param(ids)}::int[])`)).toHaveLength(0)
  }, 240_000)

  it('writes the login instructions to a file only its owner can read', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-seed-')), 'demo-credentials.txt')
    const text = describeCredentials({
      url: 'http://localhost:3000',
      password: 'abcde-fghjk-mnpqr-stuvw',
      seconds: 1,
      accounts: [
        { label: 'admin', email: 'owner@clinic.example', name: 'Owner', id: 1, created: true },
        { label: 'moderator', email: 'moderator@rounds.local', name: 'Priya Raman', id: 2, created: true },
        { label: 'doctor', email: 'ada.okafor@rounds.local', name: 'Ada Okafor', id: 3, created: true },
      ],
    }, { envAdminEmail: 'owner@clinic.example' })
    writeCredentials(text, file)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const saved = fs.readFileSync(file, 'utf8')
    expect(saved).toContain('http://localhost:3000/admin')
    expect(saved).toContain('abcde-fghjk-mnpqr-stuvw')
    expect(saved).toMatch(/owner@clinic\.example\s+\(password: ADMIN_PASSWORD\)/)
    expect(saved).toMatch(/doctor\s+ada\.okafor@rounds\.local\s+Ada Okafor/)
    fs.rmSync(path.dirname(file), { recursive: true, force: true })

    // `npm start`'s database keeps the documented file; the others get their own.
    const url = (db: string) => `postgres://postgres:x@127.0.0.1:54329/${db}`
    const embedded = { ROUNDS_EMBEDDED_DB: 'true' }
    expect(credentialsFile({ ...embedded, DATABASE_URL: url('rounds') })).toBe(path.resolve('.data/demo-credentials.txt'))
    expect(credentialsFile({ ...embedded, DATABASE_URL: url('rounds_dev') })).toBe(path.resolve('.data/demo-credentials-rounds_dev.txt'))
    expect(credentialsFile({ DATABASE_URL: url('rounds') })).toBe(path.resolve('.data/demo-credentials-rounds.txt'))
    expect(credentialsFile({ ...embedded, EMBEDDED_POSTGRES_DIR: '/tmp/e2e-pg', DATABASE_URL: url('rounds') })).toBe('/tmp/e2e-pg/demo-credentials.txt')
  })
})
