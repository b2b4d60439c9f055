import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { displayName, specialtyName, websiteHref } from '@/components/doctors/format'
import { MemberStats } from '@/components/doctors/MemberStats'
import { ProfileActions } from '@/components/messages/ProfileActions'
import { relationship } from '@/domain/social/graph'
import { authorPostsPage } from '@/domain/social/postLists'
import { meCard } from '@/components/posts/load'
import { PostFeed } from '@/components/posts/PostFeed'
import feedStyles from '@/components/feed/feed.module.css'
import { Avatar } from '@/components/site/Avatar'
import { VerifiedIcon } from '@/components/site/icons'
import { mediaUrl } from '@/lib/media'
import { getViewer, getViewerAvatar, payloadInstance } from '@/lib/session'
import type { User } from '../../../../payload-types'

type Props = { params: Promise<{ handle: string }> }

const HANDLE = /^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/

/**
 * One doctor, read as the viewer: the collection's access hides unconfirmed accounts and each contact
 * field's read access drops details outside their chosen audience, so whatever comes back may be shown.
 */
const loadDoctor = cache(async (handle: string): Promise<User | null> => {
  if (!HANDLE.test(handle)) return null
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const { docs } = await payload.find({
    collection: 'users',
    overrideAccess: false,
    user: viewer ?? undefined,
    where: { handle: { equals: handle } },
    limit: 1,
    pagination: false,
    depth: 1,
    populate: { specialties: { name: true } },
  })
  return (docs[0] as User | undefined) ?? null
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doctor = await loadDoctor((await params).handle)
  if (!doctor) return { title: 'Doctor not found' }
  return {
    title: displayName(doctor),
    description: [doctor.title, specialtyName(doctor.specialty)].filter(Boolean).join(' · ') || undefined,
  }
}

export default async function DoctorPage({ params }: Props) {
  const { handle } = await params
  const [doctor, viewer] = await Promise.all([loadDoctor(handle), getViewer()])
  if (!doctor) notFound()

  const name = displayName(doctor)
  const specialty = specialtyName(doctor.specialty)
  const subSpecialties = (doctor.subSpecialties ?? []).map(specialtyName).filter((s): s is string => Boolean(s))
  const avatar = typeof doctor.avatar === 'object' ? mediaUrl(doctor.avatar, 'card') : null
  const contact = doctor.contact ?? ({} as User['contact'])
  const website = websiteHref(contact.website)
  const isSelf = viewer && String(viewer.id) === String(doctor.id)
  const payload = await payloadInstance()
  const [standing, posts, avatarUrl] = await Promise.all([
    viewer && !isSelf ? relationship(payload, Number(viewer.id), Number(doctor.id)) : null,
    authorPostsPage(payload, viewer, Number(doctor.id)),
    viewer ? getViewerAvatar() : null,
  ])
  const me = viewer ? await meCard(payload, viewer, avatarUrl) : null
  const details: { label: string; value: React.ReactNode }[] = [
    contact.publicEmail ? { label: 'Email', value: <a href={`mailto:${contact.publicEmail}`}>{contact.publicEmail}</a> } : null,
    contact.phone ? { label: 'Phone', value: <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a> } : null,
    contact.website
      ? {
          label: 'Website',
          value: website ? (
            <a href={website} rel="nofollow noopener noreferrer ugc" target="_blank">
              {contact.website}
            </a>
          ) : (
            contact.website
          ),
        }
      : null,
    contact.location ? { label: 'Location', value: contact.location } : null,
  ].filter((d) => d !== null)

  return (
    <article className="doctor" aria-labelledby="doctor-name">
      <header className="doctor__head">
        <Avatar name={doctor.name} src={avatar} size={112} loading="eager" />
        <div>
          <h1 id="doctor-name">{name}</h1>
          {doctor.title ? <p className="doctor__title">{doctor.title}</p> : null}
          <ul className="badges" aria-label="Standing">
            {doctor.verificationStatus === 'verified' ? (
              <li className="badge badge--verified">
                <VerifiedIcon /> Verified doctor
              </li>
            ) : null}
            {specialty ? <li className="badge">{specialty}</li> : null}
          </ul>
        </div>
      </header>

      {/* engagement */}

      {!isSelf ? (
        <ProfileActions
          userId={Number(doctor.id)}
          name={name}
          signedIn={Boolean(viewer)}
          following={Boolean(standing?.following)}
          blocking={Boolean(standing?.blocking)}
          followers={doctor.followerCount ?? 0}
          followingCount={doctor.followingCount ?? 0}
        />
      ) : null}

      {isSelf ? (
        <p className="alert alert--info">
          This is your public profile. Each contact detail is shown only to the audience you chose.{' '}
          <Link href="/profile">Edit your profile</Link>
        </p>
      ) : null}

      <div className="doctor__body">
        <div className="card">
          <h2>About</h2>
          {doctor.bio ? <p className="bio">{doctor.bio}</p> : <p className="muted">{doctor.name} has not written a bio yet.</p>}
          {subSpecialties.length ? (
            <>
              <h3 style={{ marginTop: '1.25rem' }}>Sub-specialties</h3>
              <ul className="chips">
                {subSpecialties.map((s) => (
                  <li key={s} className="chip">
                    {s}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div style={{ display: 'grid', gap: '1rem' }}>
          <MemberStats member={doctor} label="Activity" />
          <section className="card" aria-labelledby="contact-title">
            <h2 id="contact-title">Contact</h2>
            {details.length ? (
              <dl className="contact-list">
                {details.map((d) => (
                  <div key={d.label}>
                    <dt>{d.label}</dt>
                    <dd>{d.value}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">
                {viewer ? 'No contact details are shared with you.' : 'No public contact details. Members may see more.'}
              </p>
            )}
          </section>
        </div>
      </div>

      <section className={feedStyles.profilePosts} aria-labelledby="posts-title">
        <h2 id="posts-title">{isSelf ? 'Your posts' : 'Posts'}</h2>
        <PostFeed
          initial={posts}
          source={`/api/posts/cards?kind=author&author=${doctor.id}`}
          me={me}
          label={`Posts by ${name}`}
          empty={
            isSelf ? (
              <p>
                You have not posted yet. <Link href="/">Write your first post</Link>
              </p>
            ) : (
              <p>No posts to show.</p>
            )
          }
        />
      </section>
    </article>
  )
}
