import type { Payload, Where } from 'payload'

import { publicUrl } from '@/lib/publicUrl'
import { normalizeEmail, PRIVATE_CONTACT } from './admin'
import { AVATAR_PREFIX, uploadAvatar } from './avatars'
import { eachLimit } from './concurrency'
import { specialtyIds } from './masterData'
import { demoPassword } from './password'
import { DEMO_EMAIL_DOMAIN, demoPeople, type DemoPerson } from './people'
import { removeLearningDemo, seedLearningDemo } from './learning'
import { removeSocialDemo, seedSocialDemo } from './social'

export type DemoOptions = {
  /** The shared password; random when unset. */
  password?: string
  /** The demo administrator's address (ADMIN_EMAIL), instead of admin@rounds.local. */
  adminEmail?: string
  /** How many doctors besides the staff accounts (30). */
  doctors?: number
  /** Rooms, follows, posts, comments, reactions and a conversation among the new accounts (on). */
  social?: boolean
  /** Courses taught by the demo instructor, with enrollments and progress of a few doctors (on). */
  learning?: boolean
}

export type DemoAccount = { label: string; email: string; name: string; id: number; created: boolean }
export type DemoResult = { url: string; password: string; accounts: DemoAccount[]; seconds: number }

async function createPerson(payload: Payload, person: DemoPerson, password: string, specialties: Map<string, number>) {
  const stem = person.email.split('@')[0].replace(/[^a-z0-9-]+/g, '-')
  const avatar = await uploadAvatar(payload, person.name, stem)
  const user = await payload.create({
    collection: 'users',
    data: {
      email: person.email,
      password,
      name: person.name,
      honorific: person.honorific,
      title: person.title,
      bio: person.bio,
      avatar,
      roles: person.roles,
      verificationStatus: person.verificationStatus,
      tier: person.tier,
      specialty: person.specialty ? specialties.get(person.specialty) : undefined,
      subSpecialties: (person.subSpecialties ?? []).map((slug) => specialties.get(slug)).filter((id): id is number => id != null),
      licence: person.licence,
      contact: { ...PRIVATE_CONTACT, ...person.contact },
      points: person.points,
      level: person.level,
      loginStreak: person.loginStreak,
      _verified: true,
    },
    disableVerificationEmail: true,
    overrideAccess: true,
    depth: 0,
  })
  // The member owns their picture, so they may replace or delete it later.
  await payload.update({ collection: 'media', id: avatar, data: { owner: user.id }, overrideAccess: true, depth: 0 })
  return user
}

/**
 * Creates the demo accounts (staff, special roles and doctors with avatars) that do not exist yet.
 * Every new account gets the same password; an existing account is left exactly as it is.
 */
export async function seedDemo(payload: Payload, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now()
  const people = demoPeople({ doctors: opts.doctors, adminEmail: opts.adminEmail })
  const { docs: existing } = await payload.find({
    collection: 'users',
    where: { email: { in: people.map((p) => normalizeEmail(p.email)) } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { email: true, name: true },
  })
  const existingByEmail = new Map(existing.map((u) => [u.email, u]))
  const missing = people.filter((p) => !existingByEmail.has(p.email))
  const password = demoPassword(opts.password, missing.map((p) => p.email))
  const specialties = await specialtyIds(payload)

  const created = new Map<string, number>()
  await eachLimit(missing, 2, async (person) => {
    const user = await createPerson(payload, person, password, specialties)
    created.set(person.email, user.id)
  })

  // The network and the catalogue are seeded with a fresh cast only: an existing one already has its
  // activity. The administrator does not count: ADMIN_EMAIL's account is made before the demo cast.
  const adminEmails = new Set(people.filter((p) => p.label === 'admin').map((p) => normalizeEmail(p.email)))
  const freshCast = existing.every((u) => adminEmails.has(u.email))
  if (freshCast && opts.social !== false) await seedSocialDemo(payload, [...created.values()])
  if (freshCast && opts.learning !== false) {
    const idsOf = (wanted: (p: DemoPerson) => boolean) => missing.filter(wanted).map((p) => created.get(p.email)!)
    await seedLearningDemo(payload, {
      instructors: idsOf((p) => Boolean(p.roles?.includes('instructor'))),
      doctors: idsOf((p) => p.verificationStatus === 'verified' && p.roles?.length === 1 && p.roles[0] === 'member'),
    })
  }

  const accounts = people.map((p) => {
    const before = existingByEmail.get(p.email)
    return { label: p.label, email: p.email, name: before?.name ?? p.name, id: before?.id ?? created.get(p.email)!, created: !before }
  })
  const seconds = Math.round((Date.now() - started) / 100) / 10
  payload.logger.info(`Demo data: ${created.size} accounts created in ${seconds} s`)
  return { url: publicUrl(), password, accounts, seconds }
}

/**
 * Removes what the demo seed made: its avatars, and its accounts (every address at the demo domain),
 * or every account when `allUsers` is set (a reseed of the embedded database).
 */
export async function removeDemo(payload: Payload, opts: { allUsers?: boolean } = {}) {
  const users: Where = opts.allUsers ? { id: { exists: true } } : { email: { like: `@${DEMO_EMAIL_DOMAIN}` } }
  const media: Where = { filename: { like: AVATAR_PREFIX } }
  const { docs: leaving } = await payload.find({ collection: 'users', where: users, pagination: false, depth: 0, overrideAccess: true, select: {} })
  await removeSocialDemo(payload, leaving.map((u) => Number(u.id)))
  await removeLearningDemo(payload, leaving.map((u) => Number(u.id)))
  const removedUsers = await deleteAll(payload, 'users', users)
  const removedMedia = await deleteAll(payload, 'media', media)
  payload.logger.info(`Removed ${removedUsers} accounts and ${removedMedia} demo avatars`)
  return { users: removedUsers, media: removedMedia }
}

/** One document at a time: a bulk delete runs its queries in parallel on one transaction client. */
async function deleteAll(payload: Payload, collection: 'users' | 'media', where: Where) {
  let removed = 0
  for (;;) {
    const { docs } = await payload.find({ collection, where, limit: 100, depth: 0, overrideAccess: true, select: {} })
    if (docs.length === 0) return removed
    await eachLimit(docs, 2, async (doc) => {
      await payload.delete({ collection, id: doc.id, overrideAccess: true, depth: 0 })
      removed++
    })
  }
}
