import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { transaction } from '@/db/sql'
import { connectionOf, EventHub, publish, type RealtimeEvent } from '@/realtime/hub'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
const doctor = () => createUser(payload, { verificationStatus: 'verified' })

async function start(from: TestUser, ...others: TestUser[]) {
  const res = await from.client.post('/conversations/start', { participantIds: others.map((o) => o.id) })
  if (res.status !== 201 && res.status !== 200) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id as number
}

/** Reads Server-Sent Events from a streaming Response. */
function sse(res: Response) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const events: (RealtimeEvent & { raw: string })[] = []
  let buffer = ''
  let waiters: (() => void)[] = []
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let cut: number
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const data = raw.split('\n').find((l) => l.startsWith('data: '))
        const id = raw.split('\n').find((l) => l.startsWith('id: '))?.slice(4)
        if (data) events.push({ ...(JSON.parse(data.slice(6)) as RealtimeEvent), id, raw })
        waiters.forEach((w) => w())
      }
    }
  })()
  return {
    events,
    async next(match: (e: RealtimeEvent) => boolean, timeout = 5000) {
      const deadline = Date.now() + timeout
      for (;;) {
        const found = events.find(match)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events.map((e) => e.type))}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
        waiters = []
      }
    },
    async close() {
      await reader.cancel().catch(() => {})
      await pump
    },
  }
}

beforeAll(async () => {
  payload = await testPayload()
})

describe('starting conversations', () => {
  it('two parallel starts of the same pair make one conversation', async () => {
    const [a, b] = await Promise.all([doctor(), doctor()])
    const results = await Promise.all([
      a.client.post('/conversations/start', { participantIds: [b.id] }),
      b.client.post('/conversations/start', { participantIds: [a.id] }),
      a.client.post('/conversations/start', { participantIds: [b.id] }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    const stored = await payload.count({ collection: 'conversations', where: { participants: { equals: a.id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
    const members = await payload.count({ collection: 'conversation-members', where: { conversation: { equals: results[0].body.id } }, overrideAccess: true })
    expect(members.totalDocs).toBe(2)
  })

  it('groups hold at most 10 participants, and need someone else', async () => {
    const a = await doctor()
    const others = await Promise.all(Array.from({ length: 10 }, () => createUser(payload)))
    const tooMany = await a.client.post('/conversations/start', { participantIds: others.map((o) => o.id), title: 'Too many' })
    expect(tooMany.status).toBe(400)
    const nine = await a.client.post('/conversations/start', { participantIds: others.slice(0, 9).map((o) => o.id), title: 'Tumour board' })
    expect(nine.status).toBe(201)
    const doc = await payload.findByID({ collection: 'conversations', id: nine.body.id, depth: 0, overrideAccess: true })
    expect(doc).toMatchObject({ kind: 'group', title: 'Tumour board' })
    expect((doc as { participants: number[] }).participants).toHaveLength(10)
    expect((await a.client.post('/conversations/start', { participantIds: [a.id] })).status).toBe(400)
    expect((await a.client.post('/conversations/start', { participantIds: [99999999] })).status).toBe(404)
    expect((await new RestClient().post('/conversations/start', { participantIds: [others[0].id] })).status).toBe(401)
  })
})

describe('privacy: only participants see a conversation', () => {
  it('another member, staff and the public get nothing over REST, GraphQL or relationships', async () => {
    const [a, b, outsider, admin] = await Promise.all([doctor(), doctor(), doctor(), createUser(payload, { roles: ['admin'] })])
    const id = await start(a, b)
    const sent = await a.client.post(`/conversations/${id}/messages`, { body: 'Confidential: patient in bed 4' })
    expect(sent.status).toBe(201)
    const messageId = sent.body.message.id
    // The participants do see it, with the relationship populated.
    const own = await b.client.get(`/messages/${messageId}?depth=1`)
    expect(own.status).toBe(200)
    expect(own.body.conversation.id).toBe(id)
    // Someone else of our own outsider's conversations sees nothing of this one.
    await start(outsider, a)
    for (const viewer of [outsider, admin]) {
      const c = viewer.client
      expect((await c.get(`/conversations/${id}`)).status).toBe(404)
      expect((await c.get(`/messages/${messageId}`)).status).toBe(404)
      expect((await c.get(`/messages?where[conversation][equals]=${id}`)).body.docs).toEqual([])
      expect((await c.get(`/messages?depth=2&limit=100`)).body.docs.map((m: { body: string }) => m.body)).not.toContain('Confidential: patient in bed 4')
      expect((await c.get(`/conversation-members?where[conversation][equals]=${id}`)).body.docs).toEqual([])
      expect((await c.get(`/conversations/${id}/messages`)).status).toBe(404)
      expect((await c.post(`/conversations/${id}/messages`, { body: 'let me in' })).status).toBe(404)
      expect((await c.post(`/conversations/${id}/read`, { messageId })).status).toBe(404)
      const gql = await c.graphql(
        `query { Conversation(id: ${id}) { id } Message(id: ${messageId}) { id } Messages(where: { conversation: { equals: ${id} } }) { docs { id body conversation { id } } } ConversationMembers(limit: 100) { docs { conversation { id } } } }`,
      )
      expect(gql.body.data?.Conversation ?? null).toBeNull()
      expect(gql.body.data?.Message ?? null).toBeNull()
      expect(gql.body.data?.Messages?.docs ?? []).toEqual([])
      expect((gql.body.data?.ConversationMembers?.docs ?? []).map((d: { conversation: { id: number } | null }) => d.conversation?.id)).not.toContain(id)
    }
    const anon = new RestClient()
    expect((await anon.get(`/messages?where[conversation][equals]=${id}`)).status).toBe(403)
    expect((await anon.get(`/conversations/${id}/messages`)).status).toBe(401)
    // Nobody writes messages except through the send endpoint (sender set by the server).
    expect((await a.client.post('/messages', { conversation: id, sender: b.id, body: 'forged' })).status).toBe(403)
  })
})

describe('sending', () => {
  it('a retried send with the same clientId is stored once, even in parallel', async () => {
    const [a, b] = await Promise.all([doctor(), doctor()])
    const id = await start(a, b)
    const clientId = `retry-${Date.now()}`
    const results = await Promise.all([1, 2, 3].map(() => a.client.post(`/conversations/${id}/messages`, { body: 'Once only', clientId })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect(new Set(results.map((r) => r.body.message.id)).size).toBe(1)
    const stored = await payload.count({ collection: 'messages', where: { conversation: { equals: id } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
    expect((await a.client.post(`/conversations/${id}/messages`, { body: '   ' })).status).toBe(400)
    expect((await a.client.post(`/conversations/${id}/messages`, { body: 'x'.repeat(4001) })).status).toBe(400)
  })

  it('blocked members cannot start or send, either direction; groups with a blocked pair are refused', async () => {
    const [a, b, c] = await Promise.all([doctor(), doctor(), doctor()])
    const id = await start(a, b)
    const group = await start(a, b, c)
    await b.client.put(`/users/${a.id}/block`)
    for (const [from, to] of [[a, b], [b, a]]) {
      const startRes = await from.client.post('/conversations/start', { participantIds: [to.id] })
      // The 1:1 exists already: opening it is allowed, writing is not.
      expect([200, 403]).toContain(startRes.status)
      const send = await from.client.post(`/conversations/${id}/messages`, { body: 'hello?' })
      expect(send.status).toBe(403)
      expect(send.body.errors[0].message).toBe('You cannot message this member.')
    }
    expect((await a.client.post(`/conversations/${group}/messages`, { body: 'group hello' })).status).toBe(403)
    expect((await c.client.post(`/conversations/${group}/messages`, { body: 'I can still write' })).status).toBe(201)
    const fresh = await doctor()
    await fresh.client.put(`/users/${a.id}/block`)
    const refused = await a.client.post('/conversations/start', { participantIds: [fresh.id] })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toBe('You cannot message this member.')
    expect((await c.client.post('/conversations/start', { participantIds: [a.id, fresh.id] })).status).toBe(403)
    expect(await payload.count({ collection: 'messages', where: { body: { equals: 'hello?' } }, overrideAccess: true }).then((r) => r.totalDocs)).toBe(0)
  })

  it('new members send more slowly and only start conversations with members who follow them', async () => {
    const [newbie, target] = await Promise.all([createUser(payload), doctor()])
    const refused = await newbie.client.post('/conversations/start', { participantIds: [target.id] })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/follow you/)
    await target.client.put(`/users/${newbie.id}/follow`)
    const id = await start(newbie, target)
    const sends = []
    for (let i = 0; i < 11; i++) sends.push((await newbie.client.post(`/conversations/${id}/messages`, { body: `note ${i}` })).status)
    expect(sends.slice(0, 10).every((s) => s === 201)).toBe(true)
    expect(sends[10]).toBe(429)
    // A verified doctor in the same conversation keeps a higher rate.
    const replies = []
    for (let i = 0; i < 11; i++) replies.push((await target.client.post(`/conversations/${id}/messages`, { body: `reply ${i}` })).status)
    expect(replies.every((s) => s === 201)).toBe(true)
    // Doctors may write to anyone who has not blocked them.
    const stranger = await createUser(payload)
    expect((await target.client.post('/conversations/start', { participantIds: [stranger.id] })).status).toBe(201)
  })
})

describe('read state', () => {
  it('unread counts, delivered and read markers, under concurrent reads', async () => {
    const [a, b] = await Promise.all([doctor(), doctor()])
    const id = await start(a, b)
    const ids: number[] = []
    for (let i = 0; i < 6; i++) ids.push((await a.client.post(`/conversations/${id}/messages`, { body: `m${i}` })).body.message.id)
    const own = await a.client.get(`/conversations/${id}/messages`)
    expect(own.body.docs.map((m: { state: string }) => m.state)).toEqual(Array(6).fill('sent'))
    const inboxB = await b.client.get('/conversations/inbox')
    const entry = inboxB.body.docs.find((c: { id: number }) => c.id === id)
    expect(entry.unread).toBe(6)
    expect(entry.lastMessage.preview).toBe('m5')
    expect(entry.participants.map((p: { id: number }) => p.id)).toEqual([a.id])
    // Listing the inbox delivered them.
    expect((await a.client.get(`/conversations/${id}/messages`)).body.docs.map((m: { state: string }) => m.state)).toEqual(Array(6).fill('delivered'))
    // Reads arrive out of order and at once: the marker settles on the highest.
    const reads = await Promise.all([ids[1], ids[4], ids[2], ids[3]].map((m) => b.client.post(`/conversations/${id}/read`, { messageId: m })))
    expect(reads.every((r) => r.status === 200)).toBe(true)
    const after = (await b.client.get('/conversations/inbox')).body.docs.find((c: { id: number }) => c.id === id)
    expect(after.unread).toBe(1)
    const states = (await a.client.get(`/conversations/${id}/messages`)).body.docs.map((m: { id: number; state: string }) => [m.id, m.state])
    expect(states).toEqual(ids.slice().reverse().map((m) => [m, m <= ids[4] ? 'read' : 'delivered']))
    // Going back does nothing; another conversation's message is refused.
    expect((await b.client.post(`/conversations/${id}/read`, { messageId: ids[0] })).body.changed).toBe(false)
    const other = await start(a, await doctor())
    const foreign = (await a.client.post(`/conversations/${other}/messages`, { body: 'elsewhere' })).body.message.id
    expect((await b.client.post(`/conversations/${id}/read`, { messageId: foreign })).status).toBe(400)
    // The sender's own messages never count as unread for them.
    expect((await a.client.get('/conversations/inbox')).body.docs.find((c: { id: number }) => c.id === id).unread).toBe(0)
  })

  it('the inbox pages by keyset, most recent first, and messages page backwards', async () => {
    const a = await doctor()
    const partners = await Promise.all(Array.from({ length: 3 }, () => doctor()))
    const ids: number[] = []
    for (const p of partners) {
      const id = await start(a, p)
      await p.client.post(`/conversations/${id}/messages`, { body: `from ${p.id}` })
      ids.push(id)
    }
    const first = await a.client.get('/conversations/inbox?limit=2')
    expect(first.body.docs.map((c: { id: number }) => c.id)).toEqual([ids[2], ids[1]])
    const second = await a.client.get(`/conversations/inbox?limit=2&before=${first.body.nextCursor}`)
    expect(second.body.docs.map((c: { id: number }) => c.id)).toEqual([ids[0]])
    expect(second.body.nextCursor).toBeNull()
    expect((await a.client.get('/conversations/inbox?before=nonsense')).status).toBe(400)
    for (let i = 0; i < 4; i++) await a.client.post(`/conversations/${ids[0]}/messages`, { body: `page ${i}` })
    const page1 = await a.client.get(`/conversations/${ids[0]}/messages?limit=3`)
    expect(page1.body.docs.map((m: { body: string }) => m.body)).toEqual(['page 3', 'page 2', 'page 1'])
    const page2 = await a.client.get(`/conversations/${ids[0]}/messages?limit=3&before=${page1.body.nextCursor}`)
    expect(page2.body.docs.map((m: { body: string }) => m.body)).toEqual(['page 0', `from ${partners[0].id}`])
    const newer = await a.client.get(`/conversations/${ids[0]}/messages?after=${page2.body.docs[0].id}`)
    expect(newer.body.docs.map((m: { body: string }) => m.body)).toEqual(['page 1', 'page 2', 'page 3'])
  })
})

describe('live delivery (SSE over LISTEN/NOTIFY)', () => {
  const second = { hub: null as EventHub | null }
  afterAll(async () => {
    await second.hub?.stop()
  })

  it('B’s open stream receives A’s message, a second listener receives it through NOTIFY, A hears delivered and read', async () => {
    const [a, b] = await Promise.all([doctor(), doctor()])
    const id = await start(a, b)
    expect((await new RestClient().raw('GET', '/realtime/stream')).status).toBe(401)
    const resB = await b.client.raw('GET', '/realtime/stream')
    expect(resB.status).toBe(200)
    expect(resB.headers.get('content-type')).toContain('text/event-stream')
    const streamB = sse(resB)
    const streamA = sse(await a.client.raw('GET', '/realtime/stream'))
    await streamB.next((e) => e.type === 'ready')
    await streamA.next((e) => e.type === 'ready')
    // Another app instance: its own LISTEN connection and its own subscribers.
    second.hub = new EventHub(connectionOf(payload))
    await second.hub.ready()
    const elsewhere: RealtimeEvent[] = []
    second.hub.subscribe(b.id, (e) => elsewhere.push(e))

    const sent = await a.client.post(`/conversations/${id}/messages`, { body: 'Are you on call tonight?', clientId: `live-${Date.now()}` })
    expect(sent.status).toBe(201)
    const live = await streamB.next((e) => e.type === 'message')
    expect(live.id).toBe(`m${sent.body.message.id}`)
    expect(live.data).toMatchObject({ id: sent.body.message.id, conversationId: id, senderId: a.id, body: 'Are you on call tonight?' })
    await expect.poll(() => elsewhere.filter((e) => e.type === 'message').length, { timeout: 5000 }).toBe(1)
    expect(elsewhere[0].data).toMatchObject({ id: sent.body.message.id })
    // Pushed to B's client = delivered; A is told.
    const delivered = await streamA.next((e) => e.type === 'delivered')
    expect(delivered.data).toMatchObject({ conversationId: id, userId: b.id, messageId: sent.body.message.id })
    expect((await a.client.get(`/conversations/${id}/messages`)).body.docs[0].state).toBe('delivered')
    await b.client.post(`/conversations/${id}/read`, { messageId: sent.body.message.id })
    const read = await streamA.next((e) => e.type === 'read')
    expect(read.data).toMatchObject({ conversationId: id, userId: b.id, messageId: sent.body.message.id })
    await streamB.close()
    await streamA.close()
  })

  it('a reconnect with Last-Event-ID replays what was missed', async () => {
    const [a, b] = await Promise.all([doctor(), doctor()])
    const id = await start(a, b)
    const first = (await a.client.post(`/conversations/${id}/messages`, { body: 'one' })).body.message.id
    const missed = (await a.client.post(`/conversations/${id}/messages`, { body: 'two' })).body.message.id
    const stream = sse(await b.client.raw('GET', '/realtime/stream', undefined, { headers: { 'Last-Event-ID': `m${first}` } }))
    const replayed = await stream.next((e) => e.type === 'message')
    expect(replayed).toMatchObject({ id: `m${missed}`, data: { body: 'two' } })
    expect(stream.events.filter((e) => e.type === 'message')).toHaveLength(1)
    await stream.close()
  })

  it('a rolled-back change is never announced; a stream stops listening when closed', async () => {
    const b = await doctor()
    const hub = new EventHub(connectionOf(payload))
    await hub.ready()
    const got: RealtimeEvent[] = []
    hub.subscribe(b.id, (e) => got.push(e))
    await transaction(payload, async (tx) => {
      await publish(tx, { type: 'message', users: [b.id], data: { id: -1 } })
      throw new Error('rolled back')
    }).catch(() => {})
    await publish(payload, { type: 'probe', users: [b.id], data: {} })
    await expect.poll(() => got.length, { timeout: 5000 }).toBe(1)
    expect(got[0].type).toBe('probe')
    await hub.stop()
  })
})
