import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { TwoFactorStep } from '@/components/auth/TwoFactorStep'
import { getViewer } from '@/lib/session'
import { safeNext } from '@/lib/safeNext'

export const metadata: Metadata = { title: 'Two-step sign-in' }

type Props = { searchParams: Promise<{ next?: string | string[] }> }

/**
 * The second step of logging in. A login that still owes its second factor counts as signed out
 * everywhere, so a viewer here has already finished and goes on.
 */
export default async function TwoFactorLoginPage({ searchParams }: Props) {
  const { next } = await searchParams
  const target = safeNext(typeof next === 'string' ? next : undefined)
  if (await getViewer()) redirect(target)
  return (
    <div className="auth auth--two-factor">
      <TwoFactorStep next={target} />
      <p className="auth__foot">
        Not you? <Link href={`/login?next=${encodeURIComponent(target)}`}>Log in with another account</Link>
      </p>
    </div>
  )
}
