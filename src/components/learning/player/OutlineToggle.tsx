'use client'

import { useState, type ReactNode } from 'react'

import styles from './player.module.css'

/** On a phone the course outline folds away behind a button; on wider screens it is always shown. */
export function OutlineToggle({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  return (
    <div className={styles.outlineBox} data-open={open}>
      <button type="button" className={`button button--quiet button--small button--block ${styles.outlineButton}`} aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Show'} {label}
      </button>
      <div className={styles.outlineBody}>{children}</div>
    </div>
  )
}
