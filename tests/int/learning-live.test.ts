/**
 * Live sessions: seats under concurrency, the join link's window, reminders sent once, live Q&A and
 * polls with exact counts, the session's event stream, and attendance completing the live lesson.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { query, sql } from '@/db/sql'
import { sendLiveReminders } from '@/domain/learning/live/reminders'
import { createDemoLiveSession } from '@/domain/learning/live/demo'
import { liveSessionForLesson, liveSessionState } from '@/domain/learning/live/state'
import type { RealtimeEvent } from '@/realtime/hub'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements } from '../helpers/social'
import { createUser, emailsTo, type TestUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
}, 60_000)
// Tests that sign in a score of members take longer than the default on a busy machine.
vi.setConfig({ testTimeout: 180_000 })

const MIN = 60_000
const HOUR = 60 * MIN

async function createSession(opts: { startsIn?: number; minutes?: number; capacity?: number; hosts?: number[]; course?: number; lesson?: number; state?: string } = {}) {
  const start = new Date(Date.now() + (opts.startsIn ?? 2 * HOUR))
  const doc = await payload.create({
    collection: 'live-sessions',
    data: {
      title: `Webinar ${Math.random().toString(36).slice(2, 8)}`,
      description: 'Case discussion.',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + (opts.minutes ?? 60) * MIN).toISOString(),
      timezone: 'Europe/Paris',
      joinUrl: 'https://meet.example.com/rounds-test',
      capacity: opts.capacity,
      hosts: opts.hosts ?? [],
      course: opts.course,
      lesson: opts.lesson,
      state: opts.state ?? 'scheduled',
    } as never,
    overrideAccess: true,
  })
  return doc.id as number
}

async function members(n: number): Promise<TestUser[]> {
  const users: TestUser[] = []
  for (let i = 0; i < n; i++) users.push(await createUser(payload))
  return users
}

async function registered(session: number, n: number): Promise<TestUser[]> {
  const users = await members(n)
  for (const u of users) expect((await u.client.post(`/live-sessions/${session}/registration`)).status).toBe(201)
  return users
}

const count = async (statement: ReturnType<typeof sql>) => Number((await query<{ n: number }>(payload, statement))[0].n)

/** Reads Server-Sent Events from a streaming Response. */
function sse(res: Response) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const events: RealtimeEvent[] = []
  let buffer = ''
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let cut: number
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const data = raw.split('\n').find((l) => l.startsWith('data: '))
        if (data) events.push(JSON.parse(data.slice(6)) as RealtimeEvent)
      }
    }
  })()
  return {
    events,
    async next(match: (e: RealtimeEvent) => boolean, timeout = 5000) {
      const deadline = Date.now() + timeout
      for (;;) {
        const found = events.find(match)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events.map((e) => e.type))}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    async close() {
      await reader.cancel().catch(() => {})
      await pump
    },
  }
}

describe('registration', () => {
  it('twenty parallel registrations for five seats take exactly five; a cancel frees one', async () => {
    const session = await createSession({ capacity: 5 })
    const users = await members(20)
    const results = await Promise.all(users.map((u) => u.client.post(`/live-sessions/${session}/registration`)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(5)
    expect(results.filter((r) => r.status === 409)).toHaveLength(15)
    expect(await count(sql`select count(*)::int as n from live_registrations where session_id = ${session}`)).toBe(5)
    const stored = await payload.findByID({ collection: 'live-sessions', id: session, overrideAccess: true })
    expect(stored.registeredCount).toBe(5)

    const lucky = users[results.findIndex((r) => r.status === 201)]
    const unlucky = users[results.findIndex((r) => r.status === 409)]
    expect((await lucky.client.post(`/live-sessions/${session}/registration`)).status).toBe(200)
    const cancelled = await lucky.client.delete(`/live-sessions/${session}/registration`)
    expect(cancelled.body).toMatchObject({ cancelled: true, registered: 4, seatsLeft: 1 })
    expect((await unlucky.client.post(`/live-sessions/${session}/registration`)).status).toBe(201)
    expect((await lucky.client.post(`/live-sessions/${session}/registration`)).status).toBe(409)
  })

  it('a session of a course needs an enrollment in it; cancelled sessions take nobody', async () => {
    const course = await createCourse(payload)
    const session = await createSession({ course: course.id })
    const [member] = await members(1)
    const refused = await member.client.post(`/live-sessions/${session}/registration`)
    expect(refused.status).toBe(403)
    await enrollDirectly(payload, member.id, course.id)
    expect((await member.client.post(`/live-sessions/${session}/registration`)).status).toBe(201)

    const cancelled = await createSession({ state: 'cancelled' })
    expect((await member.client.post(`/live-sessions/${cancelled}/registration`)).status).toBe(409)
    expect((await member.client.post(`/live-sessions/999999999/registration`)).status).toBe(404)
    expect((await new RestClient().post(`/live-sessions/${session}/registration`)).status).toBe(401)
  })
})

describe('the join link', () => {
  it('is never in the session document for members; registered members get it from 15 minutes before the start until the end', async () => {
    const host = await createUser(payload, { roles: ['instructor'] })
    const later = await createSession({ startsIn: HOUR, hosts: [host.id] })
    const [member] = await registered(later, 1)
    const [outsider] = await members(1)

    const doc = await member.client.get(`/live-sessions/${later}`)
    expect(doc.status).toBe(200)
    expect(doc.body.title).toBeTruthy()
    expect(doc.body.joinUrl).toBeUndefined()
    expect((await host.client.get(`/live-sessions/${later}`)).body.joinUrl).toBe('https://meet.example.com/rounds-test')
    const early = await member.client.post(`/live-sessions/${later}/join`)
    expect(early.status).toBe(403)
    expect(JSON.stringify(early.body)).not.toContain('meet.example.com')

    const soon = await createSession({ startsIn: 10 * MIN })
    const [attendee] = await registered(soon, 1)
    const joined = await attendee.client.post(`/live-sessions/${soon}/join`)
    expect(joined.status).toBe(200)
    expect(joined.body.joinUrl).toBe('https://meet.example.com/rounds-test')
    const refused = await outsider.client.post(`/live-sessions/${soon}/join`)
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).not.toContain('meet.example.com')

    const over = await createSession({ startsIn: -2 * HOUR, minutes: 60 })
    await query(payload, sql`insert into live_registrations (session_id, user_id, updated_at, created_at) values (${over}, ${attendee.id}, now(), now())`)
    expect((await attendee.client.post(`/live-sessions/${over}/join`)).status).toBe(409)
  })

  it('must be an https address', async () => {
    const host = await createUser(payload, { roles: ['instructor'] })
    const start = new Date(Date.now() + HOUR)
    const data = { title: 'Insecure', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() }
    const bad = await host.client.post('/live-sessions', { ...data, joinUrl: 'http://meet.example.com/x' })
    expect(bad.status).toBe(400)
    const backwards = await host.client.post('/live-sessions', { ...data, joinUrl: 'https://meet.example.com/x', endsAt: new Date(start.getTime() - MIN).toISOString() })
    expect(backwards.status).toBe(400)
    expect(await count(sql`select count(*)::int as n from live_sessions where title = 'Insecure'`)).toBe(0)
    const good = await host.client.post('/live-sessions', { ...data, joinUrl: 'https://meet.example.com/x' })
    expect(good.status).toBe(201)
    expect(good.body.doc.hosts).toEqual([host.id])
  })
})

describe('scheduling', () => {
  it('a session is a lesson only of kind live, takes that lesson\'s course, and only its instructors attach it', async () => {
    const teacher = await createUser(payload, { roles: ['instructor'] })
    const stranger = await createUser(payload, { roles: ['instructor'] })
    const course = await createCourse(payload, { data: { instructors: [teacher.id] }, modules: [[{ kind: 'live' }, { kind: 'text' }]] })
    const [live, text] = course.lessons
    const start = new Date(Date.now() + HOUR)
    const data = { title: 'Lesson webinar', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString(), joinUrl: 'https://meet.example.com/l' }
    expect((await teacher.client.post('/live-sessions', { ...data, lesson: text })).status).toBe(400)
    expect((await stranger.client.post('/live-sessions', { ...data, lesson: live })).status).toBe(400)
    expect((await stranger.client.post('/live-sessions', { ...data, course: course.id })).status).toBe(400)
    expect(await count(sql`select count(*)::int as n from live_sessions where title = 'Lesson webinar'`)).toBe(0)
    const made = await teacher.client.post('/live-sessions', { ...data, lesson: live })
    expect(made.status).toBe(201)
    expect(made.body.doc.course).toBe(course.id)
  })
})

describe('reminders', () => {
  it('a day ahead and 15 minutes ahead, once per registration even when the job runs twice at once', async () => {
    const session = await createSession({ startsIn: 30 * HOUR })
    const start = Date.now() + 30 * HOUR
    const users = await registered(session, 3)
    const dayBefore = new Date(start - 23 * HOUR)
    await Promise.all([sendLiveReminders(payload, dayBefore), sendLiveReminders(payload, dayBefore)])
    await sendLiveReminders(payload, new Date(start - 20 * HOUR))
    const soon = new Date(start - 10 * MIN)
    await Promise.all([sendLiveReminders(payload, soon), sendLiveReminders(payload, soon)])
    await sendLiveReminders(payload, new Date(start - 5 * MIN))
    for (const u of users) {
      const mails = await emailsTo(payload, u.email)
      expect(mails.filter((m) => m.subject.startsWith('Coming up:'))).toHaveLength(1)
      expect(mails.filter((m) => m.subject.startsWith('Starting soon:'))).toHaveLength(1)
      expect(mails.find((m) => m.subject.startsWith('Starting soon:'))!.html).toContain(`/learn/live/${session}`)
    }
    // Too early for either: nothing.
    const [late] = await registered(await createSession({ startsIn: 3 * 24 * HOUR }), 1)
    await sendLiveReminders(payload)
    expect(await emailsTo(payload, late.email)).toHaveLength(0)
  })
})

describe('questions', () => {
  it('registered members ask and upvote with exact counts; others are refused; bad input stores nothing', async () => {
    const host = await createUser(payload)
    const session = await createSession({ hosts: [host.id] })
    const voters = await registered(session, 10)
    const [outsider] = await members(1)
    const path = `/live-sessions/${session}/questions`

    expect((await outsider.client.post(path, { body: 'Can I ask?' })).status).toBe(403)
    expect((await voters[0].client.post(path, { body: '' })).status).toBe(400)
    expect((await voters[0].client.post(path, { body: 'x'.repeat(501) })).status).toBe(400)
    expect((await voters[0].client.post(path, { text: 'wrong field' })).status).toBe(400)
    expect(await count(sql`select count(*)::int as n from live_questions where session_id = ${session}`)).toBe(0)

    const asked = await voters[0].client.post(path, { body: 'When do you restart a DOAC after a GI bleed?' })
    expect(asked.status).toBe(201)
    const q = asked.body.question.id
    const other = (await voters[1].client.post(path, { body: 'Is LAA occlusion worth it at 85?' })).body.question.id

    expect((await outsider.client.post(`${path}/${q}/upvote`)).status).toBe(403)
    const ups = await Promise.all(voters.map((v) => v.client.post(`${path}/${q}/upvote`)))
    expect(ups.every((r) => r.status === 200)).toBe(true)
    expect(Math.max(...ups.map((r) => r.body.upvotes))).toBe(10)
    // A double click by one member counts once.
    await Promise.all([voters[0].client.post(`${path}/${other}/upvote`), voters[0].client.post(`${path}/${other}/upvote`)])
    const back = await Promise.all(voters.slice(0, 4).map((v) => v.client.post(`${path}/${q}/upvote`)))
    expect(back.every((r) => r.body.upvoted === false)).toBe(true)
    const stored = await query<{ upvotes: number; votes: number }>(
      payload,
      sql`select q.upvotes::int as upvotes, (select count(*)::int from live_question_votes v where v.question_id = q.id) as votes from live_questions q where q.id = ${q}`,
    )
    expect(stored[0]).toEqual({ upvotes: 6, votes: 6 })
    const otherRow = await query<{ upvotes: number; votes: number }>(
      payload,
      sql`select q.upvotes::int as upvotes, (select count(*)::int from live_question_votes v where v.question_id = q.id) as votes from live_questions q where q.id = ${other}`,
    )
    expect(otherRow[0].upvotes).toBe(otherRow[0].votes)

    const state = await voters[5].client.get(`/live-sessions/${session}/state`)
    expect(state.body.questions.map((x: { id: number }) => x.id)).toEqual([q, other])
    expect(state.body.questions[0]).toMatchObject({ upvotes: 6, upvoted: true })
    expect((await outsider.client.get(`/live-sessions/${session}/state`)).body.questions).toEqual([])
  })

  it('hosts mark questions answered or hide them; members cannot', async () => {
    const host = await createUser(payload)
    const session = await createSession({ hosts: [host.id] })
    const [asker, reader] = await registered(session, 2)
    const path = `/live-sessions/${session}/questions`
    const q = (await asker.client.post(path, { body: 'Dose in renal impairment?' })).body.question.id
    const spam = (await asker.client.post(path, { body: 'Buy my course' })).body.question.id

    expect((await reader.client.patch(`${path}/${q}`, { status: 'answered' })).status).toBe(403)
    expect((await host.client.patch(`${path}/${q}`, { status: 'solved' })).status).toBe(400)
    const answered = await host.client.patch(`${path}/${q}`, { status: 'answered', answer: 'Reduce to 15 mg below a clearance of 50.' })
    expect(answered.status).toBe(200)
    expect(answered.body.question).toMatchObject({ status: 'answered', answer: 'Reduce to 15 mg below a clearance of 50.' })
    expect((await host.client.patch(`${path}/${spam}`, { status: 'hidden' })).status).toBe(200)

    const seen = (await reader.client.get(`/live-sessions/${session}/state`)).body.questions
    expect(seen.map((x: { id: number }) => x.id)).toEqual([q])
    expect((await reader.client.post(`${path}/${spam}/upvote`)).status).toBe(404)
    const hostView = (await host.client.get(`/live-sessions/${session}/state`)).body
    expect(hostView.questions.map((x: { id: number }) => x.id).sort()).toEqual([q, spam].sort())
    expect(hostView.me.moderator).toBe(true)
  })
})

describe('polls', () => {
  it('hosts open 2 to 6 option polls; one vote per member, changeable while open; exact counts under concurrency', async () => {
    const host = await createUser(payload)
    const session = await createSession({ hosts: [host.id] })
    const voters = await registered(session, 12)
    const [outsider] = await members(1)
    const path = `/live-sessions/${session}/polls`

    expect((await voters[0].client.post(path, { question: 'Mine?', options: ['a', 'b'] })).status).toBe(403)
    expect((await host.client.post(path, { question: 'One option?', options: ['only'] })).status).toBe(400)
    expect((await host.client.post(path, { question: 'Seven?', options: ['1', '2', '3', '4', '5', '6', '7'] })).status).toBe(400)
    expect((await host.client.post(path, { question: 'Blank?', options: ['a', ' '] })).status).toBe(400)
    expect(await count(sql`select count(*)::int as n from live_polls where session_id = ${session}`)).toBe(0)

    const created = await host.client.post(path, { question: 'Which anticoagulant first?', options: ['Apixaban', 'Rivaroxaban', 'Warfarin'] })
    expect(created.status).toBe(201)
    const poll = created.body.poll.id
    expect((await outsider.client.post(`${path}/${poll}/vote`, { option: 0 })).status).toBe(403)
    expect((await voters[0].client.post(`${path}/${poll}/vote`, { option: 3 })).status).toBe(400)

    const votes = await Promise.all(voters.map((v, i) => v.client.post(`${path}/${poll}/vote`, { option: i % 3 })))
    expect(votes.every((r) => r.status === 200)).toBe(true)
    // The last vote announced saw every vote before it.
    expect(Math.max(...votes.map((r) => r.body.poll.total))).toBe(12)
    const changed = await voters[1].client.post(`${path}/${poll}/vote`, { option: 0 })
    expect(changed.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([5, 3, 4])
    expect(changed.body.poll.myVote).toBe(0)

    expect((await host.client.patch(`${path}/${poll}`, { status: 'closed' })).status).toBe(200)
    expect((await voters[2].client.post(`${path}/${poll}/vote`, { option: 1 })).status).toBe(409)
    const state = (await voters[2].client.get(`/live-sessions/${session}/state`)).body
    expect(state.polls[0]).toMatchObject({ id: poll, status: 'closed', total: 12, myVote: 2 })
    expect(await count(sql`select count(*)::int as n from live_poll_votes where poll_id = ${poll}`)).toBe(12)
  })
})

describe('the session stream', () => {
  it('brings a question asked by another member, its upvotes, polls and reactions; refuses members not registered', async () => {
    const host = await createUser(payload)
    const session = await createSession({ hosts: [host.id] })
    const [watcher, asker] = await registered(session, 2)
    const [outsider] = await members(1)
    expect((await outsider.client.get(`/live-sessions/${session}/stream`)).status).toBe(403)

    const stream = sse(await watcher.client.raw('GET', `/live-sessions/${session}/stream`))
    await stream.next((e) => e.type === 'ready')
    const asked = await asker.client.post(`/live-sessions/${session}/questions`, { body: 'What about triple therapy after PCI?' })
    const live = await stream.next((e) => e.type === 'live.question')
    expect(live.data.question).toMatchObject({ id: asked.body.question.id, body: 'What about triple therapy after PCI?', upvotes: 0 })
    await asker.client.post(`/live-sessions/${session}/questions/${asked.body.question.id}/upvote`)
    expect((await stream.next((e) => e.type === 'live.question.votes')).data).toMatchObject({ id: asked.body.question.id, upvotes: 1 })
    await host.client.post(`/live-sessions/${session}/polls`, { question: 'Ready?', options: ['Yes', 'No'] })
    expect((await stream.next((e) => e.type === 'live.poll')).data.poll).toMatchObject({ question: 'Ready?', total: 0 })

    expect((await asker.client.post(`/live-sessions/${session}/reactions`, { emoji: '🍕' })).status).toBe(400)
    expect((await asker.client.post(`/live-sessions/${session}/reactions`, { emoji: '👏' })).status).toBe(202)
    expect((await stream.next((e) => e.type === 'live.reaction')).data).toMatchObject({ emoji: '👏', userId: asker.id })
    const burst = await Promise.all(Array.from({ length: 12 }, () => asker.client.post(`/live-sessions/${session}/reactions`, { emoji: '❤️' })))
    expect(burst.some((r) => r.status === 429)).toBe(true)

    await payload.update({ collection: 'live-sessions', id: session, data: { state: 'cancelled' } as never, overrideAccess: true })
    expect((await stream.next((e) => e.type === 'live.session')).data).toMatchObject({ status: 'cancelled' })
    await stream.close()
  })
})

describe('attendance', () => {
  it('the first join during the session records attendance and completes the live lesson; hosts see the count', async () => {
    const host = await createUser(payload, { roles: ['instructor'] })
    const course = await createCourse(payload, { modules: [[{ kind: 'live' }, { kind: 'text' }]] })
    const lesson = course.lessons[0]
    const session = await createSession({ startsIn: -5 * MIN, course: course.id, lesson, hosts: [host.id] })
    const [learner] = await members(1)
    await enrollDirectly(payload, learner.id, course.id)
    expect((await learner.client.post(`/live-sessions/${session}/registration`)).status).toBe(201)

    const hostStream = sse(await host.client.raw('GET', `/live-sessions/${session}/stream`))
    await hostStream.next((e) => e.type === 'ready')
    const joined = await learner.client.post(`/live-sessions/${session}/join`)
    expect(joined.status).toBe(200)
    expect(joined.body.lessonCompleted).toBe(true)
    expect((await hostStream.next((e) => e.type === 'live.attendance')).data).toMatchObject({ sessionId: session, attended: 1 })
    await hostStream.close()
    const again = await learner.client.post(`/live-sessions/${session}/join`)
    expect(again.body.attendedAt).toBe(joined.body.attendedAt)

    const progress = await query<{ status: string }>(payload, sql`select status from lesson_progress where user_id = ${learner.id} and lesson_id = ${lesson}`)
    expect(progress[0].status).toBe('completed')
    const enrollment = await query<{ progress: number }>(payload, sql`select progress from enrollments where user_id = ${learner.id} and course_id = ${course.id}`)
    expect(Number(enrollment[0].progress)).toBe(50)

    const hostView = (await host.client.get(`/live-sessions/${session}/state`)).body
    expect(hostView.attendance).toEqual({ registered: 1, attended: 1 })
    expect((await learner.client.get(`/live-sessions/${session}/state`)).body.attendance).toBeNull()
    expect(await liveSessionForLesson(payload, lesson)).toMatchObject({ id: session, status: 'live' })
  })
})

describe('reading a session', () => {
  it('the panel state of a participant takes at most 4 statements', async () => {
    const host = await createUser(payload)
    const session = await createSession({ hosts: [host.id] })
    const [member] = await registered(session, 1)
    await member.client.post(`/live-sessions/${session}/questions`, { body: 'Any data on elderly patients?' })
    await host.client.post(`/live-sessions/${session}/polls`, { question: 'Seen this before?', options: ['Yes', 'No'] })
    const { result, count: statements } = await countStatements(() => liveSessionState(payload, { id: member.id, roles: ['member'] }, session))
    expect(result.questions).toHaveLength(1)
    expect(result.polls).toHaveLength(1)
    expect(statements).toBeLessThanOrEqual(4)
  })

  it('demo data: a webinar a few days ahead with members of the course registered', async () => {
    const host = await createUser(payload, { roles: ['instructor'], login: false })
    const course = await createCourse(payload, { modules: [[{ kind: 'live' }]] })
    const learners = await Promise.all([0, 1, 2].map(() => createUser(payload, { login: false })))
    for (const l of learners) await enrollDirectly(payload, l.id, course.id)
    const { id } = await createDemoLiveSession(payload, { course: course.id, lesson: course.lessons[0], hosts: [host.id] })
    const state = await liveSessionState(payload, { id: host.id, roles: ['instructor'] }, id)
    expect(state.session.status).toBe('upcoming')
    expect(new Date(state.session.startsAt).getTime() - Date.now()).toBeGreaterThan(2 * 24 * HOUR)
    expect(state.session.registered).toBe(3)
    expect(state.me.moderator).toBe(true)
    expect(await liveSessionForLesson(payload, course.lessons[0])).toMatchObject({ id })
  })

  it('staff delete a session with its registrations, questions and polls', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const host = await createUser(payload)
    const session = await createSession({ hosts: [host.id] })
    const [member] = await registered(session, 1)
    const q = (await member.client.post(`/live-sessions/${session}/questions`, { body: 'Before it goes?' })).body.question.id
    await member.client.post(`/live-sessions/${session}/questions/${q}/upvote`)
    const poll = (await host.client.post(`/live-sessions/${session}/polls`, { question: 'Keep it?', options: ['Yes', 'No'] })).body.poll.id
    await member.client.post(`/live-sessions/${session}/polls/${poll}/vote`, { option: 1 })
    expect((await host.client.delete(`/live-sessions/${session}`)).status).toBe(403)
    expect((await admin.client.delete(`/live-sessions/${session}`)).status).toBe(200)
    expect(await count(sql`select count(*)::int as n from live_registrations where session_id = ${session}`)).toBe(0)
    expect(await count(sql`select count(*)::int as n from live_question_votes where question_id = ${q}`)).toBe(0)
    expect(await count(sql`select count(*)::int as n from live_poll_votes where poll_id = ${poll}`)).toBe(0)
  })
})
