import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createRoom } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let member: TestUser
let verified: TestUser
let moderator: TestUser

const memberCount = async (id: number) => ((await payload.findByID({ collection: 'rooms', id, depth: 0, overrideAccess: true })) as { memberCount: number }).memberCount
const rows = async (room: number) => (await payload.count({ collection: 'room-members', where: { room: { equals: room } }, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  ;[member, verified, moderator] = await Promise.all([
    createUser(payload),
    createUser(payload, { verificationStatus: 'verified' }),
    createUser(payload, { roles: ['moderator'] }),
  ])
})

describe('joining and leaving rooms', () => {
  it('join is idempotent and memberCount follows the rows', async () => {
    const room = await createRoom(payload)
    const first = await member.client.post(`/rooms/${room.id}/join`)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ joined: true, role: 'member', memberCount: 1 })
    const again = await member.client.post(`/rooms/${room.id}/join`)
    expect(again.body).toMatchObject({ joined: false, memberCount: 1 })
    const left = await member.client.post(`/rooms/${room.id}/leave`)
    expect(left.body).toMatchObject({ left: true, memberCount: 0 })
    const leftAgain = await member.client.post(`/rooms/${room.id}/leave`)
    expect(leftAgain.body).toMatchObject({ left: false, memberCount: 0 })
    expect(await rows(room.id)).toBe(0)
  })

  it('stays exact when many members join and leave at the same moment', async () => {
    const room = await createRoom(payload, { visibility: 'public' })
    const people = await Promise.all(Array.from({ length: 16 }, () => createUser(payload)))
    // Everyone joins twice at once; then half of them leave twice at once.
    await Promise.all(people.flatMap((p) => [p.client.post(`/rooms/${room.id}/join`), p.client.post(`/rooms/${room.id}/join`)]))
    expect(await rows(room.id)).toBe(16)
    expect(await memberCount(room.id)).toBe(16)
    const leaving = people.slice(0, 8)
    const results = await Promise.all(leaving.flatMap((p) => [p.client.post(`/rooms/${room.id}/leave`), p.client.post(`/rooms/${room.id}/leave`)]))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => r.body.left).length).toBe(8)
    expect(await rows(room.id)).toBe(8)
    expect(await memberCount(room.id)).toBe(8)
  })

  it('a verified room is only joinable (and visible) for verified doctors', async () => {
    const room = await createRoom(payload, { visibility: 'verified' })
    expect((await member.client.post(`/rooms/${room.id}/join`)).status).toBe(404)
    expect((await member.client.get(`/rooms/${room.id}`)).status).toBe(404)
    expect((await verified.client.post(`/rooms/${room.id}/join`)).status).toBe(200)
    expect((await new RestClient().post(`/rooms/${room.id}/join`)).status).toBe(401)
  })

  it('anonymous visitors see public rooms only', async () => {
    const open = await createRoom(payload, { visibility: 'public' })
    const closed = await createRoom(payload, { visibility: 'members' })
    const anon = new RestClient()
    const list = await anon.get(`/rooms?where[id][in]=${open.id},${closed.id}&depth=0`)
    expect(list.body.docs.map((d: { id: number }) => d.id)).toEqual([open.id])
  })

  it('a client cannot set memberCount', async () => {
    const res = await moderator.client.post('/rooms', { name: 'Cardiology', slug: `cardio-${Date.now()}`, kind: 'room', visibility: 'public', memberCount: 500 })
    expect(res.status).toBe(201)
    expect(res.body.doc.memberCount).toBe(0)
    const patch = await moderator.client.patch(`/rooms/${res.body.doc.id}`, { memberCount: 99, description: 'Hearts' })
    expect(patch.status).toBe(200)
    expect(await memberCount(res.body.doc.id)).toBe(0)
  })

  it("a channel's owner is its first member and may change only its description", async () => {
    const sponsor = await createUser(payload, { roles: ['sponsor'] })
    const channel = await createRoom(payload, { kind: 'channel', owner: sponsor.id, sponsored: true, visibility: 'public' })
    expect(await memberCount(channel.id)).toBe(1)
    const ok = await sponsor.client.patch(`/rooms/${channel.id}`, { description: 'News from our lab' })
    expect(ok.status).toBe(200)
    expect(ok.body.doc.description).toBe('News from our lab')
    await sponsor.client.patch(`/rooms/${channel.id}`, { name: 'Renamed', voting: true, visibility: 'verified' })
    const stored = await payload.findByID({ collection: 'rooms', id: channel.id, overrideAccess: true })
    expect(stored).toMatchObject({ name: `Room ${channel.slug}`, voting: false, visibility: 'public' })
    expect((await sponsor.client.post(`/rooms/${channel.id}/leave`)).status).toBe(409)
    expect((await member.client.patch(`/rooms/${channel.id}`, { description: 'Hijack' })).status).toBe(403)
  })
})
