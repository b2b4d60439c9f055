import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { SignupForm } from '@/components/auth/SignupForm'
import { SocialButtons } from '@/components/social/SocialButtons'
import { getViewer } from '@/lib/session'

export const metadata: Metadata = { title: 'Join' }

export default async function SignupPage() {
  if (await getViewer()) redirect('/profile')
  return (
    <div className="auth">
      <div className="page-head">
        <span className="eyebrow">Join Rounds</span>
        <h1>Create your account</h1>
        <p>Free for doctors. We will email you a code to confirm your address.</p>
      </div>
      <div className="card">
        <SocialButtons />
        <SignupForm />
      </div>
      <p className="auth__foot">
        Already a member? <Link href="/login">Log in</Link>
      </p>
    </div>
  )
}
