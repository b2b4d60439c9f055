import type { ReactNode } from 'react'

type Props = { tone?: 'error' | 'ok' | 'info'; children?: ReactNode; id?: string }

/**
 * A live region that is always in the page, so that screen readers announce the message put into it.
 * Errors are assertive; confirmations are polite.
 */
export function FormAlert({ tone = 'error', children, id }: Props) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} aria-live={tone === 'error' ? 'assertive' : 'polite'}>
      {children}
    </div>
  )
}

/** One paragraph per message. */
export function Messages({ messages }: { messages: string[] }) {
  return (
    <>
      {messages.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </>
  )
}
