import { ValidationError, type Access, type CollectionBeforeChangeHook, type CollectionConfig, type FieldAccess, type Where } from 'payload'

import { fieldNobody } from '@/access'
import { isStaffUser } from '@/access/roles'
import { query, sql, sqlFor } from '@/db/sql'
import { announce, LIVE_EVENTS, liveTopic } from '@/domain/learning/live/realtime'
import { LIVE_STATES, liveStatus } from '@/domain/learning/live/status'
import { relationId } from '@/lib/relation'
import { canAuthor, teaches } from './access'
import { liveSessionEndpoints } from './liveEndpoints'

/** Staff change any session; a member only the sessions they host. */
const hostOrStaff: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  if (isStaffUser(user)) return true
  return { hosts: { contains: user.id } } as Where
}

/** The video link is for hosts and staff; registered members get it from POST /:id/join when it opens. */
const joinUrlAccess: FieldAccess = ({ req: { user }, doc }) => {
  if (!user || user.collection !== 'users') return false
  if (isStaffUser(user)) return true
  const hosts = ((doc as { hosts?: unknown[] } | undefined)?.hosts ?? []).map((h) => String(typeof h === 'object' && h ? (h as { id: unknown }).id : h))
  return hosts.includes(String(user.id))
}

const httpsUrl = (value: unknown) => {
  if (typeof value !== 'string' || !value) return 'A join link is required.'
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname.includes('.') ? true : 'The join link must be an https:// address.'
  } catch {
    return 'The join link must be an https:// address.'
  }
}

/**
 * A session that is a lesson must be a lesson of kind live, and belongs to that lesson's course; only
 * staff and the course's instructors attach a session to a course (attending completes its lesson).
 */
const courseAndLesson: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const invalid = (path: string, message: string) => new ValidationError({ collection: 'live-sessions', errors: [{ path, message }] }, req.t)
  const lesson = relationId(data.lesson !== undefined ? data.lesson : originalDoc?.lesson)
  if (lesson !== null) {
    const [row] = await query<{ course_id: number | null; kind: string }>(await sqlFor(req), sql`select course_id, kind from lessons where id = ${lesson}`)
    if (!row) throw invalid('lesson', 'No such lesson.')
    if (row.kind !== 'live') throw invalid('lesson', 'Only a lesson of kind live can be a live session.')
    data.course = row.course_id
  }
  const course = relationId(data.course !== undefined ? data.course : originalDoc?.course)
  const changed = course !== relationId(originalDoc?.course)
  const { user } = req
  if (course !== null && changed && user && !isStaffUser(user) && !(await teaches(req, Number(user.id), course)))
    throw invalid('course', 'Only instructors of this course can add a session to it.')
  return data
}

/**
 * A live session (webinar) on an external video service, optionally part of a course and the content of
 * a lesson of kind `live`. Its status comes from the clock (upcoming, live, ended) unless staff or a host
 * ended it early or cancelled it (`state`). Registration, Q&A, polls, reactions and attendance go through
 * the endpoints of src/domain/learning/live.
 */
export const LiveSessions: CollectionConfig = {
  slug: 'live-sessions',
  labels: { singular: 'Live session', plural: 'Live sessions' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'startsAt', 'state', 'registeredCount', 'course'], group: 'Learning' },
  access: {
    read: () => true,
    create: canAuthor,
    update: hostOrStaff,
    delete: ({ req: { user } }) => isStaffUser(user),
  },
  hooks: {
    beforeChange: [
      courseAndLesson,
      ({ data, req: { user }, operation }) => {
        // An instructor who schedules a session hosts it.
        if (operation === 'create' && user?.collection === 'users' && !isStaffUser(user)) {
          const hosts = (data.hosts ?? []) as unknown[]
          if (!hosts.map((h) => String(h)).includes(String(user.id))) data.hosts = [...hosts, user.id]
        }
        return data
      },
    ],
    beforeDelete: [
      // A session takes its registrations, questions and polls with it, in the delete's transaction.
      async ({ id, req }) => {
        const db = await sqlFor(req)
        await query(db, sql`delete from live_question_votes where question_id in (select id from live_questions where session_id = ${id})`)
        await query(db, sql`delete from live_questions where session_id = ${id}`)
        await query(db, sql`delete from live_poll_votes where poll_id in (select id from live_polls where session_id = ${id})`)
        await query(db, sql`delete from live_polls where session_id = ${id}`)
        await query(db, sql`delete from live_registrations where session_id = ${id}`)
      },
    ],
    afterChange: [
      // Open panels learn of a new time, an early end or a cancellation, once the change commits.
      async ({ doc, previousDoc, operation, req }) => {
        if (operation !== 'update') return doc
        const changed = ['state', 'startsAt', 'endsAt', 'title'].some((k) => String(doc[k]) !== String(previousDoc?.[k]))
        if (changed) {
          await announce(await sqlFor(req), liveTopic(Number(doc.id)), LIVE_EVENTS.session, {
            status: liveStatus(doc as { startsAt: string; endsAt: string; state: string }),
            startsAt: doc.startsAt,
            endsAt: doc.endsAt,
            title: doc.title,
          })
        }
        return doc
      },
    ],
  },
  endpoints: liveSessionEndpoints,
  defaultSort: 'startsAt',
  indexes: [{ fields: ['startsAt'] }],
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'description', type: 'textarea', maxLength: 4000 },
    {
      type: 'row',
      fields: [
        { name: 'course', type: 'relationship', relationTo: 'courses', index: true, maxDepth: 0, admin: { description: 'Registration then needs an enrollment in this course' } },
        { name: 'lesson', type: 'relationship', relationTo: 'lessons', index: true, maxDepth: 0, admin: { description: 'The lesson of kind live that attending completes' } },
      ],
    },
    { name: 'hosts', type: 'relationship', relationTo: 'users', hasMany: true, maxDepth: 0 },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            if (!value) return 'When does it end?'
            const start = siblingData?.startsAt ? new Date(siblingData.startsAt as string).getTime() : NaN
            return !Number.isNaN(start) && new Date(value as string).getTime() <= start ? 'A session ends after it starts.' : true
          },
        },
        { name: 'timezone', type: 'text', maxLength: 64, admin: { description: 'Shown beside the time, e.g. Europe/Paris' } },
      ],
    },
    { name: 'joinUrl', type: 'text', required: true, maxLength: 500, validate: httpsUrl, access: { read: joinUrlAccess } },
    { name: 'capacity', type: 'number', min: 1, max: 100000, admin: { description: 'Seats; empty for no limit' } },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'scheduled',
      options: [...LIVE_STATES],
      admin: { position: 'sidebar', description: 'Scheduled follows the clock; ended (early) or cancelled overrides it' },
    },
    {
      name: 'registeredCount',
      type: 'number',
      defaultValue: 0,
      access: { create: fieldNobody, update: fieldNobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
  timestamps: true,
}
