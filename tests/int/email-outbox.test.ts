import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let admin: TestUser
let member: TestUser
let email: string
let outboxId: number

beforeAll(async () => {
  delete process.env.SENDGRID_API_KEY
  payload = await testPayload()
  ;[admin, member] = await Promise.all([createUser(payload, { roles: ['admin'] }), createUser(payload)])
  email = `outbox-${Date.now()}@example.test`
  const res = await new RestClient().post('/users/register', { email, password: 'a quiet ward at 3am', name: 'Dr Outbox' })
  expect(res.status).toBe(202)
  const { docs } = await payload.find({ collection: 'emails', where: { to: { equals: email } }, overrideAccess: true })
  outboxId = docs[0].id as number
})

describe('the outbox (no email provider configured)', () => {
  it('keeps every email in the emails collection', async () => {
    expect(payload.email).toMatchObject({ name: 'outbox' })
    const row = await payload.findByID({ collection: 'emails', id: outboxId, overrideAccess: true })
    expect(row.to).toBe(email)
    expect(row.subject).toMatch(/^\d{6} is your Rounds verification code$/)
    expect(row.from).toMatch(/<.+@.+>/)
    expect(row.html).toContain(row.subject.slice(0, 6))
    expect(row.text).toContain(row.subject.slice(0, 6))
  })

  it('an admin can read it, over REST and GraphQL', async () => {
    const list = await admin.client.get(`/emails?where[to][equals]=${encodeURIComponent(email)}`)
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { id: number }) => d.id)).toContain(outboxId)
    expect((await admin.client.get(`/emails/${outboxId}`)).body.subject).toMatch(/verification code/)
    const gql = await admin.client.graphql(`query ($id: Int!) { Email(id: $id) { to subject } }`, { id: outboxId })
    expect(gql.body.data.Email.to).toBe(email)
  })

  it.each(['anonymous', 'member', 'moderator'])('%s cannot read it (the codes and reset links inside are secrets)', async (who) => {
    const client =
      who === 'anonymous' ? new RestClient() : who === 'member' ? member.client : (await createUser(payload, { roles: ['moderator'] })).client
    const list = await client.get('/emails')
    expect(list.status).toBe(403)
    expect((await client.get(`/emails/${outboxId}`)).status).toBe(403)
    const gql = await client.graphql(`query ($id: Int!) { Email(id: $id) { subject } Emails { docs { subject } } }`, { id: outboxId })
    expect(gql.body.data?.Email ?? null).toBeNull()
    expect(gql.body.data?.Emails ?? null).toBeNull()
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify([list.body, gql.body])).not.toMatch(/verification code/)
  })

  it('nobody, not even an admin, can write or rewrite an email through the API', async () => {
    for (const client of [new RestClient(), member.client, admin.client]) {
      const created = await client.post('/emails', { to: 'victim@example.test', subject: 'Your account is locked', html: '<a href="https://evil.example">Unlock</a>' })
      expect(created.status).toBe(403)
      const updated = await client.patch(`/emails/${outboxId}`, { subject: 'Rewritten' })
      expect(updated.status).toBe(403)
      const gql = await client.graphql(`mutation { createEmail(data: { to: "victim@example.test", subject: "Hi" }) { id } }`)
      expect(gql.body.errors?.length).toBeGreaterThan(0)
    }
    const { totalDocs } = await payload.find({ collection: 'emails', where: { to: { equals: 'victim@example.test' } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
    expect((await payload.findByID({ collection: 'emails', id: outboxId, overrideAccess: true })).subject).not.toBe('Rewritten')
  })

  it('only an admin can delete an outbox email', async () => {
    expect((await member.client.delete(`/emails/${outboxId}`)).status).toBe(403)
    expect((await new RestClient().delete(`/emails/${outboxId}`)).status).toBe(403)
    expect((await admin.client.delete(`/emails/${outboxId}`)).status).toBe(200)
    const { totalDocs } = await payload.find({ collection: 'emails', where: { id: { equals: outboxId } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })
})
