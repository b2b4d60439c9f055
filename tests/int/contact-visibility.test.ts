import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let owner: TestUser
const viewers: Record<string, RestClient> = {}

const CONTACT = {
  publicEmail: 'ada.clinic@example.test',
  publicEmailVisibility: 'public',
  phone: '+44 113 496 0000',
  phoneVisibility: 'members',
  website: 'https://ada.example.test',
  websiteVisibility: 'verified',
  location: 'Leeds General Infirmary',
  locationVisibility: 'private',
}
const LICENCE = { number: 'GMC-7654321', jurisdiction: 'United Kingdom' }

type Seen = { publicEmail: boolean; phone: boolean; website: boolean; location: boolean; email: boolean; licence: boolean }

/** What each kind of viewer is meant to see of the owner's profile. */
const EXPECTED: Record<string, Seen> = {
  anonymous: { publicEmail: true, phone: false, website: false, location: false, email: false, licence: false },
  member: { publicEmail: true, phone: true, website: false, location: false, email: false, licence: false },
  'verified doctor': { publicEmail: true, phone: true, website: true, location: false, email: false, licence: false },
  owner: { publicEmail: true, phone: true, website: true, location: true, email: true, licence: true },
  moderator: { publicEmail: true, phone: true, website: true, location: true, email: true, licence: true },
  admin: { publicEmail: true, phone: true, website: true, location: true, email: true, licence: true },
}

function seenIn(doc: Record<string, any>): Seen {
  return {
    publicEmail: doc.contact?.publicEmail === CONTACT.publicEmail,
    phone: doc.contact?.phone === CONTACT.phone,
    website: doc.contact?.website === CONTACT.website,
    location: doc.contact?.location === CONTACT.location,
    email: doc.email === owner.email,
    licence: doc.licence?.number === LICENCE.number,
  }
}

/** Every value the viewer must not see is absent from the whole answer, not only from its field. */
function expectNoLeak(body: unknown, expected: Seen, label: string) {
  const text = JSON.stringify(body)
  const values: [keyof Seen, string][] = [
    ['phone', CONTACT.phone],
    ['website', CONTACT.website],
    ['location', CONTACT.location],
    ['email', owner.email],
    ['licence', LICENCE.number],
  ]
  for (const [key, value] of values) if (!expected[key]) expect(text, `${label}: ${key}`).not.toContain(value)
}

beforeAll(async () => {
  payload = await testPayload()
  owner = await createUser(payload, { name: 'Ada Visibility' })
  const res = await owner.client.patch(`/users/${owner.id}`, { contact: CONTACT, licence: LICENCE })
  expect(res.status).toBe(200)
  const [member, verified, moderator, admin] = await Promise.all([
    createUser(payload),
    createUser(payload, { verificationStatus: 'verified' }),
    createUser(payload, { roles: ['moderator'] }),
    createUser(payload, { roles: ['admin'] }),
  ])
  Object.assign(viewers, {
    anonymous: new RestClient(),
    member: member.client,
    'verified doctor': verified.client,
    owner: owner.client,
    moderator: moderator.client,
    admin: admin.client,
  })
})

const GQL_FIELDS = 'id name email contact { publicEmail publicEmailVisibility phone website location } licence { number jurisdiction }'

describe.each(Object.keys(EXPECTED))('as %s', (viewer) => {
  it('REST findByID shows exactly the allowed contact details', async () => {
    const res = await viewers[viewer].get(`/users/${owner.id}`)
    expect(res.status).toBe(200)
    expect(res.body.name).toBe('Ada Visibility')
    expect(seenIn(res.body)).toEqual(EXPECTED[viewer])
    expectNoLeak(res.body, EXPECTED[viewer], viewer)
  })

  it('REST find shows the same', async () => {
    const res = await viewers[viewer].get(`/users?where[id][equals]=${owner.id}`)
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(1)
    expect(seenIn(res.body.docs[0])).toEqual(EXPECTED[viewer])
    expectNoLeak(res.body, EXPECTED[viewer], viewer)
  })

  it('GraphQL User and Users show the same', async () => {
    const res = await viewers[viewer].graphql(
      `query ($id: Int!) { User(id: $id) { ${GQL_FIELDS} } Users(where: { id: { equals: $id } }) { docs { ${GQL_FIELDS} } } }`,
      { id: owner.id },
    )
    expect(res.body.errors).toBeUndefined()
    expect(seenIn(res.body.data.User)).toEqual(EXPECTED[viewer])
    expect(seenIn(res.body.data.Users.docs[0])).toEqual(EXPECTED[viewer])
    expectNoLeak(res.body, EXPECTED[viewer], viewer)
  })
})

describe('contact details cannot be found out indirectly', () => {
  it('filtering or sorting on a hidden detail gives nothing away', async () => {
    for (const viewer of ['anonymous', 'member']) {
      const client = viewers[viewer]
      for (const path of [
        `/users?where[contact.location][equals]=${encodeURIComponent(CONTACT.location)}`,
        `/users?where[contact.website][like]=ada`,
        `/users?where[email][equals]=${encodeURIComponent(owner.email)}`,
        `/users?where[licence.number][equals]=${LICENCE.number}`,
      ]) {
        const res = await client.get(path)
        const found = (res.body?.docs ?? []).some((d: { id: number }) => d.id === owner.id)
        expect(found, `${viewer} ${path}`).toBe(false)
      }
    }
  })

  it('a populated relationship carries no more than the user itself', async () => {
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#0e7490' } }).png().toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'Ada', owner: owner.id } as never,
      file: { data: png, mimetype: 'image/png', name: 'ada-visibility.png', size: png.length },
      overrideAccess: true,
    })
    for (const viewer of ['anonymous', 'member', 'verified doctor']) {
      const res = await viewers[viewer].get(`/media/${media.id}?depth=1`)
      expect(res.status).toBe(200)
      expect(res.body.owner?.id).toBe(owner.id)
      // Over REST a populated member is only their public card (the users collection's defaultPopulate).
      const none = Object.fromEntries(Object.keys(EXPECTED[viewer]).map((k) => [k, false]))
      expect(seenIn(res.body.owner)).toEqual(none)
      expect(res.body.owner.name).toBeTruthy()
      expectNoLeak(res.body, none as never, `${viewer} via media.owner`)
      const gql = await viewers[viewer].graphql(`query ($id: Int!) { Media(id: $id) { owner { ${GQL_FIELDS} } } }`, { id: media.id })
      expect(seenIn(gql.body.data.Media.owner)).toEqual(EXPECTED[viewer])
      expectNoLeak(gql.body, EXPECTED[viewer], `${viewer} via GraphQL Media.owner`)
    }
  })
})

describe('visibility settings', () => {
  it('a new detail is private until its owner says otherwise', async () => {
    const user = await createUser(payload)
    await user.client.patch(`/users/${user.id}`, { contact: { phone: '+44 20 7946 0000' } })
    const member = viewers.member
    expect((await member.get(`/users/${user.id}`)).body.contact?.phone).toBeUndefined()
    expect((await user.client.get(`/users/${user.id}`)).body.contact?.phone).toBe('+44 20 7946 0000')
    await user.client.patch(`/users/${user.id}`, { contact: { phoneVisibility: 'members' } })
    expect((await member.get(`/users/${user.id}`)).body.contact?.phone).toBe('+44 20 7946 0000')
  })

  it('nobody else can change a member’s visibility settings', async () => {
    const res = await viewers.member.patch(`/users/${owner.id}`, { contact: { locationVisibility: 'public' } })
    expect(res.status).toBe(403)
    const row = (await payload.db.findOne({ collection: 'users', where: { id: { equals: owner.id } } })) as Record<string, any>
    expect(row.contact.locationVisibility).toBe('private')
  })

  it('a profile whose email is not confirmed is not visible to other members at all', async () => {
    const pending = await createUser(payload, { login: false })
    await payload.db.updateOne({ collection: 'users', id: pending.id, data: { _verified: false } })
    expect((await viewers.member.get(`/users/${pending.id}`)).status).toBe(404)
    expect((await viewers.anonymous.get(`/users?where[id][equals]=${pending.id}`)).body.docs).toHaveLength(0)
    expect((await viewers.moderator.get(`/users/${pending.id}`)).status).toBe(200)
  })
})
