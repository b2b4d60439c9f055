import type { Metadata } from 'next'
import Link from 'next/link'

import { ResetPasswordForm } from '@/components/auth/ResetPasswordForm'
import { FormAlert } from '@/components/forms/FormAlert'

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' }

type Props = { searchParams: Promise<{ token?: string | string[] }> }

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams
  const value = typeof token === 'string' && /^[0-9a-f]{20,128}$/i.test(token) ? token : null
  return (
    <div className="auth">
      <div className="page-head">
        <h1>Choose a new password</h1>
        <p>Once it is saved you are signed in, and every other session of your account ends.</p>
      </div>
      <div className="card">
        {value ? (
          <ResetPasswordForm token={value} />
        ) : (
          <FormAlert>
            <p>This reset link is incomplete. Open the link from the email again, or ask for a new one.</p>
            <p>
              <Link href="/forgot-password">Ask for a new link</Link>
            </p>
          </FormAlert>
        )}
      </div>
    </div>
  )
}
