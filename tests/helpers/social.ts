import type { Payload } from 'payload'

import { countSql } from '@/db/sqlCounter'

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
export const countStatements = countSql

