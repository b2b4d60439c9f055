import Link from 'next/link'

import { Avatar } from '@/components/site/Avatar'
import { CheckIcon } from '@/components/site/icons'
import { getViewer, getViewerAvatar, type Viewer } from '@/lib/session'

export default async function Home() {
  const viewer = await getViewer()
  return viewer ? <MemberHome viewer={viewer} /> : <Landing />
}

function Landing() {
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <span className="eyebrow">For doctors, by doctors</span>
          <h1 id="hero-title">Learn, meet and grow — among peers.</h1>
          <p className="hero__lead">
            Rounds is a professional network for doctors: case-based learning, a directory of colleagues by specialty, and a place to
            build your career.
          </p>
          <div className="hero__actions">
            <Link href="/signup" className="button">
              Join Rounds
            </Link>
            <Link href="/doctors" className="button button--quiet">
              Browse doctors
            </Link>
          </div>
          <svg className="hero__pulse" viewBox="0 0 448 40" aria-hidden="true" focusable="false">
            <path
              d="M0 24h150l10-14 12 26 12-32 10 20h254"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </div>
        <aside className="hero__panel" aria-label="What members get">
          <h2>What members get</h2>
          <ul>
            <li>
              <strong>A profile that works for you.</strong> Your specialty, your interests, and contact details shown only to the
              audience you choose.
            </li>
            <li>
              <strong>Verified colleagues.</strong> Licence checks mark doctors whose registration we have confirmed.
            </li>
            <li>
              <strong>Learning that counts.</strong> Courses and case discussions that earn points as you go.
            </li>
          </ul>
        </aside>
      </section>
      <ul className="pillars" aria-label="Rounds in three parts">
        <li>
          <h2>Learn</h2>
          <p>Short, practical courses and case reviews written by specialists.</p>
        </li>
        <li>
          <h2>Meet</h2>
          <p>Find colleagues by specialty and sub-specialty, and see who is verified.</p>
        </li>
        <li>
          <h2>Grow</h2>
          <p>Keep a streak, earn points and levels, and build a profile peers trust.</p>
        </li>
      </ul>
    </>
  )
}

const STEPS = [
  { key: 'avatar', label: 'Add a profile photo' },
  { key: 'title', label: 'Add your job title' },
  { key: 'specialty', label: 'Choose your specialty' },
  { key: 'bio', label: 'Write a short bio' },
] as const

async function MemberHome({ viewer }: { viewer: Viewer }) {
  const avatarUrl = await getViewerAvatar()
  const done = STEPS.map((step) => ({ ...step, done: Boolean(viewer[step.key]) }))
  const complete = done.filter((s) => s.done).length
  const percent = Math.round((complete / STEPS.length) * 100)
  const missing = done.filter((s) => !s.done)
  const display = viewer.honorific ? `${viewer.honorific} ${viewer.name}` : viewer.name
  return (
    <div className="welcome">
      <div className="welcome__head">
        <Avatar name={viewer.name} src={avatarUrl} size={56} loading="eager" />
        <div>
          <span className="eyebrow">Your feed</span>
          <h1>Welcome, {display}</h1>
        </div>
      </div>
      <section className="card" aria-labelledby="completeness-title">
        <h2 id="completeness-title">Your profile is {percent}% complete</h2>
        <div className="meter" role="img" aria-label={`${complete} of ${STEPS.length} steps done`}>
          <span style={{ width: `${percent}%` }} />
        </div>
        <ul className="checklist">
          {done.map((step) => (
            <li key={step.key} className={step.done ? 'is-done' : 'is-todo'}>
              <CheckIcon done={step.done} />
              <span>
                {step.label}
                <span className="visually-hidden">{step.done ? ': done' : ': to do'}</span>
              </span>
            </li>
          ))}
        </ul>
        {missing.length ? (
          <Link href="/profile" className="button">
            Complete your profile
          </Link>
        ) : (
          <p className="muted">
            Your profile is ready. {viewer.handle ? <Link href={`/doctors/${viewer.handle}`}>See it as others do</Link> : null}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="feed-title">
        <h2 id="feed-title">Your feed</h2>
        <p className="muted">
          Posts from colleagues and courses in your specialty will appear here. In the meantime, <Link href="/doctors">meet other doctors</Link>.
        </p>
      </section>
    </div>
  )
}
