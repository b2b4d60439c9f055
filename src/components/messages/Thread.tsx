'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { MESSAGE_MAX, messageStates, type MemberState, type Message, type MessageState } from '@/domain/messaging/shared'
import { api } from '../forms/api'
import { FormAlert, Messages } from '../forms/FormAlert'
import { messageTime, personName } from './format'
import { useLiveEvents } from './useLiveEvents'

type Shown = Message & { pending?: boolean; failed?: boolean }
type Page = { docs: Message[]; members: MemberState[]; nextCursor: string | null }

const LABELS: Record<MessageState, string> = { sent: 'Sent', delivered: 'Delivered', read: 'Read' }
const newClientId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`

/** Adds messages (replacing any copy with the same id or clientId): stored ones by id, unsent ones last. */
function merge(list: Shown[], incoming: Shown[]): Shown[] {
  const out = list.filter((m) => !incoming.some((n) => n.id === m.id || (n.clientId && n.clientId === m.clientId)))
  out.push(...incoming)
  return out.sort((a, b) => {
    const pa = a.id < 0
    const pb = b.id < 0
    if (pa !== pb) return pa ? 1 : -1
    return pa ? a.createdAt.localeCompare(b.createdAt) : a.id - b.id
  })
}

/**
 * One conversation: its messages, new ones arriving live, a composer that shows a message at once and
 * confirms it when the server has stored it (a retry reuses the clientId, so it is never stored twice),
 * and under each of your messages whether it is sent, delivered or read.
 */
export function Thread(props: { conversationId: number; me: number; title: string; initial: Page }) {
  const { conversationId, me } = props
  const [messages, setMessages] = useState<Shown[]>(() => merge([], props.initial.docs))
  const [members, setMembers] = useState<MemberState[]>(props.initial.members)
  const [older, setOlder] = useState<string | null>(props.initial.nextCursor)
  const [draft, setDraft] = useState('')
  const [errors, setErrors] = useState<string[]>([])
  const [local, setLocal] = useState(false)
  const bottom = useRef<HTMLDivElement>(null)
  const lastRead = useRef(0)

  const lastId = useCallback(() => messages.reduce((max, m) => (m.id > max ? m.id : max), 0), [messages])
  const others = useMemo(() => members.filter((m) => m.id !== me), [members, me])
  const group = others.length > 1

  const markRead = useCallback(
    (list: Shown[]) => {
      const latest = list.filter((m) => m.senderId !== me && m.id > 0).reduce((max, m) => Math.max(max, m.id), 0)
      if (!latest || latest <= lastRead.current || document.visibilityState === 'hidden') return
      lastRead.current = latest
      void api(`/api/conversations/${conversationId}/read`, { json: { messageId: latest } })
    },
    [conversationId, me],
  )

  /** Fetches what is newer than what we have (after a live event without a body, or a reconnect). */
  const catchUp = useCallback(async () => {
    const res = await api<Page>(`/api/conversations/${conversationId}/messages?after=${lastId()}&limit=100`)
    if (!res.ok || !res.data) return
    setMembers(res.data.members)
    setMessages((list) => merge(list, res.data!.docs))
  }, [conversationId, lastId])

  useEffect(() => {
    setLocal(true)
    const onVisible = () => markRead(messages)
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [markRead, messages])

  useEffect(() => {
    markRead(messages)
    bottom.current?.scrollIntoView({ block: 'end' })
  }, [messages, markRead])

  useLiveEvents((event) => {
    const data = event.data
    if (event.type === 'resync' || (event.type === 'ready' && lastId() > 0)) {
      void catchUp()
      return
    }
    if (Number(data.conversationId) !== conversationId) return
    if (event.type === 'message') {
      if (typeof data.body === 'string') setMessages((list) => merge(list, [data as Message]))
      else void catchUp()
    } else if (event.type === 'read' || event.type === 'delivered') {
      const key = event.type === 'read' ? 'lastReadMessageId' : 'lastDeliveredMessageId'
      setMembers((list) =>
        list.map((m) =>
          m.id === Number(data.userId)
            ? {
                ...m,
                [key]: Math.max(m[key], Number(data.messageId)),
                ...(event.type === 'read' ? { lastDeliveredMessageId: Math.max(m.lastDeliveredMessageId, Number(data.messageId)) } : {}),
              }
            : m,
        ),
      )
    }
  })

  async function send(body: string, clientId: string) {
    setErrors([])
    const optimistic: Shown = { id: -Date.now(), conversationId, senderId: me, body, clientId, createdAt: new Date().toISOString(), pending: true }
    setMessages((list) => merge(list, [optimistic]))
    const res = await api<{ message: Message }>(`/api/conversations/${conversationId}/messages`, { json: { body, clientId } })
    if (res.ok && res.data) {
      setMessages((list) => merge(list, [res.data!.message]))
    } else {
      setMessages((list) => list.map((m) => (m.clientId === clientId && m.pending ? { ...m, pending: false, failed: true } : m)))
      setErrors(res.messages.length ? res.messages : ['Your message was not sent.'])
    }
  }

  function submit(e?: React.FormEvent) {
    e?.preventDefault()
    const body = draft.trim()
    if (!body) return
    setDraft('')
    void send(body, newClientId())
  }

  async function loadOlder() {
    if (!older) return
    const res = await api<Page>(`/api/conversations/${conversationId}/messages?before=${older}`)
    if (res.ok && res.data) {
      setMessages((list) => merge(list, res.data!.docs))
      setOlder(res.data.nextCursor)
    }
  }

  const names = new Map(members.map((m) => [m.id, personName(m)]))
  const delivery = messageStates(others)
  const stateOf = (m: Shown) => (m.failed ? 'Not sent' : m.pending || m.id < 0 ? 'Sending…' : LABELS[delivery(m.id)])
  const lastMine = [...messages].reverse().find((m) => m.senderId === me)

  return (
    <section className="thread" aria-labelledby="thread-title">
      <header className="thread__head">
        <a className="thread__back" href="/messages" aria-label="Back to messages">
          ‹
        </a>
        <div>
          <h1 id="thread-title">{props.title}</h1>
          {group ? <p className="muted">{others.map(personName).join(', ')}</p> : null}
        </div>
      </header>
      <div className="thread__list" role="log" aria-live="polite" aria-relevant="additions">
        {older ? (
          <button type="button" className="button button--quiet button--small thread__older" onClick={loadOlder}>
            Show earlier messages
          </button>
        ) : null}
        {messages.length === 0 ? <p className="muted thread__empty">No messages yet. Say hello.</p> : null}
        {messages.map((m) => {
          const mine = m.senderId === me
          return (
            <div key={m.clientId ?? m.id} className={`bubble${mine ? ' bubble--mine' : ''}${m.failed ? ' bubble--failed' : ''}`} data-message-id={m.id > 0 ? m.id : undefined}>
              {group && !mine ? <span className="bubble__from">{names.get(m.senderId) ?? 'Former member'}</span> : null}
              <p className="bubble__body">{m.body}</p>
              <span className="bubble__meta">
                <time dateTime={m.createdAt}>{messageTime(m.createdAt, local)}</time>
                {mine && (m === lastMine || m.failed || m.pending) ? (
                  <span className="bubble__state" data-state={stateOf(m)}>
                    {' · '}
                    {stateOf(m)}
                  </span>
                ) : null}
                {m.failed ? (
                  <button type="button" className="button button--plain button--small" onClick={() => send(m.body, m.clientId ?? newClientId())}>
                    Retry
                  </button>
                ) : null}
              </span>
            </div>
          )
        })}
        <div ref={bottom} />
      </div>
      <FormAlert>{errors.length ? <Messages messages={errors} /> : null}</FormAlert>
      <form className="composer" onSubmit={submit}>
        <label htmlFor="composer-body" className="visually-hidden">
          Message
        </label>
        <textarea
          id="composer-body"
          className="textarea composer__input"
          rows={2}
          maxLength={MESSAGE_MAX}
          placeholder="Write a message"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault()
              submit()
            }
          }}
        />
        <button type="submit" className="button composer__send" disabled={!draft.trim()}>
          Send
        </button>
      </form>
    </section>
  )
}
