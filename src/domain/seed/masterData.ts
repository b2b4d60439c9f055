import type { Payload } from 'payload'

import { eachLimit } from './concurrency'
import { flattenSpecialties, SPECIALTIES, type SpecialtySeed } from './specialties'

export type SpecialtiesResult = { created: number; updated: number; total: number }

type Row = { id: number; slug: string; name: string; parent?: number | { id: number } | null; description?: string | null }

const parentId = (row: Row) => (row.parent && typeof row.parent === 'object' ? row.parent.id : (row.parent ?? null))

/**
 * Upserts the specialties by slug; runs on every start, production included, because it is master
 * data. The list in code decides names and the hierarchy; a description edited in the admin is kept.
 * Costs one query when nothing changed.
 */
export async function seedSpecialties(payload: Payload, list: SpecialtySeed[] = SPECIALTIES): Promise<SpecialtiesResult> {
  const { docs } = await payload.find({
    collection: 'specialties',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { slug: true, name: true, parent: true, description: true },
  })
  const bySlug = new Map((docs as Row[]).map((d) => [d.slug, d]))
  let created = 0
  let updated = 0

  const upsert = async (entry: SpecialtySeed & { parentSlug?: string }) => {
    const parent = entry.parentSlug ? (bySlug.get(entry.parentSlug)?.id ?? null) : null
    const existing = bySlug.get(entry.slug)
    if (!existing) {
      const doc = await payload.create({
        collection: 'specialties',
        data: { slug: entry.slug, name: entry.name, parent, description: entry.description },
        depth: 0,
        overrideAccess: true,
      })
      bySlug.set(entry.slug, { id: doc.id, slug: entry.slug, name: entry.name, parent })
      created++
      return
    }
    const changes: Partial<Row> = {}
    if (existing.name !== entry.name) changes.name = entry.name
    if (parentId(existing) !== parent) changes.parent = parent
    if (!existing.description && entry.description) changes.description = entry.description
    if (Object.keys(changes).length === 0) return
    await payload.update({
      collection: 'specialties',
      id: existing.id,
      data: changes as Record<string, unknown>,
      depth: 0,
      overrideAccess: true,
    })
    bySlug.set(entry.slug, { ...existing, ...changes })
    updated++
  }
  // Parents first, so that every child finds its parent's id.
  const entries = flattenSpecialties(list)
  await eachLimit(entries.filter((e) => !e.parentSlug), 2, upsert)
  await eachLimit(entries.filter((e) => e.parentSlug), 2, upsert)
  if (created || updated) payload.logger.info(`Specialties: ${created} added, ${updated} updated (${bySlug.size} in all)`)
  return { created, updated, total: bySlug.size }
}

/** Slug to id of every specialty, for the demo people. */
export async function specialtyIds(payload: Payload): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection: 'specialties',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { slug: true },
  })
  return new Map(docs.map((d) => [d.slug, d.id]))
}
