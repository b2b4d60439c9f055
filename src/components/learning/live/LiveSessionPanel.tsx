'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import { api } from '@/components/forms/api'
import { PollList } from './PollList'
import { QuestionBoard } from './QuestionBoard'
import { Reactions, type ReactionsHandle } from './Reactions'
import styles from './live.module.css'
import { upsert, type Poll, type Question, type State } from './types'

type Props = { sessionId: number }

function formatWhen(iso: string, zone: string | null) {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, ...(zone ? { timeZone: zone, timeZoneName: 'short' } : {}) }).format(new Date(iso))
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso))
  }
}

function untilText(ms: number) {
  if (ms <= 0) return 'now'
  const s = Math.floor(ms / 1000)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d) return `${d}d ${h}h ${m}m`
  if (h) return `${h}h ${m}m`
  return `${m}m ${String(s % 60).padStart(2, '0')}s`
}

const STATUS_LABEL = { upcoming: 'Upcoming', live: 'Live now', ended: 'Ended', cancelled: 'Cancelled' } as const

/**
 * A live session: details and countdown, register or cancel, Join while the link is open, live
 * questions, polls and reactions over the session's event stream, and host controls.
 */
export function LiveSessionPanel({ sessionId }: Props) {
  const base = `/api/live-sessions/${sessionId}`
  const [state, setState] = useState<State | null>(null)
  const [loadError, setLoadError] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [now, setNow] = useState(() => Date.now())
  const skew = useRef(0)
  const reactions = useRef<ReactionsHandle>(null)

  const load = useCallback(async () => {
    const res = await api<State>(`${base}/state`)
    if (!res.ok || !res.data) return setLoadError(res.messages[0] ?? 'This session could not be loaded.')
    skew.current = new Date(res.data.serverTime).getTime() - Date.now()
    setState(res.data)
    setLoadError('')
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + skew.current), 1000)
    return () => clearInterval(timer)
  }, [])

  const participant = Boolean(state?.me.participant)
  const moderator = Boolean(state?.me.moderator)

  const setQuestion = useCallback(
    (q: Partial<Question> & { id: number }) =>
      setState((s) => {
        if (!s) return s
        const known = s.questions.find((x) => x.id === q.id)
        if (!known && !q.body) return s
        if (q.status === 'hidden' && !s.me.moderator) return { ...s, questions: s.questions.filter((x) => x.id !== q.id) }
        // The stream does not know whether this viewer upvoted: keep what we know.
        return { ...s, questions: upsert(s.questions, { ...(known as Question), ...q, upvoted: q.upvoted ?? known?.upvoted ?? false }) }
      }),
    [],
  )
  const setPoll = useCallback(
    (p: Partial<Poll> & { id: number }) =>
      setState((s) => {
        if (!s) return s
        const known = s.polls.find((x) => x.id === p.id)
        if (!known && !p.question) return s
        const merged = { ...(known as Poll), ...p, myVote: p.myVote !== undefined ? p.myVote : (known?.myVote ?? null) }
        return { ...s, polls: upsert(s.polls, merged).sort((a, b) => b.id - a.id) }
      }),
    [],
  )

  // The session's live events, for members taking part.
  useEffect(() => {
    if (!participant) return
    const source = new EventSource(`${base}/stream`, { withCredentials: true })
    const on = (type: string, handle: (data: Record<string, any>) => void) =>
      source.addEventListener(type, (e) => {
        try {
          handle((JSON.parse((e as MessageEvent).data) as { data: Record<string, any> }).data)
        } catch {
          /* a malformed frame */
        }
      })
    on('live.question', (d) => setQuestion(d.question))
    on('live.question.votes', (d) => setQuestion({ id: d.id, upvotes: d.upvotes }))
    on('live.question.removed', (d) => setQuestion({ id: d.id, status: 'hidden' }))
    on('live.poll', (d) => setPoll(d.poll))
    on('live.poll.results', (d) => setPoll({ id: d.id, options: d.options, total: d.total }))
    on('live.reaction', (d) => reactions.current?.float(String(d.emoji)))
    on('live.seats', (d) => setState((s) => (s ? { ...s, session: { ...s.session, registered: d.registered, seatsLeft: d.seatsLeft } } : s)))
    on('live.attendance', (d) => setState((s) => (s?.attendance ? { ...s, attendance: { ...s.attendance, attended: d.attended } } : s)))
    on('live.session', () => void load())
    on('resync', () => void load())
    return () => source.close()
  }, [participant, base, load, setQuestion, setPoll])

  async function act(run: () => Promise<{ ok: boolean; messages: string[] }>, after?: () => void) {
    setBusy(true)
    setMessage('')
    const res = await run()
    setBusy(false)
    if (!res.ok) setMessage(res.messages[0] ?? 'That did not work. Try again.')
    else {
      after?.()
      await load()
    }
  }

  async function join() {
    // Opened before the request so that browsers treat it as the click's own window.
    const tab = window.open('', '_blank')
    setBusy(true)
    const res = await api<{ joinUrl: string }>(`${base}/join`, { method: 'POST' })
    setBusy(false)
    if (res.ok && res.data) {
      if (tab) {
        tab.opener = null
        tab.location.href = res.data.joinUrl
      } else window.location.href = res.data.joinUrl
      void load()
    } else {
      tab?.close()
      setMessage(res.messages[0] ?? 'The session could not be joined.')
    }
  }

  if (loadError) return <p className={styles.error}>{loadError}</p>
  if (!state) return <p className="muted">Loading the session…</p>

  const { session, me } = state
  const start = new Date(session.startsAt).getTime()
  const open = session.status === 'upcoming' || session.status === 'live'
  const full = session.seatsLeft === 0 && !me.registered
  const needsEnrollment = session.course !== null && me.enrolled === false && !me.moderator

  return (
    <div className={styles.panel}>
      <section className={`card ${styles.head}`}>
        <p className={styles.statusRow}>
          <span className={`${styles.status} ${styles[`status_${session.status}`]}`}>{STATUS_LABEL[session.status]}</span>
          {session.status === 'upcoming' && <span className={styles.countdown}>Starts in {untilText(start - now)}</span>}
        </p>
        <h1 className={styles.title}>{session.title}</h1>
        <p className={styles.when}>
          {formatWhen(session.startsAt, session.timezone)} – {formatWhen(session.endsAt, session.timezone)}
        </p>
        {session.hosts.length > 0 && <p className="muted">With {session.hosts.map((h) => h.name).join(', ')}</p>}
        {session.course && (
          <p className="muted">
            Part of <a href={`/learn/${session.course.slug}`}>{session.course.title}</a>
          </p>
        )}
        {session.description && <p className={styles.description}>{session.description}</p>}
        <p className="muted">
          {session.registered} registered
          {session.capacity !== null && ` · ${session.seatsLeft} of ${session.capacity} seats left`}
        </p>

        <div className={styles.actions}>
          {!me.signedIn && open && (
            <a className="button" href={`/login?next=${encodeURIComponent(`/learn/live/${session.id}`)}`}>
              Sign in to register
            </a>
          )}
          {me.signedIn && open && !me.registered && !me.moderator && (
            <button type="button" className="button" disabled={busy || full || needsEnrollment} onClick={() => act(() => api(`${base}/registration`, { method: 'POST' }))}>
              {full ? 'Full' : 'Register'}
            </button>
          )}
          {me.canJoin && (
            <button type="button" className="button" disabled={busy} onClick={join}>
              Join
            </button>
          )}
          {me.registered && open && (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => act(() => api(`${base}/registration`, { method: 'DELETE' }))}>
              Cancel registration
            </button>
          )}
        </div>
        {needsEnrollment && open && <p className="muted">Enrol in the course to register for this session.</p>}
        {me.registered && !me.canJoin && open && <p className="muted">You are registered. The Join button appears 15 minutes before the start.</p>}
        {me.attendedAt && <p className="muted">You joined at {new Date(me.attendedAt).toLocaleTimeString()}.</p>}
        {message && (
          <p role="alert" className={styles.error}>
            {message}
          </p>
        )}
        {state.attendance && (
          <dl className={`stats ${styles.hostStats}`}>
            <div>
              <dt>Registered</dt>
              <dd>{state.attendance.registered}</dd>
            </div>
            <div>
              <dt>Attending</dt>
              <dd>{state.attendance.attended}</dd>
            </div>
            <div>
              <dt>Questions</dt>
              <dd>{state.questions.filter((q) => q.status !== 'hidden').length}</dd>
            </div>
          </dl>
        )}
      </section>

      {participant && (
        <>
          <Reactions ref={reactions} path={`${base}/reactions`} emojis={state.reactions} canReact={open} />
          <div className={styles.columns}>
            <QuestionBoard path={`${base}/questions`} questions={state.questions} canAsk={open} canModerate={moderator} onChange={setQuestion} />
            <PollList path={`${base}/polls`} polls={state.polls} canVote={open} canModerate={moderator} onChange={setPoll} />
          </div>
        </>
      )}
    </div>
  )
}
