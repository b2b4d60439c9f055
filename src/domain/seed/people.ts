import { Faker, en, base } from '@faker-js/faker'

import type { User } from '../../../payload-types'
import { slugify } from '@/lib/slugify'
import { writeBio } from './bios'
import { GRADES, inSentence, REGIONS, type Region } from './regions'
import { SPECIALTIES, type SpecialtySeed } from './specialties'

/** Every demo account's address ends with this, so a reseed can find them again. */
export const DEMO_EMAIL_DOMAIN = 'rounds.local'
/** Fixed, so two runs produce the same people. */
export const DEMO_FAKER_SEED = 20261123

type Visibility = User['contact']['publicEmailVisibility']

export type DemoPerson = {
  /** What the account is for, as shown in the login instructions: "admin", "doctor" ... */
  label: string
  email: string
  name: string
  honorific?: User['honorific']
  title?: string
  bio?: string
  roles: User['roles']
  verificationStatus: User['verificationStatus']
  tier: User['tier']
  specialty?: string
  subSpecialties?: string[]
  licence?: { number: string; jurisdiction: string }
  contact: Partial<User['contact']>
  points: number
  level: number
  loginStreak: number
}

const demoEmail = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`

/** The staff and special-role accounts; the administrator's address may come from ADMIN_EMAIL. */
function staff(adminEmail?: string): DemoPerson[] {
  const location = (place: string): Partial<User['contact']> => ({ location: place, locationVisibility: 'public' })
  return [
    {
      label: 'admin',
      email: adminEmail?.trim().toLowerCase() || demoEmail('admin'),
      name: 'Alex Morgan',
      title: 'Platform administrator',
      roles: ['admin'],
      verificationStatus: 'verified',
      tier: 'free',
      contact: location('London, United Kingdom'),
      points: 0,
      level: 1,
      loginStreak: 0,
    },
    {
      label: 'moderator',
      email: demoEmail('moderator'),
      name: 'Priya Raman',
      honorific: 'Dr',
      title: 'Community moderator; consultant in emergency medicine',
      bio: 'Dr Raman has worked in emergency medicine for twelve years and moderates the Rounds community. Reports of unprofessional posts reach her first.',
      roles: ['moderator'],
      verificationStatus: 'verified',
      tier: 'premium',
      specialty: 'emergency-medicine',
      licence: { number: 'GMC 7051834', jurisdiction: 'General Medical Council (UK)' },
      contact: location('Leeds, United Kingdom'),
      points: 2150,
      level: 4,
      loginStreak: 21,
    },
    {
      label: 'editor',
      email: demoEmail('editor'),
      name: 'Sam Whitfield',
      title: 'Medical editor',
      bio: 'Edits clinical articles and course pages for Rounds after ten years at a medical journal.',
      roles: ['editor'],
      verificationStatus: 'unverified',
      tier: 'free',
      contact: location('Bristol, United Kingdom'),
      points: 0,
      level: 1,
      loginStreak: 0,
    },
    {
      label: 'instructor',
      email: demoEmail('instructor'),
      name: 'Margaret Osei',
      honorific: 'Prof',
      title: 'Professor of cardiology and course lead',
      bio: 'Prof Osei leads the heart failure service at a university hospital in Manchester. She writes and teaches the Rounds courses on echocardiography and heart failure.',
      roles: ['instructor', 'member'],
      verificationStatus: 'verified',
      tier: 'premium',
      specialty: 'internal-medicine',
      subSpecialties: ['cardiology'],
      licence: { number: 'GMC 4420917', jurisdiction: 'General Medical Council (UK)' },
      contact: { ...location('Manchester, United Kingdom'), publicEmail: demoEmail('instructor'), publicEmailVisibility: 'members' },
      points: 4200,
      level: 8,
      loginStreak: 34,
    },
    {
      label: 'expert',
      email: demoEmail('expert'),
      name: 'Tomás Herrera',
      honorific: 'Dr',
      title: 'Consultant nephrologist',
      bio: "Dr Herrera runs the home dialysis program at a teaching hospital in Madrid. He answers members' questions on kidney disease as a Rounds expert.",
      roles: ['expert', 'member'],
      verificationStatus: 'verified',
      tier: 'premium',
      specialty: 'internal-medicine',
      subSpecialties: ['nephrology'],
      licence: { number: '282851146', jurisdiction: 'Ilustre Colegio Oficial de Médicos de Madrid' },
      contact: location('Madrid, Spain'),
      points: 3100,
      level: 6,
      loginStreak: 12,
    },
    {
      label: 'sponsor',
      email: demoEmail('sponsor'),
      name: 'Meridian Health Partners',
      title: 'Sponsor of continuing medical education',
      bio: 'Meridian Health Partners funds independent continuing medical education on Rounds.',
      roles: ['sponsor'],
      verificationStatus: 'unverified',
      tier: 'free',
      contact: { website: 'https://meridian-health.example.com', websiteVisibility: 'public' },
      points: 0,
      level: 1,
      loginStreak: 0,
    },
  ]
}

const VISIBILITIES: Array<{ value: Visibility; weight: number }> = [
  { value: 'public', weight: 3 },
  { value: 'members', weight: 3 },
  { value: 'verified', weight: 2 },
  { value: 'private', weight: 2 },
]

/** Doctors from many countries, spread over the specialties, reproducible from DEMO_FAKER_SEED. */
function doctors(count: number, taken: Set<string>): DemoPerson[] {
  const f = new Faker({ locale: [en, base] })
  f.seed(DEMO_FAKER_SEED)
  const regional = new Map<Region, Faker>()
  const fakerFor = (region: Region) => {
    let rf = regional.get(region)
    if (!rf) {
      rf = new Faker({ locale: region.locale })
      rf.seed(DEMO_FAKER_SEED + REGIONS.indexOf(region))
      regional.set(region, rf)
    }
    return rf
  }
  const order = f.helpers.shuffle([...SPECIALTIES])
  const people: DemoPerson[] = []

  for (let i = 0; i < count; i++) {
    const region = f.helpers.weightedArrayElement(REGIONS.map((r) => ({ value: r, weight: r.weight })))
    const rf = fakerFor(region)
    const sex = rf.person.sexType() === 'female' ? 'female' : 'male'
    let first = ''
    let last = ''
    let local = ''
    do {
      first = region.names ? rf.helpers.arrayElement(region.names[sex]) : rf.person.firstName(sex)
      last = region.names ? rf.helpers.arrayElement(region.names.last) : rf.person.lastName(sex)
      local = `${slugify(first)}.${slugify(last)}`
    } while (taken.has(local) || !/^[a-z]/.test(local))
    taken.add(local)

    const parent = order[i % order.length]
    const sub: SpecialtySeed | undefined =
      parent.children?.length && f.datatype.boolean({ probability: 0.75 }) ? f.helpers.arrayElement(parent.children) : undefined
    const focus = sub ?? parent
    const grade = f.helpers.arrayElement(GRADES[region.grades])
    const title = grade.title(focus.practitioner, inSentence(focus.name))
    const title0 = title[0].toUpperCase() + title.slice(1)
    const honorific: User['honorific'] = grade.professor ? 'Prof' : 'Dr'
    const place = f.helpers.arrayElement(region.places)
    const hospital = f.helpers.arrayElement(region.hospitals(place.localName ?? place.city))
    const verificationStatus = f.helpers.weightedArrayElement<User['verificationStatus']>([
      { value: 'verified', weight: 6 },
      { value: 'pending', weight: 2.5 },
      { value: 'unverified', weight: 1.5 },
    ])
    const hasLicence = verificationStatus !== 'unverified' || f.datatype.boolean({ probability: 0.3 })
    const points = grade.trainee ? f.number.int({ min: 0, max: 1500 }) : f.number.int({ min: 50, max: 4800 })
    const email = demoEmail(local)
    // The doctor's own field first; the parent specialty's main interest only fills a fourth place.
    const interests = [...f.helpers.shuffle([...focus.interests]), ...(sub ? parent.interests.slice(0, 1) : [])]

    people.push({
      label: 'doctor',
      email,
      name: `${first} ${last}`,
      honorific,
      title: title0,
      bio: writeBio(f, {
        addressed: `${honorific} ${last}`,
        title: title0,
        field: inSentence(focus.name),
        hospital,
        city: place.city,
        trainedIn: f.helpers.arrayElement(REGIONS.flatMap((r) => r.places.map((p) => p.city))),
        interests,
        trainee: Boolean(grade.trainee),
        startYear: f.number.int({ min: grade.trainee ? 2021 : 2004, max: 2024 }),
      }),
      roles: ['member'],
      verificationStatus,
      tier: f.helpers.weightedArrayElement<User['tier']>([
        { value: 'free', weight: 7 },
        { value: 'premium', weight: 3 },
      ]),
      specialty: parent.slug,
      subSpecialties: sub ? [sub.slug] : [],
      licence: hasLicence ? { number: place.licence(rf), jurisdiction: place.jurisdiction } : undefined,
      contact: {
        location: `${place.city}, ${region.country}`,
        locationVisibility: f.helpers.weightedArrayElement([
          { value: 'public' as Visibility, weight: 8 },
          { value: 'members' as Visibility, weight: 2 },
        ]),
        ...(f.datatype.boolean({ probability: 0.6 })
          ? { publicEmail: email, publicEmailVisibility: f.helpers.weightedArrayElement(VISIBILITIES) }
          : {}),
        ...(f.datatype.boolean({ probability: 0.5 })
          ? { phone: region.phone(rf, place.city), phoneVisibility: f.helpers.weightedArrayElement(VISIBILITIES) }
          : {}),
        ...(f.datatype.boolean({ probability: 0.25 })
          ? { website: `https://${slugify(`${first}-${last}`)}.example.com`, websiteVisibility: 'public' as Visibility }
          : {}),
      },
      points,
      level: 1 + Math.floor(points / 600),
      loginStreak: f.number.int({ min: 0, max: grade.trainee ? 20 : 45 }),
    })
  }
  return people
}

/** The demo cast: staff first, then `doctorCount` doctors. */
export function demoPeople(opts: { doctors?: number; adminEmail?: string } = {}): DemoPerson[] {
  const team = staff(opts.adminEmail)
  const taken = new Set(team.map((p) => p.email.split('@')[0]))
  return [...team, ...doctors(opts.doctors ?? 30, taken)]
}
