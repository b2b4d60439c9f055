import Link from 'next/link'

import { FeedTabs } from '@/components/feed/FeedTabs'
import styles from '@/components/feed/feed.module.css'
import { joinedRooms, meCard, specialtyOptions } from '@/components/posts/load'
import { PostFeed } from '@/components/posts/PostFeed'
import { CheckIcon } from '@/components/site/icons'
import { feedPage, type FeedViewer } from '@/domain/social/feed'
import { loadCards, type PostCardData } from '@/domain/social/postCards'
import { RuleError } from '@/lib/ruleError'
import { getViewer, getViewerAvatar, payloadInstance, type Viewer } from '@/lib/session'

type Props = { searchParams: Promise<{ feed?: string; sort?: string }> }

export default async function Home({ searchParams }: Props) {
  const viewer = await getViewer()
  return viewer ? <MemberHome viewer={viewer} params={await searchParams} /> : <Landing />
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

type Page = { docs: PostCardData[]; nextCursor: string | null }

/**
 * The first page of a feed as the viewer. `top` is asked for as such; should the server not rank
 * (a 400 for the sort), the newest posts are shown instead, with a note.
 */
async function firstPage(viewer: Viewer, kind: 'home' | 'public', sort: 'new' | 'top'): Promise<{ page: Page; sort: 'new' | 'top'; note?: string }> {
  const payload = await payloadInstance()
  const load = (s: 'new' | 'top') => feedPage(payload, viewer as FeedViewer, { kind, sort: s }, loadCards)
  try {
    return { page: await load(sort), sort }
  } catch (err) {
    if (sort === 'top' && err instanceof RuleError && err.status === 400) {
      return { page: await load('new'), sort: 'new', note: 'Top posts are not available right now; here are the latest.' }
    }
    throw err
  }
}

async function MemberHome({ viewer, params }: { viewer: Viewer; params: { feed?: string; sort?: string } }) {
  const kind = params.feed === 'public' ? 'public' : 'home'
  const asked = params.sort === 'top' ? 'top' : 'new'
  const payload = await payloadInstance()
  const [avatarUrl, rooms, specialties, feed] = await Promise.all([
    getViewerAvatar(),
    joinedRooms(payload, viewer),
    specialtyOptions(payload),
    firstPage(viewer, kind, asked),
  ])
  const me = await meCard(payload, viewer, avatarUrl)
  const href = (f: string, s: string) => {
    const q = new URLSearchParams()
    if (f !== 'home') q.set('feed', f)
    if (s !== 'new') q.set('sort', s)
    return q.size ? `/?${q}` : '/'
  }
  const done = STEPS.map((step) => ({ ...step, done: Boolean(viewer[step.key]) }))
  const complete = done.filter((s) => s.done).length
  const percent = Math.round((complete / STEPS.length) * 100)

  return (
    <div className={styles.layout}>
      <div className={styles.main}>
        <h1 className="visually-hidden">{kind === 'home' ? 'Your feed' : 'Everyone on Rounds'}</h1>
        <FeedTabs
          feeds={[
            { href: href('home', feed.sort), label: 'Your feed', current: kind === 'home' },
            { href: href('public', feed.sort), label: 'Everyone', current: kind === 'public' },
          ]}
          sorts={[
            { href: href(kind, 'new'), label: 'Latest', current: feed.sort === 'new' },
            { href: href(kind, 'top'), label: 'Top', current: feed.sort === 'top' },
          ]}
        />
        {feed.note ? <p className="alert alert--info">{feed.note}</p> : null}
        <PostFeed
          key={`${kind}-${feed.sort}`}
          initial={feed.page}
          source={`/api/posts/cards?kind=${kind}&sort=${feed.sort}`}
          me={me}
          composer={{ rooms, specialties }}
          label={kind === 'home' ? 'Posts in your feed' : 'Posts from everyone'}
          empty={
            kind === 'home' ? (
              <>
                <p>Your feed is quiet for now.</p>
                <p>
                  Follow colleagues in the <Link href="/doctors">directory</Link>, join <Link href="/rooms">rooms</Link>, or see what{' '}
                  <Link href="/?feed=public">everyone</Link> is posting.
                </p>
              </>
            ) : (
              <p>No posts yet. Be the first to share something.</p>
            )
          }
        />
      </div>
      <aside className={styles.aside} aria-label="Your Rounds">
        {complete < STEPS.length ? (
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
            <Link href="/profile" className="button button--quiet button--small">
              Complete your profile
            </Link>
          </section>
        ) : null}
        <nav className="card" aria-label="Shortcuts">
          <ul className={styles.links}>
            <li>
              <Link href="/rooms">Rooms and channels</Link>
            </li>
            <li>
              <Link href="/bookmarks">Your bookmarks</Link>
            </li>
            {viewer.handle ? (
              <li>
                <Link href={`/doctors/${viewer.handle}`}>Your posts and profile</Link>
              </li>
            ) : null}
            <li>
              <Link href="/doctors">Find colleagues</Link>
            </li>
          </ul>
        </nav>
      </aside>
    </div>
  )
}
