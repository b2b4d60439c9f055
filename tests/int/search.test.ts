import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements, createPost, createRoom, lexical } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let author: TestUser
let member: TestUser
let verified: TestUser
let premium: TestUser
const anonymous = new RestClient()

/**
 * A made-up word no other post contains, so that each test sees only its own documents: random
 * letters, so that two such words share no trigrams either (people and rooms match names loosely).
 */
const word = () => Array.from({ length: 9 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('')

type Section = { type: string; hits: { id: number; type: string; [k: string]: any }[]; nextCursor: string | null }
const section = (res: { body: { sections: Section[] } }, type: string) => res.body.sections.find((s) => s.type === type)!
const ids = (res: { body: { sections: Section[] } }, type = 'posts') => section(res, type).hits.map((h) => h.id)
const find = (client: RestClient, q: string, extra = '') => client.get(`/search?q=${encodeURIComponent(q)}${extra}`)

beforeAll(async () => {
  payload = await testPayload()
  author = await createUser(payload, { verificationStatus: 'verified' })
  member = await createUser(payload)
  verified = await createUser(payload, { verificationStatus: 'verified' })
  premium = await createUser(payload, { verificationStatus: 'verified', tier: 'premium' })
})

describe('posts: ranking and language', () => {
  it('ranks a title match above a body match, and the newer of two equal matches first', async () => {
    const w = word()
    const inTitle = await createPost(payload, author.id, { title: `Notes on ${w}`, body: lexical('Nothing else to say here today.') })
    const inBody = await createPost(payload, author.id, { body: lexical(`We discussed ${w} during rounds.`) })
    const older = await createPost(payload, author.id, { body: lexical(`We discussed ${w} during rounds.`) })
    const monthAgo = new Date(Date.now() - 30 * 86400_000).toISOString()
    await payload.update({ collection: 'posts', id: older.id, data: { createdAt: monthAgo, publishedAt: monthAgo } as never, overrideAccess: true })

    const res = await find(member.client, w, '&type=posts')
    expect(res.status).toBe(200)
    expect(ids(res)).toEqual([inTitle.id, inBody.id, older.id])
    // The snippet marks the words found.
    const body = section(res, 'posts').hits[1]
    expect(body.snippet.filter((s: { match?: boolean }) => s.match).map((s: { text: string }) => s.text.toLowerCase())).toContain(w)
    expect(body.url).toBe(`/posts/${inBody.id}`)
    expect(body.author).toMatchObject({ id: author.id, handle: expect.any(String) })
  })

  it('finds other forms of a word (English stemming) and tags', async () => {
    const w = word()
    const post = await createPost(payload, author.id, { body: lexical(`The operation on ${w} went well.`), tags: ['anaesthesia'] })
    expect(ids(await find(member.client, `operations ${w}`, '&type=posts'))).toEqual([post.id])
    expect(ids(await find(member.client, `anaesthesia ${w}`, '&type=posts'))).toEqual([post.id])
    expect(ids(await find(member.client, `surgery ${w}`, '&type=posts'))).toEqual([])
  })

  it('keeps the search index up to date in the database: an edit through the API is found at once', async () => {
    const before = word()
    const after = word()
    const tag = word()
    const created = await author.client.post('/posts', { kind: 'text', body: lexical(`First draft about ${before}.`), visibility: 'public', _status: 'published' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(ids(await find(anonymous, before, '&type=posts'))).toEqual([id])

    const edited = await author.client.patch(`/posts/${id}`, { body: lexical(`Rewritten about ${after}.`), tags: [tag] })
    expect(edited.status).toBe(200)
    expect(ids(await find(anonymous, after, '&type=posts'))).toEqual([id])
    expect(ids(await find(anonymous, tag, '&type=posts'))).toEqual([id])
    expect(ids(await find(anonymous, before, '&type=posts'))).toEqual([])
    // Removing the tags removes them from the index too.
    await author.client.patch(`/posts/${id}`, { tags: [] })
    expect(ids(await find(anonymous, tag, '&type=posts'))).toEqual([])
    // The index columns are the database's business: they never appear in the API.
    const read = await anonymous.get(`/posts/${id}`)
    expect(read.status).toBe(200)
    expect(Object.keys(read.body)).not.toContain('searchVector')
    expect(Object.keys(read.body)).not.toContain('tagsText')
  })

  it('pages by cursor without repeats or gaps', async () => {
    const w = word()
    const created: number[] = []
    for (let i = 0; i < 5; i++) created.push((await createPost(payload, author.id, { body: lexical(`Case ${i} of ${w}.`) })).id)
    const seen: number[] = []
    let cursor: string | null = null
    for (let page = 0; page < 5; page++) {
      const res = await find(member.client, w, `&type=posts&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...ids(res))
      cursor = section(res, 'posts').nextCursor
      if (!cursor) break
    }
    expect(seen).toHaveLength(5)
    expect([...seen].sort()).toEqual([...created].sort())
    expect(cursor).toBeNull()
  })
})

describe('posts: who finds what', () => {
  it('finds each audience only for members in it', async () => {
    const w = word()
    const post = async (visibility: string) => (await createPost(payload, author.id, { visibility, body: lexical(`For ${visibility}: ${w}`) })).id
    const open = await post('public')
    const members = await post('members')
    const verifiedOnly = await post('verified')
    const premiumOnly = await post('premium')
    const sorted = (list: number[]) => [...list].sort()
    expect(sorted(ids(await find(anonymous, w, '&type=posts')))).toEqual([open])
    expect(sorted(ids(await find(member.client, w, '&type=posts')))).toEqual(sorted([open, members]))
    expect(sorted(ids(await find(verified.client, w, '&type=posts')))).toEqual(sorted([open, members, verifiedOnly]))
    expect(sorted(ids(await find(premium.client, w, '&type=posts')))).toEqual(sorted([open, members, verifiedOnly, premiumOnly]))
  })

  it('never finds drafts, hidden or removed posts, posts in the trash, or posts in rooms the viewer may not see', async () => {
    const w = word()
    const visible = await createPost(payload, author.id, { body: lexical(`Visible ${w}`) })
    const draft = await createPost(payload, author.id, { body: lexical(`Draft ${w}`), _status: 'draft' })
    const hidden = await createPost(payload, author.id, { body: lexical(`Hidden ${w}`), moderation: 'hidden' })
    const removed = await createPost(payload, author.id, { body: lexical(`Removed ${w}`), moderation: 'removed' })
    const trashed = await createPost(payload, author.id, { body: lexical(`Trashed ${w}`) })
    expect((await author.client.patch(`/posts/${trashed.id}`, { deletedAt: new Date().toISOString() })).status).toBe(200)
    const room = await createRoom(payload, { visibility: 'verified' })
    const inRoom = await createPost(payload, author.id, { body: lexical(`Room ${w}`), room: room.id, visibility: 'members' })
    // Not even their author finds them: search shows what is published.
    expect(ids(await find(author.client, w, '&type=posts')).sort()).toEqual([visible.id, inRoom.id].sort())
    expect(ids(await find(member.client, w, '&type=posts'))).toEqual([visible.id])
    for (const hiddenPost of [draft, hidden, removed, trashed]) expect(ids(await find(premium.client, w, '&type=posts'))).not.toContain(hiddenPost.id)
  })

  it('never finds posts of members blocked either way', async () => {
    const w = word()
    const blocker = await createUser(payload)
    const blockedByMe = await createUser(payload)
    const theirs = await createPost(payload, blocker.id, { body: lexical(`Blocker ${w}`) })
    const blockedPost = await createPost(payload, blockedByMe.id, { body: lexical(`Blocked ${w}`) })
    const reader = await createUser(payload)
    expect(ids(await find(reader.client, w, '&type=posts')).sort()).toEqual([theirs.id, blockedPost.id].sort())
    expect((await blocker.client.put(`/users/${reader.id}/block`)).status).toBeLessThan(300)
    expect((await reader.client.put(`/users/${blockedByMe.id}/block`)).status).toBeLessThan(300)
    expect(ids(await find(reader.client, w, '&type=posts'))).toEqual([])
    expect(ids(await find(reader.client, w, '&type=all'))).toEqual([])
    // Others still find both.
    expect(ids(await find(member.client, w, '&type=posts'))).toHaveLength(2)
  })
})

describe('people', () => {
  it('finds a member despite typos in their name', async () => {
    const surname = `Smith${word()}`
    const john = await createUser(payload, { name: 'John Smith', login: false })
    const other = await createUser(payload, { name: `Joan ${surname}`, login: false })
    const res = await find(member.client, 'Jonh Smiht', '&type=people&limit=50')
    expect(res.status).toBe(200)
    const hit = section(res, 'people').hits.find((h) => h.id === john.id)
    expect(hit).toMatchObject({ type: 'person', name: 'John Smith', url: expect.stringMatching(/^\/doctors\/john-smith/) })
    expect(ids(await find(anonymous, `Joan ${surname.slice(0, -1)}`, '&type=people'), 'people')).toContain(other.id)
  })

  it('lists only confirmed members of the directory, and not members blocked either way', async () => {
    const name = `Quentin ${word()}`
    const shown = await createUser(payload, { name, login: false })
    const unconfirmed = await createUser(payload, { name, login: false })
    await payload.update({ collection: 'users', id: unconfirmed.id, data: { _verified: false } as never, overrideAccess: true })
    const staff = await createUser(payload, { name, roles: ['moderator'], login: false })
    const blocker = await createUser(payload, { name })
    const reader = await createUser(payload)
    await blocker.client.put(`/users/${reader.id}/block`)
    expect(ids(await find(anonymous, name, '&type=people'), 'people').sort()).toEqual([shown.id, blocker.id].sort())
    const seen = ids(await find(reader.client, name, '&type=people'), 'people')
    expect(seen).toEqual([shown.id])
    expect(seen).not.toContain(unconfirmed.id)
    expect(seen).not.toContain(staff.id)
  })
})

describe('rooms', () => {
  it('finds rooms by name (typos too) and description, only those the viewer may see', async () => {
    const w = word()
    const open = await createRoom(payload, { name: `Cardiology ${w}`, visibility: 'public', description: 'Echo and ECG questions.' })
    const verifiedRoom = await createRoom(payload, { name: `Cardiology ${w} verified`, visibility: 'verified' })
    const described = await createRoom(payload, { name: `Heart ${w}`, visibility: 'members', description: `Discussions of arrhythmias and ${w}.` })
    expect(ids(await find(anonymous, w, '&type=rooms'), 'rooms')).toEqual([open.id])
    expect(ids(await find(member.client, w, '&type=rooms'), 'rooms').sort()).toEqual([open.id, described.id].sort())
    expect(ids(await find(verified.client, w, '&type=rooms'), 'rooms').sort()).toEqual([open.id, verifiedRoom.id, described.id].sort())
    // Words of the description count; the other rooms only share one word of the name with the query.
    expect(ids(await find(member.client, `arrhythmia ${w}`, '&type=rooms'), 'rooms')[0]).toBe(described.id)
    const typo = await find(member.client, `Cardiolgy ${w}`, '&type=rooms')
    expect(section(typo, 'rooms').hits[0]).toMatchObject({ id: open.id, url: `/rooms/${open.slug}` })
  })
})

describe('the specialty filter', () => {
  it('narrows posts and people to a specialty', async () => {
    const w = word()
    const specialty = await payload.create({ collection: 'specialties', data: { name: `Searchology ${w}`, slug: `searchology-${w}` } as never, overrideAccess: true })
    const tagged = await createPost(payload, author.id, { body: lexical(`Tagged ${w}`), specialties: [specialty.id] })
    const untagged = await createPost(payload, author.id, { body: lexical(`Untagged ${w}`) })
    expect(ids(await find(member.client, w, '&type=posts')).sort()).toEqual([tagged.id, untagged.id].sort())
    expect(ids(await find(member.client, w, `&type=posts&specialty=${specialty.id}`))).toEqual([tagged.id])

    const name = `Ursula ${w}`
    const main = await createUser(payload, { name, login: false })
    const sub = await createUser(payload, { name, login: false })
    const none = await createUser(payload, { name, login: false })
    await payload.update({ collection: 'users', id: main.id, data: { specialty: specialty.id } as never, overrideAccess: true })
    await payload.update({ collection: 'users', id: sub.id, data: { subSpecialties: [specialty.id] } as never, overrideAccess: true })
    expect(ids(await find(member.client, name, '&type=people'), 'people')).toContain(none.id)
    const filtered = ids(await find(member.client, name, `&type=people&specialty=${specialty.id}`), 'people')
    expect(filtered.sort()).toEqual([main.id, sub.id].sort())
  })
})

describe('all sections at once', () => {
  it('answers a few hits of each section', async () => {
    const w = word()
    const post = await createPost(payload, author.id, { body: lexical(`All ${w}`) })
    const room = await createRoom(payload, { name: `Room ${w}`, visibility: 'public' })
    const res = await find(member.client, w)
    expect(res.status).toBe(200)
    expect(res.body.sections.map((s: Section) => s.type)).toEqual(['posts', 'people', 'rooms', 'courses'])
    expect(ids(res, 'posts')).toEqual([post.id])
    expect(ids(res, 'rooms')).toEqual([room.id])
  })
})

describe('bad input', () => {
  it.each([
    ['', /Type something to search for/],
    ['?q=', /at least 2 characters/],
    ['?q=a', /at least 2 characters/],
    ['?q=%20%20b%20', /at least 2 characters/],
    [`?q=${'a'.repeat(201)}`, /at most 200 characters/],
    ['?q=!!!', /letters or digits/],
    ['?q=heart&type=lessons', /type must be one of/],
    ['?q=heart&limit=0', /limit must be from 1 to 50/],
    ['?q=heart&limit=51', /limit must be from 1 to 50/],
    ['?q=heart&limit=ten', /limit must be a whole number/],
    ['?q=heart&specialty=abc', /specialty must be a whole number/],
    ['?q=heart&type=posts&cursor=not-a-cursor', /cursor is not valid/],
    ['?q=heart&cursor=abc', /cursor belongs to one type/],
  ])('%s answers 400 with a clear message', async (query, message) => {
    const res = await anonymous.get(`/search${query}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })

  it('treats search syntax as words, never as SQL or a query error', async () => {
    for (const q of [`"unclosed`, `a & b | !c`, `'); drop table posts; --`, `-heart`, `or or`, `(((lung`, `cardio:*`]) {
      const res = await find(member.client, q)
      expect(res.status, q).toBe(200)
    }
  })
})

describe('cost', () => {
  it('a signed-in search of one section is one statement beyond authentication', async () => {
    const w = word()
    await createPost(payload, author.id, { body: lexical(`Cost ${w}`) })
    // The same request with an invalid query stops after authentication: that is the baseline.
    const auth = await countStatements(() => member.client.get('/search?q=x'))
    for (const type of ['posts', 'people', 'rooms', 'courses']) {
      const { count, texts } = await countStatements(() => find(member.client, w, `&type=${type}`))
      expect(count - auth.count, texts.join('\n')).toBeLessThanOrEqual(1)
    }
    const all = await countStatements(() => find(member.client, w))
    expect(all.count - auth.count, all.texts.join('\n')).toBeLessThanOrEqual(4)
    const anon = await countStatements(() => find(anonymous, w, '&type=posts'))
    expect(anon.count, anon.texts.join('\n')).toBe(1)
  })

  it('ranks a bounded set of candidates, with no count and no offset', async () => {
    const { texts } = await countStatements(() => find(member.client, word(), '&type=posts'))
    const statement = texts.find((t) => t.includes('search_vector'))!
    expect(statement).toMatch(/limit \$\d+\s*\), ranked as/)
    expect(statement).not.toMatch(/count\(|offset/i)
  })
})
