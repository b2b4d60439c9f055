import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { LoginForm } from '@/components/auth/LoginForm'
import { SocialButtons } from '@/components/social/SocialButtons'
import { getViewer } from '@/lib/session'
import { safeNext } from '@/lib/safeNext'

export const metadata: Metadata = { title: 'Log in' }

type Props = { searchParams: Promise<{ next?: string | string[] }> }

export default async function LoginPage({ searchParams }: Props) {
  const { next } = await searchParams
  const target = safeNext(typeof next === 'string' ? next : undefined)
  if (await getViewer()) redirect(target)
  return (
    <div className="auth">
      <div className="page-head">
        <span className="eyebrow">Welcome back</span>
        <h1>Log in to Rounds</h1>
      </div>
      <div className="card">
        <SocialButtons next={target} />
        <LoginForm next={target} />
      </div>
      <p className="auth__foot">
        New to Rounds? <Link href="/signup">Create an account</Link>
      </p>
    </div>
  )
}
