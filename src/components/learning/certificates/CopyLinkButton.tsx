'use client'

import { useState } from 'react'

/** Copies the certificate's public verification link; shows the link when the clipboard is unavailable. */
export function CopyLinkButton({ url, className = 'button button--quiet button--small' }: { url: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setState('copied')
      setTimeout(() => setState('idle'), 2500)
    } catch {
      setState('manual')
    }
  }
  if (state === 'manual') {
    return <input className="input" readOnly value={url} aria-label="Verification link" onFocus={(e) => e.currentTarget.select()} autoFocus />
  }
  return (
    <button type="button" className={className} onClick={copy} aria-live="polite">
      {state === 'copied' ? 'Link copied' : 'Copy verification link'}
    </button>
  )
}
