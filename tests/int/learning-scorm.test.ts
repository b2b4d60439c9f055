/**
 * SCORM packages: import of real packages (SCORM 1.2 and 2004) and refusal of broken ones with nothing
 * stored, unsafe archives, serving the files to the course's learners only, and the run-time data
 * round trip (1.2 and 2004) with session time, completion, lesson progress and course completion.
 */
import fs from 'node:fs'
import path from 'node:path'

import { strToU8, zipSync, type Zippable } from 'fflate'
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { importScormPackage } from '@/domain/learning/scorm/import'
import { servePackageFile } from '@/domain/learning/scorm/serve'
import { mediaRoot } from '@/domain/learning/scorm/storage'
import { formatCmiTimespan, formatIsoDuration, parseCmiTimespan, parseIsoDuration } from '@/domain/learning/scorm/time'
import { ZIP_LIMITS } from '@/domain/learning/scorm/zip'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { countStatements } from '../helpers/social'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/scorm')
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name))

let payload: Payload
let instructor: TestUser
let learner: TestUser
let outsider: TestUser
const anonymous = new RestClient()

beforeAll(async () => {
  payload = await testPayload()
  instructor = await createUser(payload, { roles: ['member', 'instructor'] })
  learner = await createUser(payload, { name: 'Ada Learner' })
  outsider = await createUser(payload)
}, 120_000)

/** A course taught by the instructor with SCORM lessons (and optionally a text lesson), the learner enrolled. */
async function scormCourse(lessons = 1, extra: { kind: string }[] = []) {
  const course = await createCourse(payload, {
    data: { instructors: [instructor.id] },
    modules: [[...Array.from({ length: lessons }, () => ({ kind: 'scorm' })), ...extra]],
  })
  await enrollDirectly(payload, learner.id, course.id)
  return course
}

const packageCount = async () => (await query<{ n: number }>(payload, sql`select count(*)::int as n from scorm_packages`))[0].n
const storedDirs = () => {
  const dir = path.join(mediaRoot(), 'scorm')
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}
const storedFile = (id: number, file: string) => path.join(mediaRoot(), 'scorm', String(id), file)

function upload(client: RestClient, lesson: number, data: Uint8Array | Buffer, filename: string) {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(data)], { type: 'application/zip' }), filename)
  body.append('_payload', JSON.stringify({ lesson }))
  return client.request('POST', '/scorm-packages', body)
}

/** A SCORM 2004 manifest of `scos` SCOs, each launching `sco<i>/index.html`; the second uses xml:base and parameters. */
function manifest2004(scos: number) {
  const items = Array.from({ length: scos }, (_, i) =>
    `<item identifier="sco_${i + 1}" identifierref="res_${i + 1}"${i === 1 ? ' parameters="?page=2"' : ''}><title>Part ${i + 1}</title></item>`,
  ).join('')
  const resources = Array.from({ length: scos }, (_, i) =>
    i === 1
      ? `<resource identifier="res_${i + 1}" type="webcontent" adlcp:scormType="sco" xml:base="sco${i + 1}/" href="index.html"/>`
      : `<resource identifier="res_${i + 1}" type="webcontent" adlcp:scormType="sco" href="sco${i + 1}/index.html"/>`,
  ).join('')
  return `<?xml version="1.0"?>
<manifest identifier="test.multi" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Two parts</title>
    <item identifier="folder"><title>Chapter</title>${items}</item>
  </organization></organizations>
  <resources>${resources}</resources>
</manifest>`
}

function multiScoZip(scos = 2, more: Zippable = {}) {
  const files: Zippable = { 'imsmanifest.xml': strToU8(manifest2004(scos)), ...more }
  for (let i = 1; i <= scos; i++) files[`sco${i}/index.html`] = strToU8(`<html><body>Part ${i}</body></html>`)
  return Buffer.from(zipSync(files))
}

afterEach(() => {
  ZIP_LIMITS.maxZipBytes = 10 * 1024 * 1024
  ZIP_LIMITS.maxTotalBytes = 200 * 1024 * 1024
  ZIP_LIMITS.maxEntries = 2000
})

describe('importing packages', () => {
  it('imports the SCORM 1.2 golf sample with its one SCO and stores its files', async () => {
    const course = await scormCourse()
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('singlescobasic.zip'), filename: 'singlescobasic.zip' })) as any
    expect(pkg.standard).toBe('scorm12')
    expect(pkg.schemaVersion).toBe('1.2')
    expect(pkg.title).toBe('Golf Explained - Run-time Basic Calls')
    expect(pkg.course).toBe(course.id)
    expect(pkg.scos).toEqual([{ identifier: 'item_1', title: 'Golf Explained', launch: 'shared/launchpage.html' }])
    expect(pkg.items[0]).toMatchObject({ identifier: 'item_1', kind: 'sco', launch: 'shared/launchpage.html', children: [] })
    expect(pkg.storage).toBe('local')
    expect(fs.readFileSync(storedFile(pkg.id, 'shared/launchpage.html'), 'utf8')).toContain('ScormProcessInitialize')
    expect(fs.existsSync(storedFile(pkg.id, 'Etiquette/course.jpg'))).toBe(true)
  })

  it('imports the SCORM 2004 3rd edition sample uploaded by the course instructor over REST', async () => {
    const course = await scormCourse()
    const res = await upload(instructor.client, course.lessons[0], fixture('RuntimeBasicCalls_SCORM20043rdEdition.zip'), 'golf2004.zip')
    expect(res.status).toBe(201)
    const pkg = res.body.doc
    expect(pkg.standard).toBe('scorm2004')
    expect(pkg.schemaVersion).toBe('2004 3rd Edition')
    expect(pkg.scoCount).toBe(pkg.scos.length)
    expect(pkg.scos[0]).toMatchObject({ identifier: 'item_1', launch: 'shared/launchpage.html' })
    expect(fs.existsSync(storedFile(pkg.id, 'shared/launchpage.html'))).toBe(true)
  })

  it('builds the item tree with folders, xml:base and launch parameters', async () => {
    const course = await scormCourse()
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip: multiScoZip(2), filename: 'multi.zip' })) as any
    expect(pkg.schemaVersion).toBe('2004 4th Edition')
    expect(pkg.items).toHaveLength(1)
    expect(pkg.items[0]).toMatchObject({ identifier: 'folder', kind: 'folder' })
    expect(pkg.items[0].children.map((c: any) => c.launch)).toEqual(['sco1/index.html', 'sco2/index.html?page=2'])
    expect(pkg.scos.map((s: any) => s.identifier)).toEqual(['sco_1', 'sco_2'])
  })

  it('refuses a zip without a manifest and one whose manifest is in a sub-folder, storing nothing', async () => {
    const course = await scormCourse()
    const before = { count: await packageCount(), dirs: storedDirs() }

    const invalid = await upload(instructor.client, course.lessons[0], fixture('invalid.zip'), 'invalid.zip')
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors[0].message).toMatch(/no imsmanifest\.xml at its root/)

    const bad = await upload(instructor.client, course.lessons[0], fixture('badscorm.zip'), 'badscorm.zip')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/imsmanifest\.xml is inside the folder "badscorm\/"/)

    await expect(importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('badscorm.zip'), filename: 'b.zip' })).rejects.toThrow(/badscorm/)
    expect(await packageCount()).toBe(before.count)
    expect(storedDirs()).toEqual(before.dirs)
  })

  it('refuses unsafe archives: parent paths, absolute paths, symbolic links, too many files, too many bytes, not a zip', async () => {
    const course = await scormCourse()
    const lesson = course.lessons[0]
    const before = { count: await packageCount(), dirs: storedDirs() }
    const html = strToU8('<html></html>')
    const cases: [Buffer, RegExp][] = [
      [multiScoZip(1, { '../escape.html': html }), /unsafe path/],
      [multiScoZip(1, { 'sco1/../../escape.html': html }), /unsafe path/],
      [multiScoZip(1, { '/etc/cron.d/x': html }), /unsafe path/],
      [multiScoZip(1, { 'sco1/link': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }), /symbolic link/],
    ]
    for (const [zip, message] of cases) {
      const res = await upload(instructor.client, lesson, zip, 'unsafe.zip')
      expect(res.status, String(message)).toBe(400)
      expect(res.body.errors[0].message).toMatch(message)
    }

    ZIP_LIMITS.maxZipBytes = 200
    let res = await upload(instructor.client, lesson, multiScoZip(1), 'big.zip')
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/larger than 1 KB/)
    ZIP_LIMITS.maxZipBytes = 10 * 1024 * 1024

    ZIP_LIMITS.maxEntries = 3
    res = await upload(instructor.client, lesson, multiScoZip(3), 'many.zip')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/at most 3/)
    ZIP_LIMITS.maxEntries = 2000

    // A small archive that inflates far beyond the limit (a zip bomb in miniature).
    ZIP_LIMITS.maxTotalBytes = 64 * 1024
    res = await upload(instructor.client, lesson, multiScoZip(1, { 'sco1/zeros.bin': new Uint8Array(1024 * 1024) }), 'bomb.zip')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/unpacks to more than 64 KB/)

    res = await upload(instructor.client, lesson, Buffer.from('<html>not a zip</html>'), 'fake.zip')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)

    expect(await packageCount()).toBe(before.count)
    expect(storedDirs()).toEqual(before.dirs)
  })

  it('takes packages only for SCORM lessons, from the course instructors and staff, one per lesson', async () => {
    const course = await scormCourse(1, [{ kind: 'text' }])
    const [scormLesson, textLesson] = course.lessons
    let res = await upload(instructor.client, textLesson, multiScoZip(1), 'a.zip')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/kind "SCORM"/)

    res = await upload(learner.client, scormLesson, multiScoZip(1), 'a.zip')
    expect(res.status).toBe(403)
    const otherInstructor = await createUser(payload, { roles: ['member', 'instructor'] })
    res = await upload(otherInstructor.client, scormLesson, multiScoZip(1), 'a.zip')
    expect(res.status).toBe(403)
    res = await upload(anonymous, scormLesson, multiScoZip(1), 'a.zip')
    expect(res.status).toBe(403)

    res = await upload(instructor.client, scormLesson, multiScoZip(1), 'a.zip')
    expect(res.status).toBe(201)
    const dirs = storedDirs()
    res = await upload(instructor.client, scormLesson, multiScoZip(1), 'again.zip')
    expect(res.status).toBe(400)
    expect(storedDirs()).toEqual(dirs)
  })
})

describe('serving package files', () => {
  let pkgId: number
  beforeAll(async () => {
    const course = await scormCourse()
    pkgId = ((await importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('singlescobasic.zip'), filename: 's.zip' })) as any).id
  })

  const get = (client: RestClient | null, id: string | number, segments: string[]) => {
    const headers = new Headers()
    if (client?.token) headers.set('Authorization', `JWT ${client.token}`)
    return servePackageFile(payload, new Request(`http://localhost:3000/scorm/${id}/${segments.join('/')}`, { headers }), String(id), segments)
  }

  it('serves files to enrolled learners and the instructor with their content type and safe headers', async () => {
    let res = await get(learner.client, pkgId, ['shared', 'launchpage.html'])
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(await res.text()).toContain('ScormProcessInitialize')

    res = await get(learner.client, pkgId, ['Etiquette', 'course.jpg'])
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    res = await get(instructor.client, pkgId, ['shared', 'scormfunctions.js'])
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('refuses members outside the course, anonymous visitors, traversal and directories', async () => {
    expect((await get(outsider.client, pkgId, ['shared', 'launchpage.html'])).status).toBe(403)
    expect((await get(null, pkgId, ['shared', 'launchpage.html'])).status).toBe(401)
    expect((await get(learner.client, pkgId, ['..', '..', 'package.json'])).status).toBe(400)
    expect((await get(learner.client, pkgId, ['shared', '..', '..', '1', 'imsmanifest.xml'])).status).toBe(400)
    expect((await get(learner.client, pkgId, ['shared'])).status).toBe(404)
    expect((await get(learner.client, pkgId, ['nope.html'])).status).toBe(404)
    expect((await get(learner.client, 999999, ['imsmanifest.xml'])).status).toBe(404)
  })
})

describe('run-time data', () => {
  const session = () => `s${Math.random().toString(36).slice(2, 12)}`
  const put = (client: RestClient, id: number, sco: string, body: unknown) => client.put(`/scorm-packages/${id}/runtime?sco=${encodeURIComponent(sco)}`, body)
  const read = (client: RestClient, id: number, sco: string) => client.get(`/scorm-packages/${id}/runtime?sco=${encodeURIComponent(sco)}`)

  it('keeps SCORM 1.2 data, adds session time once per launch, and completes the lesson and the course', async () => {
    const course = await scormCourse()
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('singlescobasic.zip'), filename: 's.zip' })) as any

    // What the player reads first: the item tree of a package of the learner's course.
    const select = ['title', 'standard', 'items', 'scos'].map((f) => `select[${f}]=true`).join('&')
    const doc = await learner.client.get(`/scorm-packages/${pkg.id}?depth=0&${select}`)
    expect(doc.status).toBe(200)
    expect(doc.body).toMatchObject({ standard: 'scorm12', scos: [{ identifier: 'item_1', launch: 'shared/launchpage.html' }] })
    expect(doc.body.items).toHaveLength(1)
    expect((await outsider.client.get(`/scorm-packages/${pkg.id}`)).status).toBe(403)

    let state = await read(learner.client, pkg.id, 'item_1')
    expect(state.status).toBe(200)
    expect(state.body).toMatchObject({ standard: 'scorm12', tracked: true, completed: false, totalSeconds: 0 })
    expect(state.body.cmi.core).toMatchObject({ student_id: String(learner.id), student_name: 'Ada Learner', entry: 'ab-initio', total_time: '0000:00:00.00' })

    const first = session()
    let res = await put(learner.client, pkg.id, 'item_1', {
      session: first,
      cmi: { core: { lesson_status: 'incomplete', lesson_location: '3', session_time: '00:01:30', exit: 'suspend' }, suspend_data: 'page=3' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ completed: false, totalSeconds: 90, lesson: { status: 'started', fraction: 0 } })
    // A later commit of the same launch reports that launch's whole time so far: it replaces, not adds.
    res = await put(learner.client, pkg.id, 'item_1', { session: first, terminate: true, cmi: { core: { session_time: '0000:02:00.00', exit: 'suspend' } } })
    expect(res.body.totalSeconds).toBe(120)

    state = await read(learner.client, pkg.id, 'item_1')
    expect(state.body.cmi).toMatchObject({
      core: { lesson_status: 'incomplete', lesson_location: '3', entry: 'resume', total_time: '0000:02:00.00' },
      suspend_data: 'page=3',
    })

    res = await put(learner.client, pkg.id, 'item_1', {
      session: session(),
      terminate: true,
      cmi: { core: { lesson_status: 'passed', session_time: '0000:00:30.50', exit: '', score: { raw: '85', min: '0', max: '100' } } },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ completed: true, totalSeconds: 150.5, lesson: { status: 'completed', fraction: 1, score: 85 }, course: { completed: true } })
    state = await read(learner.client, pkg.id, 'item_1')
    expect(state.body.cmi.core).toMatchObject({ lesson_status: 'passed', entry: '', total_time: '0000:02:30.50', score: { raw: '85', min: '0', max: '100' } })

    const [enrollment] = await query<{ status: string; progress: string }>(
      payload,
      sql`select status, progress from enrollments where user_id = ${learner.id} and course_id = ${course.id}`,
    )
    expect(enrollment).toMatchObject({ status: 'completed' })
    expect(Number(enrollment.progress)).toBe(100)
    const rows = await query(payload, sql`select 1 from scorm_runtime where user_id = ${learner.id} and package_id = ${pkg.id}`)
    expect(rows).toHaveLength(1)
  })

  it('keeps SCORM 2004 data per SCO; a failed SCO is not done; every SCO done completes the lesson with the average score', async () => {
    const course = await scormCourse(1, [{ kind: 'text' }])
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip: multiScoZip(2), filename: 'm.zip' })) as any

    let res = await put(learner.client, pkg.id, 'sco_1', {
      session: session(),
      cmi: { completion_status: 'incomplete', location: 'slide-4', session_time: 'PT1M30S', suspend_data: 'x'.repeat(5000), exit: 'suspend' },
    })
    expect(res.status).toBe(200)
    let state = await read(learner.client, pkg.id, 'sco_1')
    expect(state.body.cmi).toMatchObject({ completion_status: 'incomplete', location: 'slide-4', entry: 'resume', total_time: 'PT1M30S', learner_name: 'Ada Learner' })
    expect(state.body.cmi.suspend_data).toHaveLength(5000)
    state = await read(learner.client, pkg.id, 'sco_2')
    expect(state.body.cmi).toMatchObject({ entry: 'ab-initio', total_time: 'PT0S' })

    res = await put(learner.client, pkg.id, 'sco_1', { session: session(), cmi: { completion_status: 'completed', success_status: 'failed', score: { scaled: '0.4' }, session_time: 'PT1H' } })
    expect(res.body).toMatchObject({ completed: false, totalSeconds: 3690, lesson: { fraction: 0 } })

    // Both SCOs committed at the same instant: each sees the other's result, so the lesson completes.
    const [a, b] = await Promise.all([
      put(learner.client, pkg.id, 'sco_1', { session: session(), cmi: { completion_status: 'completed', success_status: 'passed', score: { scaled: 0.9 } } }),
      put(learner.client, pkg.id, 'sco_2', { session: session(), cmi: { completion_status: 'completed', success_status: 'unknown', score: { raw: 70, min: 0, max: 100 } } }),
    ])
    expect(a.status).toBe(200)
    expect(b.status).toBe(200)
    const [progress] = await query<{ status: string; fraction: string; score: string }>(
      payload,
      sql`select status, fraction, score from lesson_progress where user_id = ${learner.id} and lesson_id = ${course.lessons[0]}`,
    )
    expect(progress.status).toBe('completed')
    expect(Number(progress.score)).toBe(80)
    // The text lesson is still to do: the course is not complete yet.
    const [enrollment] = await query<{ status: string }>(payload, sql`select status from enrollments where user_id = ${learner.id} and course_id = ${course.id}`)
    expect(enrollment.status).toBe('active')
  })

  it('accepts the whole cmi scorm-again renders when a learner finishes the golf SCOs (1.2 and 2004)', async () => {
    // Captured from the golf samples run in Chromium against scorm-again: Next to the last page, then Exit.
    const finished12 = {
      suspend_data: '', launch_data: '', comments: '', comments_from_lms: '',
      core: { student_id: String(learner.id), student_name: 'Ada Learner', lesson_location: '15', credit: '', lesson_status: 'completed', entry: 'ab-initio', lesson_mode: 'normal', exit: '', session_time: '00:00:04', score: { raw: '', min: '', max: '100' } },
      objectives: {}, student_data: { mastery_score: '', max_time_allowed: '', time_limit_action: '' }, student_preference: { audio: '', language: '', speed: '', text: '' }, interactions: {},
    }
    const finished2004 = {
      comments_from_learner: {}, comments_from_lms: {}, completion_status: 'completed', completion_threshold: '', credit: 'credit', entry: 'ab-initio', exit: '', interactions: {}, launch_data: '',
      learner_id: String(learner.id), learner_name: 'Ada Learner', learner_preference: { audio_level: '1', language: '', delivery_speed: '1', audio_captioning: '0' }, location: '14', max_time_allowed: '', mode: 'normal',
      objectives: {}, progress_measure: '', scaled_passing_score: '', score: { scaled: '', raw: '', min: '', max: '' }, session_time: 'PT4.1S', success_status: 'unknown', suspend_data: '', time_limit_action: 'continue,no message', total_time: 'PT0S',
    }
    const course = await scormCourse(2)
    const p12 = (await importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('singlescobasic.zip'), filename: 's.zip' })) as any
    const p2004 = (await importScormPackage(payload, { lesson: course.lessons[1], zip: fixture('RuntimeBasicCalls_SCORM20043rdEdition.zip'), filename: 'g.zip' })) as any
    let res = await put(learner.client, p12.id, 'item_1', { session: session(), terminate: true, cmi: finished12 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ completed: true, totalSeconds: 4, lesson: { status: 'completed' }, course: { completed: false } })
    res = await put(learner.client, p2004.id, 'item_1', { session: session(), terminate: true, cmi: finished2004 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ completed: true, totalSeconds: 4.1, lesson: { status: 'completed' }, course: { completed: true, progress: 100 } })
    const state = await read(learner.client, p12.id, 'item_1')
    expect(state.body.cmi.core).toMatchObject({ lesson_status: 'completed', lesson_location: '15', total_time: '0000:00:04.00', entry: '' })
  })

  it('reads a SCO\'s stored state in at most 4 SQL statements besides signing in', async () => {
    const course = await scormCourse()
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('singlescobasic.zip'), filename: 's.zip' })) as any
    await put(learner.client, pkg.id, 'item_1', { session: session(), cmi: { core: { lesson_status: 'incomplete' } } })
    const auth = await countStatements(() => learner.client.get('/users/me'))
    const { result, count, texts } = await countStatements(() => read(learner.client, pkg.id, 'item_1'))
    expect(result.status).toBe(200)
    expect(count - auth.count, texts.join('\n')).toBeLessThanOrEqual(4)
  })

  it('refuses bad bodies, unknown SCOs and members outside the course', async () => {
    const course = await scormCourse()
    const p12 = (await importScormPackage(payload, { lesson: course.lessons[0], zip: fixture('singlescobasic.zip'), filename: 's.zip' })) as any
    const course2 = await scormCourse()
    const p2004 = (await importScormPackage(payload, { lesson: course2.lessons[0], zip: multiScoZip(1), filename: 'm.zip' })) as any
    const s = session()
    const bad: [number, string, unknown, RegExp][] = [
      [p12.id, 'item_1', { cmi: {} }, /session/],
      [p12.id, 'item_1', { session: s, cmi: { core: { lesson_status: 'done' } } }, /lesson_status/],
      [p12.id, 'item_1', { session: s, cmi: { suspend_data: 'x'.repeat(4097) } }, /4096/],
      [p12.id, 'item_1', { session: s, cmi: { core: { session_time: 'PT1M' } } }, /HHHH:MM:SS/],
      [p12.id, 'item_1', { session: s, cmi: { core: { score: { raw: 'lots' } } } }, /number/],
      [p2004.id, 'sco_1', { session: s, cmi: { session_time: '00:01:00' } }, /ISO 8601/],
      [p2004.id, 'sco_1', { session: s, cmi: { suspend_data: 'x'.repeat(64001) } }, /64000/],
      [p2004.id, 'sco_1', { session: s, cmi: { score: { scaled: 2 } } }, /between -1 and 1/],
      [p2004.id, 'sco_1', { session: s, cmi: 'completed' }, /cmi/],
      [p2004.id, 'nope', { session: s, cmi: {} }, /no SCO "nope"/],
    ]
    for (const [id, sco, body, message] of bad) {
      const res = await put(learner.client, id, sco, body)
      expect(res.status, String(message)).toBe(400)
      expect(res.body.errors[0].message).toMatch(message)
    }
    expect((await learner.client.put(`/scorm-packages/${p12.id}/runtime`, { session: s, cmi: {} })).status).toBe(400)
    expect((await put(outsider.client, p12.id, 'item_1', { session: s, cmi: {} })).status).toBe(404)
    expect((await read(outsider.client, p12.id, 'item_1')).status).toBe(404)
    expect((await put(anonymous, p12.id, 'item_1', { session: s, cmi: {} })).status).toBe(401)
    const rows = await query(payload, sql`select 1 from scorm_runtime where package_id in (${p12.id}, ${p2004.id})`)
    expect(rows).toHaveLength(0)

    // The instructor previews: the state reads, but nothing is kept for them.
    const preview = await read(instructor.client, p12.id, 'item_1')
    expect(preview.body.tracked).toBe(false)
    expect((await put(instructor.client, p12.id, 'item_1', { session: s, cmi: {} })).status).toBe(403)
  })

  it('removes the files and the run-time data with the package', async () => {
    const course = await scormCourse()
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip: multiScoZip(1), filename: 'm.zip' })) as any
    await put(learner.client, pkg.id, 'sco_1', { session: session(), cmi: { completion_status: 'incomplete' } })
    const res = await instructor.client.delete(`/scorm-packages/${pkg.id}`)
    expect(res.status).toBe(200)
    expect(fs.existsSync(storedFile(pkg.id, 'sco1/index.html'))).toBe(false)
    expect(await query(payload, sql`select 1 from scorm_runtime where package_id = ${pkg.id}`)).toHaveLength(0)
  })
})

describe('SCORM time spans', () => {
  it('reads and writes SCORM 1.2 time spans and ISO 8601 durations', () => {
    expect(parseCmiTimespan('0001:02:03.4')).toBeCloseTo(3723.4)
    expect(parseCmiTimespan('00:00:05')).toBe(5)
    expect(parseCmiTimespan('1:2:3')).toBeNull()
    expect(formatCmiTimespan(3723.4)).toBe('0001:02:03.40')
    expect(parseIsoDuration('P1DT2H3M4.5S')).toBe(93784.5)
    expect(parseIsoDuration('PT0S')).toBe(0)
    expect(parseIsoDuration('P')).toBeNull()
    expect(parseIsoDuration('PT')).toBeNull()
    expect(formatIsoDuration(3723.4)).toBe('PT1H2M3.4S')
    expect(formatIsoDuration(0)).toBe('PT0S')
  })
})
