import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'

/** What a profile's completeness is judged on: public fields, and whether private ones are filled. */
export type ProfileFacts = {
  hasPhoto: boolean
  title: string | null
  bio: string | null
  specialty: string | null
  subSpecialties: string[]
  hasLicence: boolean
  verificationStatus: string
  hasLocation: boolean
}

export type ProfileItem = { key: string; label: string; hint: string; href: string; weight: number; done: boolean }

const GOOD_BIO = 80

/**
 * The items of a complete profile, by how much each helps colleagues find and trust a doctor. Weights
 * add up to 100, so the percentage is the sum of what is done.
 */
function items(f: ProfileFacts): ProfileItem[] {
  const bio = f.bio?.trim() ?? ''
  const pending = f.verificationStatus === 'pending'
  return [
    { key: 'photo', weight: 20, done: f.hasPhoto, href: '/profile#avatar-file', label: 'Add a profile photo', hint: 'Colleagues recognise a face: members with a photo are followed more.' },
    { key: 'specialty', weight: 15, done: Boolean(f.specialty), href: '/profile', label: 'Choose your main specialty', hint: 'It decides which colleagues and posts Rounds suggests to you.' },
    {
      key: 'bio',
      weight: 15,
      done: bio.length >= GOOD_BIO,
      href: '/profile',
      label: bio ? 'Say a little more in your bio' : 'Write a short bio',
      hint: 'A few lines on your practice and interests, at least 80 characters.',
    },
    {
      key: 'verification',
      weight: 15,
      done: f.verificationStatus === 'verified',
      href: '/profile',
      label: pending ? 'Verification in progress' : 'Get verified',
      hint: pending ? 'We are checking your licence details.' : 'Verified doctors carry a badge and can read posts for verified doctors only.',
    },
    { key: 'title', weight: 10, done: Boolean(f.title?.trim()), href: '/profile', label: 'Add your job title and workplace', hint: 'For example "Consultant cardiologist, St Mary\'s Hospital".' },
    { key: 'subSpecialties', weight: 10, done: f.subSpecialties.length > 0, href: '/profile', label: 'Add your sub-specialties', hint: 'They bring you posts and colleagues closer to your work.' },
    { key: 'licence', weight: 10, done: f.hasLicence, href: '/profile', label: 'Add your licence details', hint: 'Needed for verification; only you and our staff see them.' },
    { key: 'location', weight: 5, done: f.hasLocation, href: '/profile', label: 'Add your city', hint: 'Helps colleagues nearby find you; you choose who sees it.' },
  ]
}

export type Completeness = { percent: number; items: ProfileItem[]; suggestions: ProfileItem[] }

/** The percentage and what to do next, most useful first (a pending verification waits last). */
export function completeness(facts: ProfileFacts): Completeness {
  const all = items(facts)
  const percent = all.filter((i) => i.done).reduce((sum, i) => sum + i.weight, 0)
  const todo = all.filter((i) => !i.done)
  const rank = (i: ProfileItem) => (i.key === 'verification' && facts.verificationStatus === 'pending' ? -1 : i.weight)
  // Verification needs licence details first: ask for them before asking to be verified.
  const suggestions = todo.sort((a, b) => rank(b) - rank(a) || (a.key === 'licence' ? -1 : b.key === 'licence' ? 1 : 0))
  return { percent, items: all, suggestions }
}

/** A member's profile facts in one statement (names of specialties, never private values). */
export async function profileFacts(payload: Payload, userId: number): Promise<ProfileFacts | null> {
  const [row] = await query<{
    has_photo: boolean
    title: string | null
    bio: string | null
    specialty: string | null
    subs: string[] | null
    has_licence: boolean
    verification_status: string
    has_location: boolean
  }>(
    payload,
    sql`select u.avatar_id is not null as has_photo, u.title, u.bio, sp.name as specialty,
               array(select s.name from users_rels r join specialties s on s.id = r.specialties_id
                     where r.parent_id = u.id and r.path = 'subSpecialties' order by r."order") as subs,
               (coalesce(btrim(u.licence_number), '') <> '' and coalesce(btrim(u.licence_jurisdiction), '') <> '') as has_licence,
               u.verification_status, coalesce(btrim(u.contact_location), '') <> '' as has_location
        from users u left join specialties sp on sp.id = u.specialty_id where u.id = ${userId}`,
  )
  if (!row) return null
  return {
    hasPhoto: row.has_photo,
    title: row.title,
    bio: row.bio,
    specialty: row.specialty,
    subSpecialties: row.subs ?? [],
    hasLicence: row.has_licence,
    verificationStatus: row.verification_status,
    hasLocation: row.has_location,
  }
}
