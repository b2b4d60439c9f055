import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser } from '../helpers/users'

let payload: Payload
let mediaId: number
beforeAll(async () => {
  payload = await testPayload()
  // A loop of relationships: media -> owner (user) -> avatar (the same media) -> owner ...
  const user = await createUser(payload, { login: false })
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#000' } }).png().toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'loop', owner: user.id } as never,
    file: { data: png, mimetype: 'image/png', name: `loop-${Date.now()}.png`, size: png.length },
  })
  mediaId = media.id as number
  await payload.update({ collection: 'users', id: user.id, data: { avatar: mediaId } as never })
})

describe('depth is capped at 2', () => {
  it('REST ?depth=10 populates two levels and no more', async () => {
    const res = await new RestClient().get(`/media/${mediaId}?depth=10`)
    expect(res.status).toBe(200)
    expect(typeof res.body.owner).toBe('object') // depth 1
    expect(typeof res.body.owner.avatar).toBe('object') // depth 2
    expect(typeof res.body.owner.avatar.owner).toBe('number') // depth 3: only the id
  })

  it('the same over a list', async () => {
    const res = await new RestClient().get(`/media?where[id][equals]=${mediaId}&depth=50`)
    expect(res.status).toBe(200)
    expect(typeof res.body.docs[0].owner.avatar.owner).toBe('number')
  })
})

describe('GraphQL cost is capped', () => {
  it('a query of very many aliased lists is refused before it runs', async () => {
    const fields = Array.from({ length: 400 }, (_, i) => `a${i}: Specialties(limit: 100) { docs { id name slug } }`).join('\n')
    const started = Date.now()
    const res = await new RestClient().graphql(`query { ${fields} }`)
    expect(res.body.data ?? null).toBeNull()
    expect(JSON.stringify(res.body.errors)).toMatch(/complexity/i)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('an ordinary query is well within the budget', async () => {
    const res = await new RestClient().graphql(`query { Specialties(limit: 20) { docs { id name slug } } allMedia(limit: 5) { docs { id owner { id name } } } }`)
    expect(res.body.errors).toBeUndefined()
  })
})
