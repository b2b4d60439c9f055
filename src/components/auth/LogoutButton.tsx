'use client'

import { useState } from 'react'

/** Ends the session on the server (Payload revokes it), then reloads on the home page. */
export function LogoutButton({ className = 'button', label = 'Log out' }: { className?: string; label?: string }) {
  const [busy, setBusy] = useState(false)
  async function logout() {
    setBusy(true)
    try {
      await fetch('/api/users/logout', { method: 'POST', credentials: 'include' })
    } finally {
      window.location.assign('/')
    }
  }
  return (
    <button type="button" className={className} onClick={logout} disabled={busy} aria-busy={busy || undefined}>
      {busy ? 'Logging out…' : label}
    </button>
  )
}
