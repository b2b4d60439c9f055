/**
 * The lesson player's server side: private lesson media behind short-lived signed URLs (with ranges for
 * video seeking), video heartbeats that count only really watched time, pages viewed of a document and
 * text lessons read, all only for learners who may open the lesson.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { LESSON_MEDIA_DIR } from '../../collections/learning/LessonMedia'
import { createLessonMediaFromFile, signLessonMedia, SIGNED_URL_SECONDS } from '@/domain/learning/lessonMedia'
import { courseOutline, resumeLesson } from '@/domain/learning/outline'
import { createCourse, enrollDirectly, type TestCourse } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

const VIDEO = path.resolve('tests/fixtures/lesson-video.webm')
const PDF = path.resolve('tests/fixtures/lesson-document.pdf')

let payload: Payload
let video: { id: number; filename: string }
let pdf: { id: number; filename: string }
let course: TestCourse
let learner: TestUser
let stranger: TestUser
let instructor: TestUser
let moderator: TestUser
// Lessons in syllabus order.
let L: { video: number; longVideo: number; document: number; text: number; later: number; preview: number }

/** The path of a signed URL as the REST client takes it (without /api). */
const rest = (url: string) => url.replace(/^\/api/, '')

const progressRow = async (user: number, lesson: number) =>
  (
    await query<{ status: string; fraction: string; position: string | null; detail: Record<string, unknown> | null }>(
      payload,
      sql`select status, fraction, position, detail from lesson_progress where user_id = ${user} and lesson_id = ${lesson}`,
    )
  )[0]

beforeAll(async () => {
  payload = await testPayload()
  video = await createLessonMediaFromFile(payload, VIDEO, 'video/webm')
  pdf = await createLessonMediaFromFile(payload, PDF, 'application/pdf')
  ;[learner, stranger, instructor, moderator] = await Promise.all([
    createUser(payload),
    createUser(payload),
    createUser(payload, { roles: ['instructor'] }),
    createUser(payload, { roles: ['moderator'] }),
  ])
  course = await createCourse(payload, {
    data: { instructors: [instructor.id] },
    modules: [
      [
        { kind: 'video', video: { file: video.id, durationSeconds: 12 } },
        { kind: 'video', video: { file: video.id, durationSeconds: 100 } },
        { kind: 'document', document: { file: pdf.id, pageCount: 3 } },
        { kind: 'text' },
      ],
      [{ kind: 'video', video: { file: video.id, durationSeconds: 12 }, release: { afterDays: 7 } }, { kind: 'video', preview: true, video: { file: video.id, durationSeconds: 12 } }],
    ],
  })
  const [v, lv, d, t, later, preview] = course.lessons
  L = { video: v, longVideo: lv, document: d, text: t, later, preview }
  await enrollDirectly(payload, learner.id, course.id, { enrolledAt: new Date().toISOString() })
}, 120_000)

describe('lesson media', () => {
  it('stores only MP4, WebM and PDF, judged by the bytes', async () => {
    expect((await payload.findByID({ collection: 'lesson-media', id: video.id, overrideAccess: true })).mimeType).toBe('video/webm')
    const fake = path.join(path.dirname(VIDEO), '..', '..', 'package.json')
    await expect(createLessonMediaFromFile(payload, fake, 'video/mp4')).rejects.toThrow(/MP4 or WebM video or a PDF/)
  })

  it('gives a signed URL only to those who may open the lesson', async () => {
    const ok = await learner.client.get(`/lessons/${L.video}/media`)
    expect(ok.status).toBe(200)
    expect(ok.body.url).toMatch(/^\/api\/lesson-media\/file\/.+\?m=\d+&u=\d+&e=\d+&s=[0-9a-f]{64}$/)
    expect(ok.body.mimeType).toBe('video/webm')
    expect(new Date(ok.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(SIGNED_URL_SECONDS * 1000)

    expect((await stranger.client.get(`/lessons/${L.video}/media`)).status).toBe(403)
    expect((await new RestClient().get(`/lessons/${L.video}/media`)).status).toBe(401)
    // Drip: enrolled, but the lesson opens a week after enrolling.
    const later = await learner.client.get(`/lessons/${L.later}/media`)
    expect(later.status).toBe(403)
    expect(later.body.errors[0].message).toMatch(/opens on/)
    // Instructors of the course and staff always; a preview for everyone, visitors included.
    expect((await instructor.client.get(`/lessons/${L.later}/media`)).status).toBe(200)
    expect((await moderator.client.get(`/lessons/${L.later}/media`)).status).toBe(200)
    expect((await new RestClient().get(`/lessons/${L.preview}/media`)).status).toBe(200)
    expect((await learner.client.get(`/lessons/${L.text}/media`)).status).toBe(404)
  })

  it('serves the file for a valid signature, with ranges for seeking and private caching', async () => {
    const { body } = await learner.client.get(`/lessons/${L.video}/media`)
    const bytes = fs.readFileSync(VIDEO)

    const full = await learner.client.raw('GET', rest(body.url))
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('video/webm')
    expect(full.headers.get('cache-control')).toMatch(/^private/)
    expect(full.headers.get('accept-ranges')).toBe('bytes')
    expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true)

    const part = await learner.client.raw('GET', rest(body.url), undefined, { headers: { Range: 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`)
    expect(part.headers.get('cache-control')).toMatch(/^private/)
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true)

    const tail = await learner.client.raw('GET', rest(body.url), undefined, { headers: { Range: `bytes=${bytes.length - 10}-` } })
    expect(tail.status).toBe(206)
    expect((await tail.arrayBuffer()).byteLength).toBe(10)

    const anon = await new RestClient().get(`/lessons/${L.preview}/media`)
    expect((await new RestClient().raw('GET', rest(anon.body.url))).status).toBe(200)
  })

  it('refuses expired, forged and other people’s signatures', async () => {
    const { body } = await learner.client.get(`/lessons/${L.video}/media`)
    // Someone else with the learner's link, or nobody signed in.
    expect((await stranger.client.raw('GET', rest(body.url))).status).toBe(403)
    expect((await new RestClient().raw('GET', rest(body.url))).status).toBe(403)
    // A changed signature, media id or expiry.
    const url = new URL(body.url, 'http://x')
    const forged = (k: string, v: string) => {
      const u = new URL(url)
      u.searchParams.set(k, v)
      return `${u.pathname}${u.search}`
    }
    expect((await learner.client.raw('GET', rest(forged('s', '0'.repeat(64))))).status).toBe(403)
    expect((await learner.client.raw('GET', rest(forged('e', String(Number(url.searchParams.get('e')) + 3600))))).status).toBe(403)
    expect((await learner.client.raw('GET', rest(forged('u', String(stranger.id))))).status).toBe(403)
    // The signature of one file does not open another.
    const other = `/lesson-media/file/${encodeURIComponent(pdf.filename)}${url.search}`
    expect((await learner.client.raw('GET', other)).status).toBe(403)
    // A genuine signature that expired.
    const old = signLessonMedia(video, learner.id, Date.now() - (SIGNED_URL_SECONDS + 1) * 1000)!
    expect((await learner.client.raw('GET', rest(old.url))).status).toBe(403)
    const fresh = signLessonMedia(video, learner.id)!
    expect((await learner.client.raw('GET', rest(fresh.url))).status).toBe(200)
    // The files are kept outside the public media folder, so the media file route cannot reach them.
    const mediaDir = path.resolve(process.env.MEDIA_DIR || 'media')
    expect(LESSON_MEDIA_DIR.startsWith(mediaDir + path.sep)).toBe(false)
    for (const p of [`lessons/${video.filename}`, `../${path.basename(LESSON_MEDIA_DIR)}/${video.filename}`]) {
      expect((await new RestClient().raw('GET', `/media/file/${encodeURIComponent(p)}`)).status).not.toBe(200)
    }
    // Without a signature: no file, no document, no list for learners.
    expect((await learner.client.raw('GET', `/lesson-media/file/${encodeURIComponent(video.filename)}`)).status).toBe(403)
    expect((await learner.client.get(`/lesson-media/${video.id}`)).status).toBe(403)
    expect((await learner.client.get(`/lesson-media`)).status).toBe(403)
  })
})

describe('video heartbeats', () => {
  it('counts only time that the wall clock allows and completes at 90%', async () => {
    const url = `/lessons/${L.longVideo}/heartbeat`
    let r = await learner.client.post(url, { intervals: [[0, 10]], position: 10 })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'started', fraction: 0.1, position: 10, watchedSeconds: 10, duration: 100 })

    // A moment later the client claims the rest of the video: only a few seconds count.
    r = await learner.client.post(url, { intervals: [[10, 100]], position: 100 })
    expect(r.status).toBe(200)
    expect(r.body.watchedSeconds).toBeLessThan(20)
    expect(r.body.status).toBe('started')

    // Repeating what was already counted adds nothing.
    const before = r.body.watchedSeconds
    r = await learner.client.post(url, { intervals: [[0, 10], [0, 10], [2, 5]], position: 5 })
    expect(r.body.watchedSeconds).toBe(before)

    // Out of range and negative parts are ignored, not refused.
    r = await learner.client.post(url, { intervals: [[-50, -1], [500, 900]], position: 5 })
    expect(r.status).toBe(200)
    expect(r.body.watchedSeconds).toBe(before)

    // A minute of real time later the same claim fits the budget.
    await query(
      payload,
      sql`update lesson_progress set detail = jsonb_set(detail, '{lastBeatAt}', to_jsonb(${Date.now() - 60_000}::bigint))
          where user_id = ${learner.id} and lesson_id = ${L.longVideo}`,
    )
    r = await learner.client.post(url, { intervals: [[10, 95]], position: 95 })
    expect(r.body).toMatchObject({ status: 'completed', fraction: 1, position: 95 })
    expect(r.body.watchedSeconds).toBe(95)
    expect(r.body.courseProgress).toBeGreaterThan(0)

    const row = await progressRow(learner.id, L.longVideo)
    expect(row.status).toBe('completed')
    expect(Number(row.position)).toBe(95)
    expect(row.detail?.watched).toEqual([[0, 95]])
    const enrollment = await query<{ last_lesson_id: number }>(payload, sql`select last_lesson_id from enrollments where user_id = ${learner.id} and course_id = ${course.id}`)
    expect(Number(enrollment[0].last_lesson_id)).toBe(L.longVideo)
  })

  it('keeps the resume position and refuses malformed input with 400', async () => {
    const url = `/lessons/${L.video}/heartbeat`
    expect((await learner.client.post(url, { intervals: [[0, 4]], position: 4 })).status).toBe(200)
    expect(Number((await progressRow(learner.id, L.video)).position)).toBe(4)
    expect((await learner.client.post(url, { intervals: 'all of it' })).status).toBe(400)
    expect((await learner.client.post(url, { intervals: [[0, 'x']] })).status).toBe(400)
    expect((await learner.client.post(url, { intervals: Array.from({ length: 501 }, (_, i) => [i, i + 1]) })).status).toBe(400)
    expect((await learner.client.post(url, { intervals: [], position: -3 })).status).toBe(400)
    // Not a video lesson.
    expect((await learner.client.post(`/lessons/${L.text}/heartbeat`, { intervals: [[0, 1]] })).status).toBe(400)
  })

  it('is only for learners who may open the lesson', async () => {
    expect((await stranger.client.post(`/lessons/${L.video}/heartbeat`, { intervals: [[0, 1]] })).status).toBe(403)
    expect((await learner.client.post(`/lessons/${L.later}/heartbeat`, { intervals: [[0, 1]] })).status).toBe(403)
    expect((await new RestClient().post(`/lessons/${L.video}/heartbeat`, { intervals: [[0, 1]] })).status).toBe(401)
    expect((await learner.client.post(`/lessons/999999999/heartbeat`, { intervals: [[0, 1]] })).status).toBe(404)
    expect(await progressRow(stranger.id, L.video)).toBeUndefined()
  })

  it('is rate limited per learner', async () => {
    const member = await createUser(payload)
    await enrollDirectly(payload, member.id, course.id)
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await member.client.post(`/lessons/${L.video}/heartbeat`, { intervals: [], position: 1 })).status)
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('documents and text', () => {
  it('records pages viewed and completes the document when every page was seen', async () => {
    const url = `/lessons/${L.document}/pages-viewed`
    let r = await learner.client.post(url, { pages: [1] })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'started', pages: [1], pageCount: 3, position: 1 })
    expect(r.body.fraction).toBeCloseTo(1 / 3)
    expect((await learner.client.post(url, { pages: [4] })).status).toBe(400)
    expect((await learner.client.post(url, { pages: [0] })).status).toBe(400)
    expect((await learner.client.post(url, { pages: [] })).status).toBe(400)
    r = await learner.client.post(url, { pages: [1, 2] })
    expect(r.body.status).toBe('started')
    r = await learner.client.post(url, { pages: [3] })
    expect(r.body).toMatchObject({ status: 'completed', fraction: 1, pages: [1, 2, 3], position: 3 })
    expect((await stranger.client.post(url, { pages: [1] })).status).toBe(403)
  })

  it('marks a text lesson read, and only a text lesson', async () => {
    const r = await learner.client.post(`/lessons/${L.text}/read`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'completed', fraction: 1 })
    expect((await learner.client.post(`/lessons/${L.video}/read`)).status).toBe(400)
    expect((await stranger.client.post(`/lessons/${L.text}/read`)).status).toBe(403)
  })
})

describe('the player outline', () => {
  it('lists modules and lessons in order with the learner’s ticks, drip dates and where to continue', async () => {
    const outline = (await courseOutline(payload, course.id, learner.id))!
    expect(outline.modules.map((m) => m.lessons.map((l) => l.id))).toEqual([[L.video, L.longVideo, L.document, L.text], [L.later, L.preview]])
    const byId = new Map(outline.lessons.map((l) => [l.id, l]))
    expect(byId.get(L.longVideo)?.status).toBe('completed')
    expect(byId.get(L.video)).toMatchObject({ status: 'started', position: 4 })
    expect(byId.get(L.later)?.opensAt).not.toBeNull()
    expect(byId.get(L.preview)?.opensAt).toBeNull()
    expect(outline.enrollment?.lastLesson).toBe(L.text)
    expect(outline.enrollment!.progress).toBeGreaterThan(0)
    // The text lesson was the last one and is done: continue with the next open lesson not done.
    expect(resumeLesson(outline)).toBe(L.preview)
    // A visitor sees the syllabus without progress.
    const visitor = (await courseOutline(payload, course.id, null))!
    expect(visitor.enrollment).toBeNull()
    expect(visitor.lessons.every((l) => l.status === null)).toBe(true)
  })
})
