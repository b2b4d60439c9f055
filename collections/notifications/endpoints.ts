import type { Endpoint } from 'payload'
import { z } from 'zod'

import { decodeCursor, markRead, notificationPage, UNREAD_CAP, unreadCount } from '@/domain/notifications/feed'
import { PreferencesPatch, readPreferences, updatePreferences } from '@/domain/notifications/preferences'
import { NOTIFICATION_TYPES } from '@/domain/notifications/types'
import { error, json, readBody } from '@/lib/http'
import { memberHandler, memberOperation } from '../social/endpoints/shared'

const id = z.number().int().positive().max(2147483647)
export const ReadBody = z.union([
  z.strictObject({ ids: z.array(id).min(1, 'ids: name at least one notification.').max(100) }),
  z.strictObject({ all: z.literal(true) }),
])
const FeedQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

const operation = (opts: Parameters<typeof memberOperation>[0] & { parameters?: unknown[] }) => {
  const custom = memberOperation({ ...opts, idParam: false }) as { openapi: Record<string, unknown> }
  return opts.parameters ? { openapi: { ...custom.openapi, parameters: opts.parameters } } : custom
}

const tag = 'notifications'
const preferencesDescription = `\`{ inApp: { <type>: boolean }, email: { <type>: boolean } }\` for the types ${NOTIFICATION_TYPES.join(', ')}. \`inApp\` decides whether a notification is made at all; \`email\` whether it goes into the daily digest.`

const feed: Endpoint = {
  path: '/feed',
  method: 'get',
  custom: operation({
    summary: 'A page of your notifications, latest activity first (keyset cursor, no totals)',
    description:
      'Each item: `id, type` (reply, comment, mention, reaction, follow, message, moderation), `text` ("Ana and 4 others liked your post"), `link` (the page it leads to), `excerpt`, `actor` (the latest: id, name, honorific, handle, avatarUrl; null for moderation), `actorCount`, `eventCount`, `detail`, `subject` ({ key, post, comment, conversation }), `read`, `readAt`, `activityAt`, `createdAt`. A notification that gets new activity moves to the top and becomes unread again.',
    tag,
    parameters: [
      { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
      { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
    ],
    responses: { 200: { description: '`{ docs, nextCursor }`; nextCursor is null on the last page' }, 400: { description: 'Bad cursor or limit' } },
  }),
  handler: memberHandler(async (req, me) => {
    const params = FeedQuery.safeParse(Object.fromEntries(req.searchParams))
    if (!params.success) return error(req, 400, 'limit must be a whole number from 1 to 50.')
    const before = params.data.cursor ? decodeCursor(params.data.cursor) : null
    if (params.data.cursor && !before) return error(req, 400, 'Bad cursor.')
    return json(req, await notificationPage(req.payload, me.id, { before, limit: params.data.limit }))
  }),
}

const unread: Endpoint = {
  path: '/unread-count',
  method: 'get',
  custom: operation({
    summary: 'The number of your unread notifications (the badge)',
    description: `\`{ unread }\`, counted up to ${UNREAD_CAP} (show "99+" from there). The live stream (/api/realtime/stream) sends \`notification\` when one is created or brought back, and \`notifications.read\` when you mark some read elsewhere: fetch this again.`,
    tag,
    responses: { 200: { description: '`{ unread }`' } },
  }),
  handler: memberHandler(async (req, me) => json(req, { unread: await unreadCount(req.payload, me.id) })),
}

const read: Endpoint = {
  path: '/read',
  method: 'post',
  custom: operation({
    summary: 'Mark notifications read',
    description: '`{ ids: [...] }` (up to 100) or `{ all: true }`. Ids that are not your unread notifications are ignored. Answers the ids marked and the new unread number.',
    tag,
    body: ReadBody,
    responses: { 200: { description: '`{ marked: number[], unread }`' }, 400: { description: 'Neither ids nor all, or bad ids' } },
  }),
  handler: memberHandler(async (req, me) => {
    const body = await readBody(req, ReadBody)
    if (body.response) return body.response
    return json(req, await markRead(req.payload, me.id, 'all' in body.data ? { all: true } : { ids: body.data.ids }))
  }),
}

const getPreferences: Endpoint = {
  path: '/preferences',
  method: 'get',
  custom: operation({ summary: 'Your notification settings', description: preferencesDescription, tag, responses: { 200: { description: 'The settings' } } }),
  handler: memberHandler(async (req, me) => json(req, await readPreferences(req.payload, me.id))),
}

const patchPreferences: Endpoint = {
  path: '/preferences',
  method: 'patch',
  custom: operation({
    summary: 'Change your notification settings',
    description: `Send only what changes. ${preferencesDescription}`,
    tag,
    body: PreferencesPatch,
    responses: { 200: { description: 'The settings as stored' }, 400: { description: 'Unknown channel or type, or a value that is not true/false' } },
  }),
  handler: memberHandler(async (req, me) => {
    const body = await readBody(req, PreferencesPatch)
    if (body.response) return body.response
    return json(req, await updatePreferences(req, me.id, body.data))
  }),
}

export const notificationEndpoints: Endpoint[] = [feed, unread, read, getPreferences, patchPreferences]
