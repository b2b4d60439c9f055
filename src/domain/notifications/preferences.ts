import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { query, sql } from '@/db/sql'
import { CHANNELS, NOTIFICATION_TYPES, preferenceColumn, type NotificationPreferences } from './types'

const channelPatch = z.strictObject(Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, z.boolean().optional()])) as Record<(typeof NOTIFICATION_TYPES)[number], z.ZodOptional<z.ZodBoolean>>)

/** PATCH body: any subset of `{ inApp: { <type>: boolean }, email: { <type>: boolean } }`. */
export const PreferencesPatch = z.strictObject({ inApp: channelPatch.optional(), email: channelPatch.optional() })
export type PreferencesPatchInput = z.infer<typeof PreferencesPatch>

/** The member's settings; a setting never stored (an account older than the feature) counts as on. */
export async function readPreferences(payload: Payload, me: number): Promise<NotificationPreferences> {
  const columns = CHANNELS.flatMap((channel) =>
    NOTIFICATION_TYPES.map((type) => sql`coalesce(${sql.identifier(preferenceColumn(channel, type))}, true) as ${sql.identifier(`${channel}.${type}`)}`),
  )
  const [row] = await query<Record<string, boolean>>(payload, sql`select ${sql.join(columns, sql`, `)} from users where id = ${me}`)
  const prefs = { inApp: {}, email: {} } as NotificationPreferences
  for (const channel of CHANNELS) for (const type of NOTIFICATION_TYPES) prefs[channel][type] = row ? row[`${channel}.${type}`] !== false : true
  return prefs
}

/** Applies a patch through Payload (the member's own access and hooks), returning the settings as stored. */
export async function updatePreferences(req: PayloadRequest, me: number, patch: PreferencesPatchInput): Promise<NotificationPreferences> {
  const current = await readPreferences(req.payload, me)
  const next: NotificationPreferences = {
    inApp: { ...current.inApp, ...stripUndefined(patch.inApp) },
    email: { ...current.email, ...stripUndefined(patch.email) },
  }
  await req.payload.update({ collection: 'users', id: me, data: { notificationPreferences: next } as never, overrideAccess: false, user: req.user, depth: 0 })
  return readPreferences(req.payload, me)
}

const stripUndefined = <T extends Record<string, unknown>>(value: T | undefined) =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>
