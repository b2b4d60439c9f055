/** Line icons of the post actions (decorative: every button also has a text label). */
const base = { viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false, fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const

export const HeartIcon = ({ filled }: { filled?: boolean }) => (
  <svg {...base} fill={filled ? 'currentColor' : 'none'}>
    <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
  </svg>
)

export const CommentIcon = () => (
  <svg {...base}>
    <path d="M4 5h16v11H9l-5 4z" />
  </svg>
)

export const BookmarkIcon = ({ filled }: { filled?: boolean }) => (
  <svg {...base} fill={filled ? 'currentColor' : 'none'}>
    <path d="M6 3h12v18l-6-4.5L6 21z" />
  </svg>
)

export const ShareIcon = () => (
  <svg {...base}>
    <path d="M12 3v12M7 8l5-5 5 5M5 14v6h14v-6" />
  </svg>
)

export const ArrowIcon = ({ up }: { up: boolean }) => (
  <svg {...base}>
    <path d={up ? 'M12 5l7 9H5z' : 'M12 19l-7-9h14z'} />
  </svg>
)

export const ImageIcon = () => (
  <svg {...base}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="1.8" />
    <path d="M21 16l-5-5-9 9" />
  </svg>
)
