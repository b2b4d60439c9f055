/**
 * Courses in search: published courses only, found by the words of their title and summary (kept in
 * a tsvector the database maintains), a title close to the query despite a typo, the specialty filter,
 * keyset pages, and one statement per section.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { query, sql } from '@/db/sql'
import { createCourse } from '../helpers/learning'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { countStatements } from '../helpers/social'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let member: TestUser
const anonymous = new RestClient()

/** A made-up word no other course contains (random letters share no trigrams either). */
const word = () => Array.from({ length: 9 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('')

type Hit = { id: number; type: string; [k: string]: any }
const courseHits = (res: { body: { sections: { type: string; hits: Hit[]; nextCursor: string | null }[] } }) =>
  res.body.sections.find((s) => s.type === 'courses')!
const find = (client: RestClient, q: string, extra = '') => client.get(`/search?q=${encodeURIComponent(q)}&type=courses${extra}`)

let specialties: number[] = []
beforeAll(async () => {
  payload = await testPayload()
  member = await createUser(payload)
  for (const name of ['Cardiology', 'Emergency medicine']) {
    const slug = `search-courses-${word()}`
    const doc = await payload.create({ collection: 'specialties', data: { name: `${name} ${slug}`, slug } as never, overrideAccess: true })
    specialties.push(Number(doc.id))
  }
}, 60_000)

describe('courses in search', () => {
  it('finds published courses by title and summary words (stemmed), title first, never drafts', async () => {
    const w = word()
    const inTitle = await createCourse(payload, { data: { title: `Managing ${w} in practice`, summary: 'A practical course.' } })
    const inSummary = await createCourse(payload, { data: { title: 'Another course', summary: `How clinicians recognise ${w} presentations early.` } })
    const draft = await createCourse(payload, { data: { title: `Draft ${w}`, _status: 'draft' } })

    const res = await find(anonymous, w)
    expect(res.status).toBe(200)
    const hits = courseHits(res).hits
    expect(hits.map((h) => h.id)).toEqual([inTitle.id, inSummary.id])
    expect(hits.map((h) => h.id)).not.toContain(draft.id)
    expect(hits[0]).toMatchObject({ type: 'course', url: `/learn/${inTitle.slug}`, slug: inTitle.slug, pricing: 'free', level: 'intermediate' })
    expect(hits[1].snippet.some((s: { text: string; match?: boolean }) => s.match && s.text.toLowerCase() === w)).toBe(true)

    // Stemming: "presentation" finds "presentations" (the other course comes by its title's likeness).
    expect(courseHits(await find(member.client, `${w} presentation`)).hits.map((h) => h.id)).toContain(inSummary.id)
    expect(courseHits(await find(member.client, `${w} lecture`)).hits.map((h) => h.id)).not.toContain(inSummary.id)
  })

  it('keeps the search vector up to date when a course is edited and drops unpublished ones', async () => {
    const w = word()
    const course = await createCourse(payload, { data: { title: 'Plain title' } })
    expect(courseHits(await find(member.client, w)).hits).toEqual([])
    await payload.update({ collection: 'courses', id: course.id, data: { summary: `Now about ${w}.` } as never, overrideAccess: true })
    expect(courseHits(await find(member.client, w)).hits.map((h) => h.id)).toEqual([course.id])
    await payload.update({ collection: 'courses', id: course.id, data: { _status: 'draft' } as never, overrideAccess: true })
    expect(courseHits(await find(member.client, w)).hits).toEqual([])
  })

  it('forgives a typo in the title', async () => {
    const w = word()
    const course = await createCourse(payload, { data: { title: `Cardiology ${w}` } })
    const typo = `${w.slice(0, 4)}${w[5]}${w[4]}${w.slice(6)}`
    expect(courseHits(await find(member.client, `cardiolgy ${typo}`)).hits.map((h) => h.id)).toContain(course.id)
  })

  it('filters by specialty and appears among the sections of an "all" search', async () => {
    const w = word()
    const cardio = await createCourse(payload, { data: { title: `Heart ${w}`, specialty: specialties[0] } })
    const emergency = await createCourse(payload, { data: { title: `Trauma ${w}`, specialty: specialties[1] } })
    expect(courseHits(await find(member.client, w, `&specialty=${specialties[0]}`)).hits.map((h) => h.id)).toEqual([cardio.id])
    expect(courseHits(await find(member.client, w, `&specialty=${specialties[1]}`)).hits.map((h) => h.id)).toEqual([emergency.id])
    const all = await member.client.get(`/search?q=${w}`)
    expect(all.body.sections.map((s: { type: string }) => s.type)).toContain('courses')
    expect(courseHits(all).hits.map((h) => h.id).sort()).toEqual([cardio.id, emergency.id].sort())
  })

  it('pages by keyset cursor without repeating or skipping a course', async () => {
    const w = word()
    const made: number[] = []
    for (let i = 0; i < 5; i++) made.push((await createCourse(payload, { data: { title: `Module ${w} ${i}` } })).id)
    const seen: number[] = []
    let cursor: string | null = null
    for (let page = 0; page < 5; page++) {
      const res = await find(member.client, w, `&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      const section = courseHits(res)
      seen.push(...section.hits.map((h) => h.id))
      cursor = section.nextCursor
      if (!cursor) break
    }
    expect(seen.sort()).toEqual(made.sort())
  })

  it('searches courses in one statement, from a GIN index on the generated column', async () => {
    const w = word()
    await createCourse(payload, { data: { title: `Budget ${w}` } })
    const { count, texts } = await countStatements(() => find(anonymous, w))
    expect(count, texts.join('\n')).toBe(1)
    const [column] = await query<{ generated: string; expr: string | null }>(
      payload,
      sql`select is_generated as generated, generation_expression as expr from information_schema.columns where table_name = 'courses' and column_name = 'search_vector'`,
    )
    expect(column.generated).toBe('ALWAYS')
    const indexes = await query<{ indexdef: string }>(payload, sql`select indexdef from pg_indexes where tablename = 'courses' and indexname = 'courses_search_vector_idx'`)
    expect(indexes[0].indexdef).toMatch(/USING gin/)
  })
})
