/**
 * The access matrix: every collection of the Payload config x every role x every REST and GraphQL
 * operation, on the caller's own documents and on someone else's, tried for real and compared with
 * the intended policy in access-policy.ts. A collection without a policy fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatNames, toWords, type Field, type Payload, type SanitizedCollectionConfig } from 'payload'
import { collectionDefaults } from 'payload/shared'

import { collections as declaredCollections } from '../../collections'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser } from '../helpers/users'
import { ACCESS_POLICY, ROLES, type CollectionPolicy, type Role, type Rule } from './access-policy'

const config = await (await import('@payload-config')).default
const SLUGS: string[] = config.collections.map((c) => c.slug)
const OPERATIONS = ['find', 'read', 'create', 'update', 'delete'] as const
type Operation = (typeof OPERATIONS)[number]
type Target = 'own' | 'other' | 'any' | 'new'
type Api = 'REST' | 'GraphQL'
type Outcome = { result: 'allowed' | 'denied' | 'inconsistent'; detail: string }

/** How many cells were tried: collection x role x operation x target x API. */
export const matrix = { cells: 0, collections: new Set<string>(), roles: new Set<Role>(), operations: new Set<string>() }

let payload: Payload
const actors = {} as Record<Role, { client: RestClient; id?: number }>
let otherUserId: number
let schema: { queries: Set<string>; mutations: Set<string>; types: Set<string> }
let sequence = 0
const marker = (slug: string) => `matrix-${slug.replace(/[^a-z]/g, '')}-${Date.now().toString(36)}${(sequence++).toString(36)}`

const ROLE_SETUP: Record<Exclude<Role, 'anonymous'>, Parameters<typeof createUser>[1]> = {
  member: { roles: ['member'] },
  verified: { roles: ['member'], verificationStatus: 'verified' },
  instructor: { roles: ['instructor'] },
  moderator: { roles: ['moderator'] },
  editor: { roles: ['editor'] },
  admin: { roles: ['admin'] },
}

beforeAll(async () => {
  payload = await testPayload()
  actors.anonymous = { client: new RestClient() }
  await Promise.all(
    (Object.keys(ROLE_SETUP) as Exclude<Role, 'anonymous'>[]).map(async (role) => {
      const user = await createUser(payload, ROLE_SETUP[role])
      actors[role] = { client: user.client, id: user.id }
    }),
  )
  otherUserId = (await createUser(payload, { login: false })).id
  const introspection = await actors.admin.client.graphql(
    `query { __schema { queryType { fields { name } } mutationType { fields { name } } types { name } } }`,
  )
  const s = introspection.body.data.__schema
  schema = {
    queries: new Set(s.queryType.fields.map((f: { name: string }) => f.name)),
    mutations: new Set(s.mutationType.fields.map((f: { name: string }) => f.name)),
    types: new Set(s.types.map((t: { name: string }) => t.name)),
  }
}, 120_000)

afterAll(() => {
  const size = `${matrix.collections.size} collections x ${matrix.roles.size} roles x ${matrix.operations.size} operations`
  console.log(`Access matrix: ${size} = ${matrix.cells} cells tried over REST and GraphQL`)
})

// ---------------------------------------------------------------------------------------------------
// The policy

const allowedBy = (rule: Rule, target: Target, role: Role) => {
  const who = Array.isArray(rule) ? rule : target === 'own' ? (rule as { own: readonly Role[] }).own : (rule as { other: readonly Role[] }).other
  return (who as readonly Role[]).includes(role)
}

// ---------------------------------------------------------------------------------------------------
// Documents to act on

function dataFields(fields: Field[]): Field[] {
  return fields.flatMap((f) => {
    if ('name' in f && f.name) return [f]
    if (f.type === 'tabs') return f.tabs.flatMap((t) => ('name' in t && t.name ? [{ ...t, type: 'group' } as unknown as Field] : dataFields(t.fields)))
    if ('fields' in f) return dataFields(f.fields)
    return []
  })
}

/** The smallest valid document: every required field gets a plain value of its type. */
async function generate(fields: Field[], mark: string): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {}
  let marked = false
  for (const field of dataFields(fields)) {
    if (!('name' in field) || !('required' in field && field.required) || field.name === 'id') continue
    const f = field as Field & { name: string; required?: boolean; hasMany?: boolean; min?: number; maxLength?: number }
    switch (f.type) {
      case 'text':
      case 'textarea':
      case 'code':
        data[f.name] = (marked ? `${mark}-${f.name}` : mark).slice(0, f.maxLength ?? 200)
        marked = true
        break
      case 'email':
        data[f.name] = `${mark}@example.test`
        break
      case 'number':
        data[f.name] = f.hasMany ? [f.min ?? 1] : (f.min ?? 1)
        break
      case 'select':
      case 'radio': {
        const first = f.options[0]
        const value = typeof first === 'string' ? first : first.value
        data[f.name] = f.type === 'select' && f.hasMany ? [value] : value
        break
      }
      case 'checkbox':
        data[f.name] = false
        break
      case 'date':
        data[f.name] = new Date().toISOString()
        break
      case 'json':
        data[f.name] = {}
        break
      case 'point':
        data[f.name] = [0, 0]
        break
      case 'group':
        data[f.name] = await generate(f.fields, mark)
        break
      case 'relationship':
      case 'upload': {
        const relationTo = f.relationTo
        const slug = Array.isArray(relationTo) ? relationTo[0] : relationTo
        const value = await anyDocument(slug)
        const one = Array.isArray(relationTo) ? { relationTo: slug, value } : value
        data[f.name] = f.hasMany ? [one] : one
        break
      }
      default:
        throw new Error(`No value generator for required ${f.type} field "${f.name}": add seed/createBody to access-policy.ts`)
    }
  }
  return data
}

async function anyDocument(slug: string): Promise<number> {
  if (slug === 'users') return otherUserId
  const found = (await payload.find({ collection: slug as never, limit: 1, depth: 0, overrideAccess: true })) as unknown as { docs: { id: number }[] }
  if (found.docs[0]) return found.docs[0].id
  return seed(slug)
}

/** Stores a document through the Local API, owned by `owner` if the collection has owners. */
async function seed(slug: string, owner?: number): Promise<number> {
  const policy = ACCESS_POLICY[slug]
  const mark = marker(slug)
  if (policy.seed) return policy.seed({ payload, marker: mark }, owner)
  const collection = collectionConfig(slug)
  const data = await generate(collection.fields, mark)
  let user: Record<string, unknown> | undefined
  if (policy.owner && policy.owner !== 'self' && owner !== undefined) {
    data[policy.owner.field] = policy.owner.polymorphic ? { relationTo: 'users', value: owner } : owner
    // Hooks that take the owner from the signed-in user (payload-preferences) see the owner.
    user = { ...(await payload.findByID({ collection: 'users', id: owner, depth: 0, overrideAccess: true })), collection: 'users' }
  }
  const doc = (await payload.create({ collection: slug as never, data: data as never, overrideAccess: true, user: user as never })) as unknown as { id: number }
  return doc.id
}

const collectionConfig = (slug: string) =>
  (payload.collections as unknown as Record<string, { config: SanitizedCollectionConfig }>)[slug].config

const stored = async (slug: string, id: number) =>
  (await payload.find({ collection: slug as never, where: { id: { equals: id } }, depth: 0, overrideAccess: true, showHiddenFields: true }))
    .docs[0] as Record<string, unknown> | undefined

/** The field an update changes: the policy's choice, or the first plain text field anyone may write. */
function updateField(slug: string): string {
  const chosen = ACCESS_POLICY[slug].updateField
  if (chosen) return chosen
  const collection = collectionConfig(slug)
  const field = dataFields(collection.fields).find(
    (f) =>
      'name' in f &&
      (f.type === 'text' || f.type === 'textarea') &&
      !f.access?.update &&
      !('unique' in f && f.unique) &&
      !('hidden' in f && f.hidden) &&
      !f.admin?.readOnly,
  )
  if (!field || !('name' in field)) throw new Error(`${slug}: no text field to update; set updateField in access-policy.ts`)
  return field.name
}

let spareUserId: number | null = null

/** A new value for the update field: text gets a marker, a relationship to users another member. */
async function updateValue(slug: string, field: string): Promise<string | number> {
  const config = dataFields(collectionConfig(slug).fields).find((f) => 'name' in f && f.name === field)
  if (config?.type === 'relationship' && config.relationTo === 'users' && !config.hasMany) {
    spareUserId ??= (await createUser(payload, { login: false })).id
    return spareUserId
  }
  return `${marker(slug)}-updated`
}

// ---------------------------------------------------------------------------------------------------
// Trying an operation

const FORBIDDEN = /not allowed to perform this action|Unauthorized|Forbidden/i
const DENIED_STATUS = new Set([401, 403, 404, 405, 501])

function graphqlNames(collection: SanitizedCollectionConfig) {
  const fromSlug = formatNames(collection.slug)
  const gql = (typeof collection.graphQL === 'object' ? collection.graphQL : {}) as { singularName?: string; pluralName?: string }
  const singular = gql.singularName ? toWords(gql.singularName, true) : fromSlug.singular
  let plural = gql.pluralName ? toWords(gql.pluralName, true) : fromSlug.plural
  if (singular === plural) plural = `all${singular}`
  return { singular, plural }
}

/** A route that a collection's own endpoint answers instead of Payload's default (payload-preferences' /:key). */
function shadowed(collection: SanitizedCollectionConfig, method: 'get' | 'delete') {
  return (collection.endpoints || []).some((e) => e.method === method && /^\/:[^/]+$/.test(e.path))
}

function graphqlOutcome(body: any, field: string): { data: any; denied: boolean; detail: string } {
  const data = body?.data?.[field] ?? null
  const messages = (body?.errors ?? []).map((e: { message: string }) => e.message)
  return { data, denied: messages.some((m: string) => FORBIDDEN.test(m)), detail: messages.join('; ') || (data ? 'data' : 'no data') }
}

async function attempt(api: Api, slug: string, op: Operation, role: Role, target: Target): Promise<Outcome | null> {
  const collection = collectionConfig(slug)
  const policy = ACCESS_POLICY[slug]
  const names = graphqlNames(collection)
  const actor = actors[role]
  let client = actor.client

  if (api === 'REST' && ((op === 'read' && shadowed(collection, 'get')) || (op === 'delete' && shadowed(collection, 'delete')))) return null

  // The document to act on.
  let id: number | undefined
  if (op !== 'create') {
    if (target === 'own' && policy.owner === 'self') {
      if (op === 'delete') {
        // Deleting oneself: a fresh account of the same role, signed in.
        const fresh = await createUser(payload, ROLE_SETUP[role as Exclude<Role, 'anonymous'>])
        client = fresh.client
        id = fresh.id
      } else id = actor.id
    } else if (target === 'own') id = await seed(slug, actor.id)
    else if (target === 'other') id = policy.owner === 'self' && op !== 'delete' ? otherUserId : await seed(slug, otherUserId)
    else id = await seed(slug)
  }

  switch (op) {
    case 'find': {
      if (api === 'REST') {
        const res = await client.get(`/${slug}?where[id][equals]=${id}&depth=0`)
        if (res.status === 200) {
          const seen = (res.body.docs ?? []).some((d: { id: number }) => d.id === id)
          return { result: seen ? 'allowed' : 'denied', detail: `200, ${seen ? 'listed' : 'not listed'}` }
        }
        return { result: DENIED_STATUS.has(res.status) ? 'denied' : 'inconsistent', detail: `${res.status} ${JSON.stringify(res.body).slice(0, 160)}` }
      }
      if (!schema.queries.has(names.plural)) return { result: 'denied', detail: 'not in the GraphQL schema' }
      const res = await client.graphql(`query { ${names.plural}(where: { id: { equals: ${id} } }, limit: 5) { docs { id } } }`)
      const out = graphqlOutcome(res.body, names.plural)
      if (out.data) {
        const seen = out.data.docs.some((d: { id: number }) => d.id === id)
        return { result: seen ? 'allowed' : 'denied', detail: seen ? 'listed' : 'not listed' }
      }
      return { result: out.denied ? 'denied' : 'inconsistent', detail: out.detail }
    }

    case 'read': {
      if (api === 'REST') {
        const res = await client.get(`/${slug}/${id}?depth=0`)
        if (res.status === 200 && res.body?.id === id) return { result: 'allowed', detail: '200' }
        return { result: DENIED_STATUS.has(res.status) ? 'denied' : 'inconsistent', detail: `${res.status} ${JSON.stringify(res.body).slice(0, 160)}` }
      }
      if (!schema.queries.has(names.singular)) return { result: 'denied', detail: 'not in the GraphQL schema' }
      const res = await client.graphql(`query { ${names.singular}(id: ${id}) { id } }`)
      const out = graphqlOutcome(res.body, names.singular)
      if (out.data?.id === id) return { result: 'allowed', detail: 'data' }
      return { result: out.denied || !res.body.errors || /not found/i.test(out.detail) ? 'denied' : 'inconsistent', detail: out.detail }
    }

    case 'create': {
      const mark = marker(slug)
      const body = policy.createBody ? await policy.createBody({ payload, marker: mark }) : null
      const data = body ? null : await generate(collection.fields, mark)
      const where = policy.createdWhere?.(mark) ?? firstTextWhere(data)
      const createdCount = async () => (where ? (await payload.count({ collection: slug as never, where: where as never, overrideAccess: true })).totalDocs : 0)
      if (api === 'REST') {
        const res = await client.post(`/${slug}`, body ? body.rest : data)
        const count = await createdCount()
        if (res.status === 201 && (count === 1 || !where)) return { result: 'allowed', detail: '201' }
        if (DENIED_STATUS.has(res.status) && count === 0) return { result: 'denied', detail: String(res.status) }
        return { result: 'inconsistent', detail: `${res.status}, ${count} stored: ${JSON.stringify(res.body).slice(0, 200)}` }
      }
      const mutation = `create${names.singular}`
      if (!schema.mutations.has(mutation)) return { result: 'denied', detail: 'not in the GraphQL schema' }
      const inputType = `mutation${names.singular}Input`
      const res = await client.graphql(`mutation ($data: ${inputType}!) { ${mutation}(data: $data) { id } }`, { data: body ? body.graphql : data })
      const out = graphqlOutcome(res.body, mutation)
      const count = await createdCount()
      if (out.data?.id && (count === 1 || !where)) return { result: 'allowed', detail: 'created' }
      if (out.denied && count === 0) return { result: 'denied', detail: out.detail }
      // An upload needs a file, which GraphQL cannot carry: getting past access control to that error is "allowed".
      if (collection.upload && /No files were uploaded|file/i.test(out.detail) && count === 0) return { result: 'allowed', detail: out.detail }
      return { result: 'inconsistent', detail: `${out.detail}, ${count} stored` }
    }

    case 'update': {
      const field = updateField(slug)
      const value = await updateValue(slug, field)
      const before = (await stored(slug, id!))?.[field]
      const changed = async () => (await stored(slug, id!))?.[field] === value
      if (api === 'REST') {
        const res = await client.patch(`/${slug}/${id}`, { [field]: value })
        const ok = await changed()
        if (res.status === 200 && ok) return { result: 'allowed', detail: '200' }
        if (DENIED_STATUS.has(res.status) && !ok && (await stored(slug, id!))?.[field] === before) return { result: 'denied', detail: String(res.status) }
        return { result: 'inconsistent', detail: `${res.status}, changed=${ok}: ${JSON.stringify(res.body).slice(0, 200)}` }
      }
      const mutation = `update${names.singular}`
      if (!schema.mutations.has(mutation)) return { result: 'denied', detail: 'not in the GraphQL schema' }
      const res = await client.graphql(`mutation ($data: mutation${names.singular}UpdateInput!) { ${mutation}(id: ${id}, data: $data) { id } }`, {
        data: { [field]: value },
      })
      const out = graphqlOutcome(res.body, mutation)
      const ok = await changed()
      if (out.data?.id === id && ok) return { result: 'allowed', detail: 'updated' }
      if (!out.data && !ok && (out.denied || /not found/i.test(out.detail))) return { result: 'denied', detail: out.detail }
      return { result: 'inconsistent', detail: `${out.detail}, changed=${ok}` }
    }

    case 'delete': {
      const exists = async () => Boolean(await stored(slug, id!))
      if (api === 'REST') {
        const res = await client.delete(`/${slug}/${id}`)
        const still = await exists()
        if (res.status === 200 && !still) return { result: 'allowed', detail: '200' }
        if (DENIED_STATUS.has(res.status) && still) return { result: 'denied', detail: String(res.status) }
        return { result: 'inconsistent', detail: `${res.status}, still there=${still}: ${JSON.stringify(res.body).slice(0, 200)}` }
      }
      const mutation = `delete${names.singular}`
      if (!schema.mutations.has(mutation)) return { result: 'denied', detail: 'not in the GraphQL schema' }
      const res = await client.graphql(`mutation { ${mutation}(id: ${id}) { id } }`)
      const out = graphqlOutcome(res.body, mutation)
      const still = await exists()
      if (out.data?.id === id && !still) return { result: 'allowed', detail: 'deleted' }
      if (!out.data && still && (out.denied || /not found/i.test(out.detail))) return { result: 'denied', detail: out.detail }
      return { result: 'inconsistent', detail: `${out.detail}, still there=${still}` }
    }
  }
}

function firstTextWhere(data: Record<string, unknown> | null) {
  const entry = Object.entries(data ?? {}).find(([, v]) => typeof v === 'string' && v.startsWith('matrix-'))
  return entry ? { [entry[0]]: { equals: entry[1] } } : undefined
}

function targetsFor(policy: CollectionPolicy, op: Operation, role: Role): Target[] {
  if (op === 'create') return ['new']
  if (!policy.owner) return ['any']
  return role === 'anonymous' ? ['other'] : ['own', 'other']
}

async function runMatrix(slug: string, api: Api) {
  const policy = ACCESS_POLICY[slug]
  const mismatches: string[] = []
  for (const role of ROLES) {
    for (const op of OPERATIONS) {
      for (const target of targetsFor(policy, op, role)) {
        const rule = op === 'create' ? policy.create : policy[op]
        const expected = allowedBy(rule, target, role) ? 'allowed' : 'denied'
        const outcome = await attempt(api, slug, op, role, target)
        if (!outcome) continue
        matrix.cells++
        matrix.collections.add(slug)
        matrix.roles.add(role)
        matrix.operations.add(`${op}${target === 'own' || target === 'other' ? ` ${target}` : ''}`)
        if (outcome.result !== expected) mismatches.push(`${api} ${op} ${target} as ${role}: expected ${expected}, got ${outcome.result} (${outcome.detail})`)
      }
    }
  }
  return mismatches
}

// ---------------------------------------------------------------------------------------------------

describe('every collection states its policy', () => {
  it.each(SLUGS)('%s has an entry in access-policy.ts', (slug) => {
    expect(ACCESS_POLICY[slug], `add "${slug}" to tests/int/access-policy.ts`).toBeDefined()
  })

  it('and the policy names no collection that does not exist', () => {
    expect(Object.keys(ACCESS_POLICY).filter((slug) => !SLUGS.includes(slug))).toEqual([])
  })
})

describe("no collection relies on Payload's default access (any logged-in user)", () => {
  it.each(SLUGS)('%s has its own read, create, update and delete access', (slug) => {
    const collection = config.collections.find((c) => c.slug === slug)!
    for (const op of ['read', 'create', 'update', 'delete'] as const) {
      expect(typeof collection.access[op], `${slug}.access.${op}`).toBe('function')
      expect(collection.access[op] === collectionDefaults.access![op], `${slug}.access.${op} is Payload's default`).toBe(false)
    }
  })

  it.each(declaredCollections.map((c) => c.slug))('%s declares all four in its own file', (slug) => {
    const collection = declaredCollections.find((c) => c.slug === slug)!
    for (const op of ['read', 'create', 'update', 'delete'] as const) {
      expect(typeof collection.access?.[op], `${slug}.access.${op}`).toBe('function')
    }
  })
})

describe.each(SLUGS.filter((slug) => ACCESS_POLICY[slug]))('%s', (slug) => {
  it.each(['REST', 'GraphQL'] as Api[])('over %s, every role gets exactly what the policy says', async (api) => {
    expect(await runMatrix(slug, api)).toEqual([])
  }, 180_000)
})

describe("Payload's own preference endpoints (/payload-preferences/:key)", () => {
  it.each(ROLES)('as %s: only admin-panel users keep preferences', async (role) => {
    const client = actors[role].client
    const key = marker('prefs')
    const allowed = ['instructor', 'moderator', 'editor', 'admin'].includes(role)
    const write = await client.post(`/payload-preferences/${key}`, { value: { columns: ['x'.repeat(1000)] } })
    expect(write.status, 'POST').toBe(allowed ? 200 : 403)
    const read = await client.get(`/payload-preferences/${key}`)
    expect(read.status, 'GET').toBe(allowed ? 200 : 403)
    const stored = await payload.count({ collection: 'payload-preferences', where: { key: { equals: key } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(allowed ? 1 : 0)
    const remove = await client.delete(`/payload-preferences/${key}`)
    expect(remove.status, 'DELETE').toBe(allowed ? 200 : 403)
  })
})

describe('the matrix', () => {
  it('was tried in full', () => {
    expect(matrix.cells).toBeGreaterThan(0)
    expect(matrix.collections.size).toBe(SLUGS.length)
    expect([...matrix.roles].sort()).toEqual([...ROLES].sort())
  })
})
