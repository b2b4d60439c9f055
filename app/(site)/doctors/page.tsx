import type { Metadata } from 'next'
import Link from 'next/link'

import { DoctorCard } from '@/components/doctors/DoctorCard'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Doctors', description: 'Doctors on Rounds, by name, title and specialty.' }

const PER_PAGE = 24

type Props = { searchParams: Promise<{ page?: string | string[] }> }

export default async function DoctorsPage({ searchParams }: Props) {
  const { page: raw } = await searchParams
  const page = Math.min(Math.max(Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1, 1), 10_000)
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  // As the viewer, so that the collection's read access and each field's read access decide what is listed.
  const result = await payload.find({
    collection: 'users',
    overrideAccess: false,
    user: viewer ?? undefined,
    // Doctors only: staff and sponsor accounts are not part of the directory.
    where: { and: [{ handle: { exists: true } }, { roles: { in: ['member'] } }] },
    sort: 'name',
    limit: PER_PAGE,
    page,
    depth: 1,
    select: { name: true, honorific: true, handle: true, title: true, avatar: true, specialty: true, verificationStatus: true },
    populate: { media: { url: true, sizes: true }, specialties: { name: true } },
  })
  const { docs, totalPages, totalDocs } = result
  return (
    <>
      <div className="page-head">
        <span className="eyebrow">Directory</span>
        <h1>Doctors</h1>
        <p>
          {totalDocs === 1 ? 'One doctor is' : `${totalDocs.toLocaleString('en')} doctors are`} on Rounds.
          {viewer ? null : (
            <>
              {' '}
              <Link href="/signup">Join</Link> to see the contact details members share with each other.
            </>
          )}
        </p>
      </div>
      {docs.length ? (
        <ul className="directory">
          {docs.map((doctor) => (
            <li key={doctor.id}>
              <DoctorCard doctor={doctor as never} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{page > 1 ? 'There is nobody on this page.' : 'No doctors yet.'}</p>
      )}
      {totalPages > 1 ? (
        <nav className="pager" aria-label="Pages">
          {page > 1 ? (
            <Link className="button button--quiet" href={page === 2 ? '/doctors' : `/doctors?page=${page - 1}`} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span className="placeholder" />
          )}
          <span className="pager__status" aria-current="page">
            Page {page} of {totalPages}
          </span>
          {page < totalPages ? (
            <Link className="button button--quiet" href={`/doctors?page=${page + 1}`} rel="next">
              Next →
            </Link>
          ) : (
            <span className="placeholder" />
          )}
        </nav>
      ) : null}
    </>
  )
}
