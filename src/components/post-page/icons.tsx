/** Small line icons of the post page's actions; decorative, the buttons carry the words. */
const Svg = ({ children, filled }: { children: React.ReactNode; filled?: boolean }) => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
    {children}
  </svg>
)

export const HeartIcon = ({ filled }: { filled?: boolean }) => (
  <Svg filled={filled}>
    <path d="M10 16.5s-6.5-3.9-6.5-8.6A3.6 3.6 0 0 1 10 5.6a3.6 3.6 0 0 1 6.5 2.3c0 4.7-6.5 8.6-6.5 8.6z" />
  </Svg>
)

export const CommentIcon = () => (
  <Svg>
    <path d="M4 4.5h12a1.5 1.5 0 0 1 1.5 1.5v7a1.5 1.5 0 0 1-1.5 1.5H9l-3.5 3v-3H4A1.5 1.5 0 0 1 2.5 13V6A1.5 1.5 0 0 1 4 4.5z" />
  </Svg>
)

export const BookmarkIcon = ({ filled }: { filled?: boolean }) => (
  <Svg filled={filled}>
    <path d="M5.5 3h9v14l-4.5-3.2L5.5 17z" />
  </Svg>
)

export const ShareIcon = () => (
  <Svg>
    <path d="M10 12.5V3M6.5 6.5 10 3l3.5 3.5M4 10.5V16h12v-5.5" />
  </Svg>
)

export const VoteIcon = ({ down, filled }: { down?: boolean; filled?: boolean }) => (
  <Svg filled={filled}>
    <path d={down ? 'M10 16 3.5 8h4V4h5v4h4z' : 'M10 4l6.5 8h-4v4h-5v-4h-4z'} />
  </Svg>
)
