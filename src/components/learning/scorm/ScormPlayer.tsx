'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import styles from './ScormPlayer.module.css'

type Item = { identifier: string; title: string; kind: 'sco' | 'asset' | 'folder'; launch?: string; children: Item[] }
type Package = { id: number; title?: string | null; standard: 'scorm12' | 'scorm2004'; items: Item[]; scos: { identifier: string; title: string; launch: string }[] }
type RuntimeState = { sco: string; standard: Package['standard']; tracked: boolean; cmi: Record<string, unknown>; completed: boolean }

/** The part of scorm-again's API the player uses (Scorm12API and Scorm2004API share it). */
type ScormApi = {
  loadFromJSON(json: Record<string, unknown>): void
  on(event: string, listener: (...args: unknown[]) => void): void
  renderCMIToJSONObject(): { cmi?: Record<string, unknown> } & Record<string, unknown>
}
type ApiClass = new (settings: Record<string, unknown>) => ScormApi
type ScormWindow = Window & { API?: ScormApi; API_1484_11?: ScormApi }

/** Progress after a commit, announced on `window` for the lesson page (`rounds:lesson-progress`). */
export type ScormProgressDetail = { lessonId: number; lesson: { status: string; fraction: number; score: number | null }; course: { progress: number; completed: boolean } }

const newSession = () => (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9-]/g, '').slice(0, 64)

function launchable(items: Item[]): Item[] {
  return items.flatMap((i) => [...(i.launch ? [i] : []), ...launchable(i.children)])
}

/**
 * Plays a SCORM package in a same-origin iframe: installs scorm-again's run-time (window.API for SCORM
 * 1.2, window.API_1484_11 for 2004) with the learner's stored data for the chosen SCO, and sends the cmi
 * to the server on every commit and on finish. Several SCOs: the learner picks one from the tree.
 */
export default function ScormPlayer({ packageId, lessonId }: { packageId: number; lessonId: number }) {
  const [pkg, setPkg] = useState<Package | null>(null)
  const [current, setCurrent] = useState<Item | null>(null)
  const [src, setSrc] = useState<string | null>(null)
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: 'Loading…' })
  const [tracked, setTracked] = useState(true)
  const launchId = useRef(0)

  useEffect(() => {
    let cancelled = false
    const select = ['title', 'standard', 'items', 'scos'].map((f) => `select[${f}]=true`).join('&')
    fetch(`/api/scorm-packages/${packageId}?depth=0&${select}`, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 || res.status === 403 ? 'This content is for learners of the course.' : 'The content could not be loaded.')
        return (await res.json()) as Package
      })
      .then((doc) => {
        if (cancelled) return
        setPkg(doc)
        const first = launchable(doc.items).find((i) => i.kind === 'sco') ?? launchable(doc.items)[0] ?? null
        setCurrent(first)
      })
      .catch((err: Error) => !cancelled && setStatus({ text: err.message, error: true }))
    return () => {
      cancelled = true
    }
  }, [packageId])

  const launch = useCallback(
    async (item: Item, standard: Package['standard']) => {
      const id = ++launchId.current
      setSrc(null)
      setStatus({ text: 'Loading…' })
      const win = window as ScormWindow
      delete win.API
      delete win.API_1484_11
      let state: RuntimeState | null = null
      if (item.kind === 'sco') {
        const res = await fetch(`/api/scorm-packages/${packageId}/runtime?sco=${encodeURIComponent(item.identifier)}`, { credentials: 'same-origin' })
        if (!res.ok) {
          setStatus({ text: 'Your saved place could not be loaded.', error: true })
          return
        }
        state = (await res.json()) as RuntimeState
      }
      if (id !== launchId.current) return
      setTracked(state?.tracked ?? true)

      const session = newSession()
      const settings = { autocommit: false, logLevel: 5 as const }
      // The ESM builds export the classes by name (the bundled typings declare a default export).
      type ApiModule = { Scorm12API?: ApiClass; Scorm2004API?: ApiClass; default?: ApiClass }
      const mod = (standard === 'scorm12' ? await import('scorm-again/scorm12') : await import('scorm-again/scorm2004')) as unknown as ApiModule
      const ApiClass = (standard === 'scorm12' ? mod.Scorm12API : mod.Scorm2004API) ?? mod.default
      if (!ApiClass) throw new Error('SCORM run-time missing')
      const api = new ApiClass(settings)
      if (id !== launchId.current) return
      if (state) api.loadFromJSON(state.cmi)

      let sending: Promise<void> = Promise.resolve()
      const commit = (terminate: boolean) => {
        if (!state?.tracked) return
        const rendered = api.renderCMIToJSONObject()
        const body = JSON.stringify({ session, terminate, cmi: rendered.cmi ?? rendered })
        // Keep the final commit alive when the page is closing; browsers cap keepalive bodies at 64 KB.
        const keepalive = terminate && body.length < 60_000
        sending = sending.then(async () => {
          try {
            const res = await fetch(`/api/scorm-packages/${packageId}/runtime?sco=${encodeURIComponent(item.identifier)}`, {
              method: 'PUT',
              credentials: 'same-origin',
              headers: { 'Content-Type': 'application/json' },
              body,
              keepalive,
            })
            const json = await res.json().catch(() => null)
            if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? 'Saving failed.')
            if (id === launchId.current) setStatus({ text: json.lesson?.status === 'completed' ? 'Saved · lesson completed' : 'Saved' })
            window.dispatchEvent(
              new CustomEvent<ScormProgressDetail>('rounds:lesson-progress', { detail: { lessonId, lesson: json.lesson, course: json.course } }),
            )
          } catch (err) {
            if (id === launchId.current) setStatus({ text: `Your progress was not saved: ${(err as Error).message}`, error: true })
          }
        })
      }
      if (standard === 'scorm12') {
        api.on('LMSCommit', () => commit(false))
        api.on('LMSFinish', () => commit(true))
        win.API = api
      } else {
        api.on('Commit', () => commit(false))
        api.on('Terminate', () => commit(true))
        win.API_1484_11 = api
      }
      setStatus({ text: '' })
      setSrc(`/scorm/${packageId}/${item.launch}`)
    },
    [packageId, lessonId],
  )

  useEffect(() => {
    if (pkg && current) void launch(current, pkg.standard)
  }, [pkg, current, launch])

  useEffect(
    () => () => {
      // A newer launch (or none) wins; the SCO's own unload handler finishes its session first.
      launchId.current++
    },
    [],
  )

  const items = pkg ? launchable(pkg.items) : []
  const showTree = items.length > 1

  const renderTree = (list: Item[]) => (
    <ul>
      {list.map((item) => (
        <li key={item.identifier}>
          {item.launch ? (
            <button type="button" className={styles.item} aria-current={current?.identifier === item.identifier} onClick={() => setCurrent(item)}>
              {item.title}
            </button>
          ) : (
            <div className={styles.folder}>{item.title}</div>
          )}
          {item.children.length > 0 && renderTree(item.children)}
        </li>
      ))}
    </ul>
  )

  return (
    <section className={styles.player} aria-label={pkg?.title ?? 'SCORM content'}>
      {!tracked && <p className={styles.note}>Preview: you are not enrolled, so your progress in this content is not saved.</p>}
      <div className={`${styles.layout} ${showTree ? styles.layoutWithTree : ''}`}>
        {showTree && pkg && (
          <nav aria-label="Parts of this lesson" className={styles.tree}>
            {renderTree(pkg.items)}
          </nav>
        )}
        {src ? (
          <iframe key={src} className={styles.frame} src={src} title={current?.title ?? 'SCORM content'} allow="fullscreen; autoplay" />
        ) : (
          <div className={styles.frame} aria-busy="true" />
        )}
      </div>
      <div className={styles.bar}>
        <span className={`${styles.status} ${status.error ? styles.statusError : ''}`} role="status" aria-live="polite">
          {status.text}
        </span>
      </div>
    </section>
  )
}
