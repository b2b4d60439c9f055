import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'

import type { Payload } from 'payload'

let sequence = 0
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}${Math.floor(Math.random() * 1e4)}`

/** A Lexical body of one paragraph per line. */
export function lexical(...lines: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: lines.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      })),
    },
  }
}

export async function createRoom(payload: Payload, data: Record<string, unknown> = {}) {
  const slug = `room-${unique()}`
  return (await payload.create({
    collection: 'rooms',
    data: { name: `Room ${slug}`, slug, kind: 'room', visibility: 'members', ...data } as never,
    overrideAccess: true,
  })) as unknown as { id: number; memberCount: number; slug: string }
}

/** A post stored directly (server side), by `author`. */
export async function createPost(payload: Payload, author: number, data: Record<string, unknown> = {}) {
  return (await payload.create({
    collection: 'posts',
    data: { kind: 'text', body: lexical(`Post ${unique()}`), visibility: 'public', _status: 'published', author, ...data } as never,
    overrideAccess: true,
  })) as unknown as { id: number; [key: string]: any }
}

/** Runs `work` while counting the SQL statements sent by this async context (and only it). */
const storage = new AsyncLocalStorage<{ count: number; texts: string[] }>()
let patched = false

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; count: number; texts: string[] }> {
  if (!patched) {
    patched = true
    const pg = createRequire(import.meta.url)('pg') as typeof import('pg')
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown
    pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const store = storage.getStore()
      if (store) {
        store.count++
        const q = args[0] as string | { text?: string }
        store.texts.push(typeof q === 'string' ? q : (q?.text ?? ''))
      }
      return original.apply(this, args)
    } as typeof pg.Client.prototype.query
  }
  const store = { count: 0, texts: [] as string[] }
  const result = await storage.run(store, work)
  return { result, count: store.count, texts: store.texts }
}
