import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'

const DAY = 24 * 3600 * 1000

/**
 * A realistic webinar three days ahead at 18:00 UTC for the seed: hosted by `hosts`, optionally the live
 * lesson of a course, with a few members of the course (or any members) registered.
 */
export async function createDemoLiveSession(payload: Payload, opts: { course?: number | null; lesson?: number | null; hosts: number[] }): Promise<{ id: number }> {
  const start = new Date(Date.now() + 3 * DAY)
  start.setUTCHours(18, 0, 0, 0)
  const end = new Date(start.getTime() + 75 * 60 * 1000)
  const doc = (await payload.create({
    collection: 'live-sessions',
    data: {
      title: 'Atrial fibrillation in 2026: anticoagulation after a bleed',
      description:
        'A case-based webinar: when and how to restart anticoagulation after a gastrointestinal or intracranial bleed, left atrial appendage occlusion, and what the latest trials change for daily practice. Bring your questions: the second half is live Q&A, with polls along the way.',
      course: opts.course ?? undefined,
      lesson: opts.lesson ?? undefined,
      hosts: opts.hosts,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      timezone: 'Europe/London',
      joinUrl: 'https://meet.example.com/rounds-af-anticoagulation',
      capacity: 250,
      state: 'scheduled',
    } as never,
    overrideAccess: true,
  })) as unknown as { id: number }

  // A few registrations: members enrolled in the course, or any confirmed members.
  const members = await query<{ id: number }>(
    payload,
    opts.course
      ? sql`select user_id as id from enrollments where course_id = ${opts.course} and status in ('active', 'completed') order by id limit 12`
      : sql`select id from users where coalesce(_verified, true) order by id limit 12`,
  )
  const guests = members.map((m) => Number(m.id)).filter((id) => !opts.hosts.includes(id))
  for (const user of guests) {
    await query(payload, sql`insert into live_registrations (session_id, user_id, updated_at, created_at) values (${doc.id}, ${user}, now(), now()) on conflict do nothing`)
  }
  await query(payload, sql`update live_sessions set registered_count = (select count(*) from live_registrations where session_id = ${doc.id}) where id = ${doc.id}`)
  return { id: doc.id }
}
