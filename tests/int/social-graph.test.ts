import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { blockedIds } from '@/domain/social/graph'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload

const counts = async (id: number) => {
  const u = (await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })) as { followerCount: number; followingCount: number }
  return { followers: u.followerCount, following: u.followingCount }
}
const followRows = (where: Record<string, unknown>) => payload.count({ collection: 'follows', where: where as never, overrideAccess: true }).then((r) => r.totalDocs)

beforeAll(async () => {
  payload = await testPayload()
})

describe('following', () => {
  it('follow and unfollow are idempotent and keep both counters exact', async () => {
    const [a, b] = await Promise.all([createUser(payload), createUser(payload)])
    const first = await a.client.put(`/users/${b.id}/follow`)
    expect(first.status).toBe(200)
    expect(first.body.created).toBe(true)
    const again = await a.client.put(`/users/${b.id}/follow`)
    expect(again.status).toBe(200)
    expect(again.body.created).toBe(false)
    expect(await counts(a.id)).toEqual({ followers: 0, following: 1 })
    expect(await counts(b.id)).toEqual({ followers: 1, following: 0 })
    expect((await a.client.delete(`/users/${b.id}/follow`)).body.removed).toBe(true)
    expect((await a.client.delete(`/users/${b.id}/follow`)).body.removed).toBe(false)
    expect(await counts(a.id)).toEqual({ followers: 0, following: 0 })
    expect(await counts(b.id)).toEqual({ followers: 0, following: 0 })
  })

  it('cannot follow oneself, nobody, or anonymously', async () => {
    const a = await createUser(payload)
    expect((await a.client.put(`/users/${a.id}/follow`)).status).toBe(400)
    expect((await a.client.put(`/users/99999999/follow`)).status).toBe(404)
    expect((await a.client.put(`/users/abc/follow`)).status).toBe(400)
    expect((await new RestClient().put(`/users/${a.id}/follow`)).status).toBe(401)
    expect(await counts(a.id)).toEqual({ followers: 0, following: 0 })
  })

  it('counts stay exact when many follow, refollow and unfollow at the same moment (both directions)', async () => {
    const star = await createUser(payload)
    const fans = await Promise.all(Array.from({ length: 12 }, () => createUser(payload)))
    // Everyone follows the star twice at once, and the star follows everyone back at the same time.
    await Promise.all(
      fans.flatMap((f) => [f.client.put(`/users/${star.id}/follow`), f.client.put(`/users/${star.id}/follow`), star.client.put(`/users/${f.id}/follow`)]),
    )
    expect(await followRows({ following: { equals: star.id } })).toBe(12)
    expect(await counts(star.id)).toEqual({ followers: 12, following: 12 })
    const results = await Promise.all(fans.slice(0, 5).flatMap((f) => [f.client.delete(`/users/${star.id}/follow`), f.client.delete(`/users/${star.id}/follow`)]))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => r.body.removed).length).toBe(5)
    expect(await counts(star.id)).toEqual({ followers: 7, following: 12 })
    for (const f of fans.slice(0, 5)) expect(await counts(f.id)).toEqual({ followers: 1, following: 0 })
  })

  it('the counters cannot be written through the API', async () => {
    const a = await createUser(payload)
    await a.client.patch(`/users/${a.id}`, { followerCount: 5000, followingCount: 7 })
    expect(await counts(a.id)).toEqual({ followers: 0, following: 0 })
  })

  it('follows are public; writing them directly is refused', async () => {
    const [a, b] = await Promise.all([createUser(payload), createUser(payload)])
    await a.client.put(`/users/${b.id}/follow`)
    const listed = await new RestClient().get(`/follows?where[follower][equals]=${a.id}&depth=0`)
    expect(listed.status).toBe(200)
    expect(listed.body.docs.map((d: { following: number }) => d.following)).toEqual([b.id])
    expect((await a.client.post('/follows', { follower: b.id, following: a.id })).status).toBe(403)
  })
})

describe('follower lists', () => {
  it('pages with keyset cursors, newest first, without counts or offsets', async () => {
    const star = await createUser(payload)
    const fans: TestUser[] = []
    for (let i = 0; i < 5; i++) {
      const f = await createUser(payload)
      await f.client.put(`/users/${star.id}/follow`)
      fans.push(f)
    }
    const anon = new RestClient()
    const first = await anon.get(`/users/${star.id}/followers?limit=2`)
    expect(first.status).toBe(200)
    expect(first.body.docs.map((d: { id: number }) => d.id)).toEqual([fans[4].id, fans[3].id])
    expect(first.body).not.toHaveProperty('totalDocs')
    expect(first.body.docs[0]).not.toHaveProperty('email')
    const second = await anon.get(`/users/${star.id}/followers?limit=2&after=${first.body.nextCursor}`)
    expect(second.body.docs.map((d: { id: number }) => d.id)).toEqual([fans[2].id, fans[1].id])
    const third = await anon.get(`/users/${star.id}/followers?limit=2&after=${second.body.nextCursor}`)
    expect(third.body.docs.map((d: { id: number }) => d.id)).toEqual([fans[0].id])
    expect(third.body.nextCursor).toBeNull()
    const following = await anon.get(`/users/${fans[0].id}/following`)
    expect(following.body.docs.map((d: { id: number }) => d.id)).toEqual([star.id])
    expect((await anon.get(`/users/${star.id}/followers?after=-1`)).status).toBe(400)
  })
})

describe('blocking', () => {
  it('removes follows both ways with exact counts, refuses new follows both ways, and is idempotent', async () => {
    const [a, b, c] = await Promise.all([createUser(payload), createUser(payload), createUser(payload)])
    await a.client.put(`/users/${b.id}/follow`)
    await b.client.put(`/users/${a.id}/follow`)
    await c.client.put(`/users/${b.id}/follow`)
    const blocked = await a.client.put(`/users/${b.id}/block`)
    expect(blocked.status).toBe(200)
    expect(blocked.body.created).toBe(true)
    expect((await a.client.put(`/users/${b.id}/block`)).body.created).toBe(false)
    expect(await counts(a.id)).toEqual({ followers: 0, following: 0 })
    expect(await counts(b.id)).toEqual({ followers: 1, following: 0 })
    expect(await followRows({ or: [{ follower: { equals: a.id } }, { following: { equals: a.id } }] })).toBe(0)
    expect((await a.client.put(`/users/${b.id}/follow`)).status).toBe(403)
    expect((await b.client.put(`/users/${a.id}/follow`)).status).toBe(403)
    // The blocked member is left out of the lists the blocker sees, and the other way round.
    const seenByA = await a.client.get(`/users/${c.id}/following`)
    expect(seenByA.body.docs.map((d: { id: number }) => d.id)).toEqual([])
    const seenByOthers = await new RestClient().get(`/users/${c.id}/following`)
    expect(seenByOthers.body.docs.map((d: { id: number }) => d.id)).toEqual([b.id])
    expect((await a.client.delete(`/users/${b.id}/block`)).body.removed).toBe(true)
    expect((await a.client.delete(`/users/${b.id}/block`)).body.removed).toBe(false)
    expect((await a.client.put(`/users/${b.id}/follow`)).status).toBe(200)
  })

  it('blockedIds lists both directions with one query', async () => {
    const [a, b, c, d] = await Promise.all([createUser(payload), createUser(payload), createUser(payload), createUser(payload)])
    await a.client.put(`/users/${b.id}/block`)
    await c.client.put(`/users/${a.id}/block`)
    expect((await blockedIds(payload, a.id)).sort()).toEqual([b.id, c.id].sort())
    expect(await blockedIds(payload, b.id)).toEqual([a.id])
    expect(await blockedIds(payload, c.id)).toEqual([a.id])
    expect(await blockedIds(payload, d.id)).toEqual([])
  })

  it('members see only their own blocks; the blocked member does not see it', async () => {
    const [a, b] = await Promise.all([createUser(payload), createUser(payload)])
    await a.client.put(`/users/${b.id}/block`)
    const mine = await a.client.get(`/blocks?where[blocked][equals]=${b.id}&depth=0`)
    expect(mine.body.docs).toHaveLength(1)
    const theirs = await b.client.get(`/blocks?where[blocker][equals]=${a.id}&depth=0`)
    expect(theirs.body.docs).toHaveLength(0)
    const gql = await b.client.graphql(`query { Blocks(where: { blocker: { equals: ${a.id} } }) { docs { id } } }`)
    expect(gql.body.data.Blocks.docs).toHaveLength(0)
    expect((await new RestClient().get('/blocks')).status).toBe(403)
  })
})

describe('deleting a member who took part', () => {
  it('is refused with a clear 409 and changes nothing; a member without activity can be deleted', async () => {
    const [a, b] = await Promise.all([createUser(payload), createUser(payload)])
    await a.client.put(`/users/${b.id}/follow`)
    const admin = await createUser(payload, { roles: ['admin'] })
    const refused = await admin.client.delete(`/users/${a.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/cannot be deleted outright/)
    expect(await followRows({ follower: { equals: a.id } })).toBe(1)
    expect((await payload.findByID({ collection: 'users', id: a.id, overrideAccess: true })).id).toBe(a.id)

    const quiet = await createUser(payload)
    expect((await admin.client.delete(`/users/${quiet.id}`)).status).toBe(200)
  })
})
