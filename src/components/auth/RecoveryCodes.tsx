'use client'

import { useEffect, useRef, useState } from 'react'

import { FormAlert } from '../forms/FormAlert'

/** The text of the downloaded file: what the codes are for, then one code a line. */
export function recoveryCodesText(codes: string[], when = new Date()) {
  return [
    'Rounds recovery codes',
    `Made on ${when.toISOString().slice(0, 10)}. Each code signs you in once, in place of a code from your authenticator app.`,
    'Making new codes cancels these.',
    '',
    ...codes,
    '',
  ].join('\n')
}

type Props = {
  codes: string[]
  /** Called by the "I have saved them" button. */
  onDone: () => void
  doneLabel?: string
  /** Heading level text; the block is a region labelled by it. */
  title?: string
}

/**
 * New recovery codes, shown once: the server keeps only their hashes. Offers copy and a .txt download,
 * and moves on only when the member says they are saved.
 */
export function RecoveryCodes({ codes, onDone, doneLabel = 'I have saved them, continue', title = 'Save your recovery codes' }: Props) {
  const [notice, setNotice] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  // The codes replace a form; focus moves to them so a screen reader starts reading here.
  useEffect(() => heading.current?.focus(), [])

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'))
      setNotice('The codes are copied. Paste them into your password manager.')
    } catch {
      setNotice('Copying is not allowed here: select the codes and copy them, or download them.')
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([recoveryCodesText(codes)], { type: 'text/plain;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'rounds-recovery-codes.txt'
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    setNotice('The codes are downloaded as rounds-recovery-codes.txt.')
  }

  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>
        If you lose your phone, each of these codes lets you sign in once. <strong>They are shown only now.</strong> Keep them
        somewhere safe, away from your phone: a password manager, or printed.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="recovery__actions">
        <button type="button" className="button button--quiet" onClick={copy}>
          Copy codes
        </button>
        <button type="button" className="button button--quiet" onClick={download}>
          Download .txt
        </button>
      </div>
      <FormAlert tone="ok">{notice}</FormAlert>
      <button type="button" className="button button--block" onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  )
}
