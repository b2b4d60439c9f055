import type { Endpoint } from 'payload'

import { currentDeviceHash, forgetDevices, listDevices } from '../devices'
import { activeCaller } from '../session'
import type { ResolvedOptions } from '../types'
import { doc, fail, json } from './respond'

export function deviceEndpoints(o: ResolvedOptions): Endpoint[] {
  const list: Endpoint = {
    path: '/two-factor/devices',
    method: 'get',
    custom: doc('Devices remembered for 30 days (they skip the second factor)', { 200: 'devices', 401: 'Not signed in' }),
    handler: async (req) => {
      const caller = activeCaller(req, o)
      if (!caller) return fail(req, 401, 'Log in first.')
      const current = currentDeviceHash(req)
      const rows = (await listDevices(req, caller.userId)) as unknown as Array<Record<string, unknown>>
      const devices = rows.map((d) => ({
        id: d.id,
        label: d.label ?? 'Unknown device',
        createdAt: d.createdAt,
        lastUsedAt: d.lastUsedAt ?? null,
        expiresAt: d.expiresAt,
        current: current !== null && d.tokenHash === current,
      }))
      return json(req, { devices })
    },
  }
  const forgetOne: Endpoint = {
    path: '/two-factor/devices/:id',
    method: 'delete',
    custom: doc('Forget one remembered device', { 200: 'Forgotten', 401: 'Not signed in', 404: 'No such device of yours' }, { params: ['id'] }),
    handler: async (req) => {
      const caller = activeCaller(req, o)
      if (!caller) return fail(req, 401, 'Log in first.')
      const id = String(req.routeParams?.id ?? '')
      const count = /^[\w-]{1,64}$/.test(id) ? await forgetDevices(req, caller.userId, id) : 0
      if (!count) return fail(req, 404, 'No such device.')
      await o.onEvent?.(req, { type: 'two-factor.device-revoked', userId: caller.userId, detail: { count } })
      return json(req, { revoked: count })
    },
  }
  const forgetAll: Endpoint = {
    path: '/two-factor/devices',
    method: 'delete',
    custom: doc('Forget every remembered device', { 200: 'revoked: how many', 401: 'Not signed in' }),
    handler: async (req) => {
      const caller = activeCaller(req, o)
      if (!caller) return fail(req, 401, 'Log in first.')
      const count = await forgetDevices(req, caller.userId)
      if (count) await o.onEvent?.(req, { type: 'two-factor.device-revoked', userId: caller.userId, detail: { count } })
      return json(req, { revoked: count })
    },
  }
  return [list, forgetOne, forgetAll]
}
