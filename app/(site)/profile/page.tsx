import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { EngagementSummary } from '@/components/engagement/EngagementSummary'
import { ProfileCompleteness } from '@/components/recommendations/ProfileCompleteness'
import { SettingsNav } from '@/components/settings/SettingsNav'
import { AvatarUpload } from '@/components/profile/AvatarUpload'
import { ProfileForm, type ProfileValues, type SpecialtyOption } from '@/components/profile/ProfileForm'
import { VerifiedIcon } from '@/components/site/icons'
import { mediaUrl } from '@/lib/media'
import { relationId } from '@/lib/relation'
import { getViewer, payloadInstance } from '@/lib/session'
import type { User } from '../../../payload-types'

export const metadata: Metadata = { title: 'My profile' }

const STATUS_LABEL: Record<User['verificationStatus'], string> = {
  unverified: 'Not verified yet',
  pending: 'Verification pending',
  verified: 'Verified doctor',
  rejected: 'Verification declined',
  expired: 'Verification expired',
  revoked: 'Verification revoked',
}

/** Every specialty, a page of 100 at a time (the API's ceiling), as options grouped by parent. */
async function loadSpecialties(): Promise<SpecialtyOption[]> {
  const payload = await payloadInstance()
  const options: SpecialtyOption[] = []
  for (let page = 1; page <= 20; page++) {
    const res = await payload.find({
      collection: 'specialties',
      overrideAccess: false,
      depth: 0,
      limit: 100,
      page,
      sort: 'name',
      select: { name: true, parent: true },
    })
    for (const s of res.docs) {
      const parent = s.parent && typeof s.parent === 'object' ? s.parent.id : (s.parent ?? null)
      options.push({ id: s.id, name: s.name, parent })
    }
    if (!res.hasNextPage) break
  }
  return options
}

export default async function ProfilePage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/profile')
  const payload = await payloadInstance()
  const [me, specialties] = await Promise.all([
    payload.findByID({ collection: 'users', id: viewer.id, overrideAccess: false, user: viewer, depth: 1, populate: { specialties: { name: true } } }),
    loadSpecialties(),
  ])
  const user = me as User
  const contact = user.contact ?? ({} as User['contact'])
  const values: ProfileValues = {
    honorific: user.honorific ?? '',
    name: user.name ?? '',
    title: user.title ?? '',
    bio: user.bio ?? '',
    specialty: relationId(user.specialty),
    subSpecialties: (user.subSpecialties ?? []).map(relationId).filter((v): v is number => v !== null),
    licence: { number: user.licence?.number ?? '', jurisdiction: user.licence?.jurisdiction ?? '' },
    contact: {
      publicEmail: contact.publicEmail ?? '',
      publicEmailVisibility: contact.publicEmailVisibility ?? 'private',
      phone: contact.phone ?? '',
      phoneVisibility: contact.phoneVisibility ?? 'private',
      website: contact.website ?? '',
      websiteVisibility: contact.websiteVisibility ?? 'private',
      location: contact.location ?? '',
      locationVisibility: contact.locationVisibility ?? 'private',
    },
  }
  const avatar = typeof user.avatar === 'object' && user.avatar ? user.avatar : null
  const status = user.verificationStatus ?? 'unverified'

  return (
    <>
      <div className="page-head">
        <span className="eyebrow">My profile</span>
        <h1>Your profile</h1>
        <p>
          Signed in as {user.email}.{' '}
          {user.handle ? (
            <>
              Your public page is <Link href={`/doctors/${user.handle}`}>/doctors/{user.handle}</Link>.
            </>
          ) : null}
        </p>
      </div>
      <SettingsNav />
      <div className="profile-layout">
        <aside className="profile-aside" aria-label="Photo and standing">
          <div className="card">
            <AvatarUpload userId={user.id} name={user.name} initialUrl={mediaUrl(avatar, 'card')} />
          </div>
          <section className="card" aria-labelledby="standing-title">
            <h2 id="standing-title" className="visually-hidden">
              Standing
            </h2>
            <ul className="badges" style={{ marginBottom: '0.9rem' }}>
              <li className={`badge ${status === 'verified' ? 'badge--verified' : status === 'pending' ? 'badge--pending' : ''}`}>
                {status === 'verified' ? <VerifiedIcon /> : null}
                {STATUS_LABEL[status]}
              </li>
              <li className="badge">
                <span className="visually-hidden">Membership: </span>
                {user.tier[0]!.toUpperCase() + user.tier.slice(1)} member
              </li>
            </ul>
            <Link href="/settings/verification">{status === 'verified' ? 'Your licence verification' : 'Verify your licence'}</Link>
          </section>
          <EngagementSummary userId={user.id} showRecent />
          <ProfileCompleteness userId={user.id} />
        </aside>
        <ProfileForm userId={user.id} initial={values} specialties={specialties} />
      </div>
    </>
  )
}
