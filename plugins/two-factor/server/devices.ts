import crypto from 'node:crypto'

import type { PayloadRequest, Where } from 'payload'
import { parseCookies } from 'payload/shared'

import { keyedHash, safeEqual } from './crypto'
import { SLUGS, type ResolvedOptions } from './types'

/**
 * "Remember this device": a cookie `<user>.<random>.<signature>`. The signature (keyed with the
 * Payload secret) binds it to the user; the random part is stored only as a keyed hash, so deleting
 * the row revokes the device and a database leak gives nobody a usable cookie.
 */
export const deviceCookieName = (req: PayloadRequest) => `${req.payload.config.cookiePrefix}-2fa-device`

const sign = (req: PayloadRequest, body: string) => keyedHash(req.payload.secret, `device:${body}`)

type DeviceRow = { id: number | string; user: number | string | { id: number | string }; label?: string; createdAt: string; lastUsedAt?: string | null; expiresAt: string }

export function describeDevice(userAgent: string | null) {
  if (!userAgent) return 'Unknown device'
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser'
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'another system'
  return `${browser} on ${os}`
}

export async function rememberDevice(req: PayloadRequest, o: ResolvedOptions, userId: number | string) {
  const random = crypto.randomBytes(32).toString('base64url')
  const maxAge = o.rememberDeviceDays * 24 * 3600
  await req.payload.db.create({
    collection: SLUGS.devices,
    data: {
      user: userId,
      tokenHash: keyedHash(req.payload.secret, random),
      label: describeDevice(req.headers.get('user-agent')),
      expiresAt: new Date(Date.now() + maxAge * 1000).toISOString(),
      lastUsedAt: new Date().toISOString(),
    },
    req,
  })
  const body = `${userId}.${random}`
  const secure = req.payload.collections[o.collection]?.config.auth.cookies?.secure ? '; Secure' : ''
  return `${deviceCookieName(req)}=${body}.${sign(req, body)}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`
}

/** The remembered-device row this request's cookie proves for `userId`, or null. */
export async function trustedDevice(req: PayloadRequest, o: ResolvedOptions, userId: number | string): Promise<DeviceRow | null> {
  if (o.rememberDeviceDays <= 0) return null
  const value = parseCookies(req.headers).get(deviceCookieName(req))
  if (!value) return null
  const [user, random, signature] = value.split('.')
  if (!user || !random || !signature || user !== String(userId)) return null
  if (!safeEqual(signature, sign(req, `${user}.${random}`))) return null
  const row = (await req.payload.db.findOne({
    collection: SLUGS.devices,
    where: { tokenHash: { equals: keyedHash(req.payload.secret, random) } },
    req,
  })) as DeviceRow | null
  if (!row || new Date(row.expiresAt) <= new Date()) return null
  const owner = typeof row.user === 'object' ? row.user.id : row.user
  if (String(owner) !== String(userId)) return null
  await req.payload.db.updateOne({ collection: SLUGS.devices, id: row.id, data: { lastUsedAt: new Date().toISOString() }, req, returning: false })
  return row
}

const liveDevicesOf = (userId: number | string): Where => ({
  and: [{ user: { equals: userId } }, { expiresAt: { greater_than: new Date().toISOString() } }],
})

export async function countDevices(req: PayloadRequest, userId: number | string) {
  return (await req.payload.db.count({ collection: SLUGS.devices, where: liveDevicesOf(userId), req })).totalDocs
}

export async function listDevices(req: PayloadRequest, userId: number | string) {
  const { docs } = await req.payload.db.find({
    collection: SLUGS.devices,
    where: liveDevicesOf(userId),
    sort: '-lastUsedAt',
    limit: 100,
    pagination: false,
    req,
  })
  return docs as unknown as DeviceRow[]
}

/** Forgets one device (by id) or all of them; returns how many were forgotten. */
export async function forgetDevices(req: PayloadRequest, userId: number | string, id?: string) {
  const where: Where = id ? { and: [{ user: { equals: userId } }, { id: { equals: id } }] } : { user: { equals: userId } }
  const { docs } = await req.payload.db.find({ collection: SLUGS.devices, where, limit: 1000, pagination: false, req })
  if (docs.length) await req.payload.db.deleteMany({ collection: SLUGS.devices, where, req })
  return docs.length
}

/** Which remembered device the request itself comes from (to mark it in lists). */
export function currentDeviceHash(req: PayloadRequest) {
  const value = parseCookies(req.headers).get(deviceCookieName(req))
  const random = value?.split('.')[1]
  return random ? keyedHash(req.payload.secret, random) : null
}
