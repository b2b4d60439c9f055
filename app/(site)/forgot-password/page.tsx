import type { Metadata } from 'next'
import Link from 'next/link'

import { ForgotPasswordForm } from '@/components/auth/ForgotPasswordForm'

export const metadata: Metadata = { title: 'Forgot your password' }

export default function ForgotPasswordPage() {
  return (
    <div className="auth">
      <div className="page-head">
        <h1>Forgot your password?</h1>
        <p>Enter the email address of your account and we will send you a link to choose a new one.</p>
      </div>
      <div className="card">
        <ForgotPasswordForm />
      </div>
      <p className="auth__foot">
        Remembered it? <Link href="/login">Log in</Link>
      </p>
    </div>
  )
}
