import Link from 'next/link'

import type { User } from '../../../payload-types'
import { mediaUrl } from '@/lib/media'
import { Avatar } from '../site/Avatar'
import { VerifiedIcon } from '../site/icons'
import { displayName, specialtyName } from './format'

export function DoctorCard({ doctor }: { doctor: User }) {
  const name = displayName(doctor)
  const avatar = typeof doctor.avatar === 'object' ? mediaUrl(doctor.avatar, 'thumbnail') : null
  const specialty = specialtyName(doctor.specialty)
  return (
    <Link href={`/doctors/${doctor.handle}`} className="doctor-card">
      <Avatar name={doctor.name} src={avatar} size={56} />
      <span>
        <span className="doctor-card__name">
          {name}
          {doctor.verificationStatus === 'verified' ? (
            <span className="badge badge--verified" style={{ marginLeft: '0.4rem', padding: '0 0.4rem' }} title="Verified doctor">
              <VerifiedIcon />
              <span className="visually-hidden">Verified doctor</span>
            </span>
          ) : null}
        </span>
        {doctor.title ? <span className="doctor-card__title">{doctor.title}</span> : null}
        {specialty ? <span className="doctor-card__specialty">{specialty}</span> : null}
      </span>
    </Link>
  )
}
