'use client'

import { Button } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

import { Alert } from './fields'

/**
 * New recovery codes, shown once (the server keeps only their hashes), with copy and a .txt download.
 * The panel moves on only when the user says they are saved.
 */
export function RecoveryCodesPanel({ codes, onDone, doneLabel = 'I have saved them, continue' }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const [notice, setNotice] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'))
      setNotice('Copied. Paste them into your password manager.')
    } catch {
      setNotice('Copying is not allowed here: select the codes and copy them, or download them.')
    }
  }

  function download() {
    const text = [
      'Recovery codes',
      `Made on ${new Date().toISOString().slice(0, 10)}. Each code signs you in once, in place of a code from your authenticator app.`,
      'Making new codes cancels these.',
      '',
      ...codes,
      '',
    ].join('\n')
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'recovery-codes.txt'
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    setNotice('Downloaded as recovery-codes.txt.')
  }

  return (
    <section className="tf-codes" aria-labelledby="tf-codes-title">
      <h2 id="tf-codes-title" ref={heading} tabIndex={-1}>
        Save your recovery codes
      </h2>
      <p>
        If you lose your phone, each code lets you sign in once. <strong>They are shown only now.</strong> Keep them somewhere safe,
        away from your phone.
      </p>
      <ol className="tf-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="tf-actions">
        <Button buttonStyle="secondary" size="small" margin={false} onClick={copy}>
          Copy codes
        </Button>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={download}>
          Download .txt
        </Button>
      </div>
      <Alert type="success">{notice}</Alert>
      <Button buttonStyle="primary" size="large" margin={false} className="tf-block" onClick={onDone}>
        {doneLabel}
      </Button>
    </section>
  )
}
