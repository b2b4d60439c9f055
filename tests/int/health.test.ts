import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

beforeAll(async () => {
  await testPayload()
})

describe('GET /api/health', () => {
  it('answers 200 with the database up', async () => {
    const res = await new RestClient().get('/health')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'ok', live: true, ready: true, database: 'up' })
  })
})

describe('query limits', () => {
  it('refuses pagination=false and clamps limit to 100 over REST', async () => {
    const client = new RestClient()
    const unpaged = await client.get('/specialties?pagination=false')
    expect(unpaged.status).toBe(400)
    const big = await client.get('/specialties?limit=1000')
    expect(big.status).toBe(200)
    expect(big.body.limit).toBe(100)
    const zero = await client.get('/specialties?limit=0')
    expect(zero.status).toBe(400)
  })

  it('refuses limit over 100 and pagination:false over GraphQL', async () => {
    const client = new RestClient()
    const big = await client.graphql('query { Specialties(limit: 1000) { docs { id } } }')
    expect(big.body.errors?.[0]?.message).toMatch(/limit/)
    const viaVariable = await client.graphql('query ($l: Int) { Specialties(limit: $l) { docs { id } } }', { l: 500 })
    expect(viaVariable.body.errors?.[0]?.message).toMatch(/limit/)
    const ok = await client.graphql('query { Specialties(limit: 5) { docs { id } } }')
    expect(ok.body.errors).toBeUndefined()
  })
})
