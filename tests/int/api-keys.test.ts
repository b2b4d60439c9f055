import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

describe('API keys for integration users', () => {
  it('an admin issues a key; the integration user authenticates with it over REST and GraphQL', async () => {
    const admin = await createUser(payload, { roles: ['admin'] })
    const integration = await createUser(payload, { roles: ['member'], name: 'LMS integration', login: false })
    const key = `rk_${crypto.randomUUID().replace(/-/g, '')}`
    const issued = await admin.client.patch(`/users/${integration.id}`, { enableAPIKey: true, apiKey: key })
    expect(issued.status).toBe(200)

    const client = new RestClient()
    const headers = { Authorization: `users API-Key ${key}` }
    const me = await client.get('/users/me', { headers })
    expect(me.status).toBe(200)
    expect(me.body.user?.id).toBe(integration.id)
    expect(JSON.stringify(me.body)).not.toContain(key)

    const gql = await client.graphql('{ meUser { user { id } } }', undefined, { headers })
    expect(gql.status).toBe(200)
    expect(gql.body.data.meUser.user.id).toBe(integration.id)

    const wrong = await client.get('/users/me', { headers: { Authorization: `users API-Key ${key}x` } })
    expect(wrong.body.user).toBeNull()
  })

  it('a member cannot give themselves an API key', async () => {
    const member = await createUser(payload)
    const res = await member.client.patch(`/users/${member.id}`, { enableAPIKey: true, apiKey: 'rk_selfissued000000000000000000' })
    const stored = (await payload.db.findOne({ collection: 'users', where: { id: { equals: member.id } } })) as Record<string, unknown>
    expect(stored.enableAPIKey ?? null).not.toBe(true)
    expect([200, 400, 403]).toContain(res.status)
    const attempt = await new RestClient().get('/users/me', { headers: { Authorization: 'users API-Key rk_selfissued000000000000000000' } })
    expect(attempt.body.user).toBeNull()
  })
})
