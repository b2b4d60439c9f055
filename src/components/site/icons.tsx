/** A tick in a circle (done) or an empty circle (to do). */
export function CheckIcon({ done }: { done: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      {done ? <path d="M6 10.5l2.6 2.5L14 7.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /> : null}
    </svg>
  )
}

/** The shield shown beside verified doctors. */
export function VerifiedIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M10 1.8l6.5 2.6v5c0 4-2.8 7.2-6.5 8.8C6.3 16.6 3.5 13.4 3.5 9.4v-5z" fill="currentColor" />
      <path d="M6.8 10l2.2 2.1 4.2-4.3" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
