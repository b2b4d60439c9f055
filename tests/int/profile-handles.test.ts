import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})

const handleOf = async (email: string) =>
  ((await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })) as { handle?: string } | null)?.handle

describe('public profile handles', () => {
  it('are derived from the name', async () => {
    const email = `handle-${Date.now()}@example.test`
    const name = `Dr Zainab Handle ${Date.now().toString(36)}`
    const res = await new RestClient().post('/users/register', { email, password: 'a quiet ward at 3am', name })
    expect(res.status).toBe(202)
    expect(await handleOf(email)).toMatch(/^dr-zainab-handle-[a-z0-9]+$/)
  })

  it('members who share a name and register at the same moment all get an account, each with its own handle', async () => {
    const name = `Dr Same Name ${Date.now().toString(36)}`
    const emails = [0, 1, 2, 3, 4].map((i) => `same-${i}-${Date.now()}@example.test`)
    const answers = await Promise.all(
      emails.map((email) => new RestClient().post('/users/register', { email, password: 'a quiet ward at 3am', name })),
    )
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202])
    const handles = await Promise.all(emails.map(handleOf))
    expect(handles.every(Boolean)).toBe(true)
    expect(new Set(handles).size).toBe(emails.length)
  })

  it('a member can choose a free handle, but not a malformed one', async () => {
    const user = await createUser(payload)
    const mine = `my-handle-${Date.now().toString(36)}`
    expect((await user.client.patch(`/users/${user.id}`, { handle: mine })).status).toBe(200)
    for (const bad of ['A', 'Has Spaces', '-leading', 'trailing-', '../admin', 'x'.repeat(61)]) {
      expect((await user.client.patch(`/users/${user.id}`, { handle: bad })).status, bad).toBe(400)
    }
    expect((await payload.findByID({ collection: 'users', id: user.id, depth: 0 })).handle).toBe(mine)
  })
})
