import type { Metadata } from 'next'
import Link from 'next/link'

import { VerifyForm } from '@/components/auth/VerifyForm'

export const metadata: Metadata = { title: 'Confirm your email' }

type Props = { searchParams: Promise<{ email?: string | string[] }> }

export default async function VerifyPage({ searchParams }: Props) {
  const { email } = await searchParams
  const address = typeof email === 'string' ? email.slice(0, 254) : ''
  return (
    <div className="auth">
      <div className="page-head">
        <span className="eyebrow">One more step</span>
        <h1>Confirm your email</h1>
      </div>
      <div className="card">
        <VerifyForm email={address} />
      </div>
      <p className="auth__foot">
        Wrong address? <Link href="/signup">Sign up again</Link>
      </p>
    </div>
  )
}
