'use client'

import { Banner } from '@payloadcms/ui'
import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string
  name: string
  value: string
  onValue: (value: string) => void
  error?: string
  hint?: ReactNode
}

/** A text input dressed as a Payload field (label, input, error, description), usable outside Payload's Form. */
export function Field({ label, name, value, onValue, error, hint, required, className, ...input }: FieldProps) {
  const id = `field-${name}-${useId().replace(/:/g, '')}`
  const errorId = error ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className={['field-type', 'text', 'tf-field', error ? 'error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required ? <span className="required">*</span> : null}
      </label>
      <div className="field-type__wrap">
        <input
          {...input}
          id={id}
          name={name}
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onValue(e.target.value)}
        />
        {error ? (
          <p className="tf-field__error" id={errorId}>
            {error}
          </p>
        ) : null}
        {hint ? (
          <p className="field-description tf-field__hint" id={hintId}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  )
}

/** A 6-digit code field: numeric keyboard, the phone's one-time-code autofill, pasted spaces dropped. */
export function CodeField(props: Omit<FieldProps, 'onValue'> & { onValue: (value: string) => void }) {
  const { onValue, ...rest } = props
  return (
    <Field
      {...rest}
      className="tf-field--code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      spellCheck={false}
      onValue={(v) => onValue(v.replace(/\D/g, '').slice(0, 6))}
    />
  )
}

/** An always-present live region, so that a message put into it is announced. */
export function Alert({ type = 'error', children }: { type?: 'error' | 'success' | 'info'; children?: ReactNode }) {
  return (
    <div role={type === 'error' ? 'alert' : 'status'} aria-live={type === 'error' ? 'assertive' : 'polite'} className="tf-alert">
      {children ? <Banner type={type}>{children}</Banner> : null}
    </div>
  )
}

export const isCode = (value: string) => /^\d{6}$/.test(value)
