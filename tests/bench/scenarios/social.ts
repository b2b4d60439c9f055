import fs from 'node:fs'
import path from 'node:path'

import { ROOT } from '../../helpers/appServer'
import { pick, type BenchContext, type Scenario } from '../context'

const WORDS = ['sepsis', 'insulin', 'troponin', 'stroke', 'asthma', 'migraine', 'pneumonia', 'dialysis', 'biopsy', 'thrombosis', 'lymphoma', 'triage']

/** A signed-in member for the i-th request: members are drawn from the whole pool, spread by i. */
const member = (ctx: BenchContext, i: number) => pick(ctx.members, i)
const auth = (ctx: BenchContext, i: number) => ({ Authorization: `JWT ${member(ctx, i).token}` })
const json = (ctx: BenchContext, i: number) => ({ ...auth(ctx, i), 'Content-Type': 'application/json' })

const exists = (file: string) => fs.existsSync(path.join(ROOT, file))

/** The social network at scale: feeds, a post, search, and the writes members make most. */
export function socialScenarios(): Scenario[] {
  const scenarios: Scenario[] = [
    {
      name: 'GET /api/feed (home)',
      description: 'home feed page of 20 for a signed-in member (follows, rooms, specialties, own)',
      target: { p95: 100 },
      next: (ctx, i) => ({ path: '/api/feed?limit=20', headers: auth(ctx, i) }),
    },
    {
      name: 'GET /api/feed (home, page 2)',
      description: 'the next page of the home feed, by the first page’s cursor',
      target: { p95: 100 },
      next: (ctx, i) => {
        const m = member(ctx, i)
        return { path: `/api/feed?limit=20${m.homeCursor ? `&cursor=${m.homeCursor}` : ''}`, headers: auth(ctx, i) }
      },
    },
    {
      name: 'GET /api/feed (home, top)',
      description: 'home feed ranked by engagement with time decay (last 7 days)',
      target: { p95: 100 },
      next: (ctx, i) => ({ path: '/api/feed?limit=20&sort=top', headers: auth(ctx, i) }),
    },
    {
      name: 'GET /api/feed (public)',
      description: 'public feed page of 20, signed in',
      target: { p95: 100 },
      next: (ctx, i) => ({ path: '/api/feed?kind=public&limit=20', headers: auth(ctx, i) }),
    },
    {
      name: 'GET /api/feed (public, anonymous)',
      description: 'public feed page of 20, no account',
      target: { p95: 100 },
      next: () => ({ path: '/api/feed?kind=public&limit=20' }),
    },
    {
      name: 'GET /api/feed (room)',
      description: 'a room’s feed page of 20',
      target: { p95: 100 },
      next: (ctx, i) => ({ path: `/api/feed?kind=room&room=${pick(ctx.roomIds, i)}&limit=20`, headers: auth(ctx, i) }),
    },
    {
      name: 'GET /api/posts/:id',
      description: 'a single post at depth 1',
      target: { p95: 80 },
      next: (ctx, i) => ({ path: `/api/posts/${pick(ctx.postIds, i)}?depth=1`, headers: auth(ctx, i) }),
    },
  ]
  if (exists('app/(site)/posts/[id]/page.tsx')) {
    scenarios.push({
      name: 'GET /posts/:id (page)',
      description: 'the server-rendered post page',
      next: (ctx, i) => ({ path: `/posts/${pick(ctx.postIds, i)}`, headers: auth(ctx, i) }),
    })
  }
  if (exists('collections/social/endpoints/search.ts')) {
    scenarios.push({
      name: 'GET /api/search',
      description: 'search across posts, people and rooms',
      target: { p95: 150 },
      next: (ctx, i) => ({ path: `/api/search?q=${pick(WORDS, i)}`, headers: auth(ctx, i) }),
    })
  }
  scenarios.push(
    {
      name: 'POST /api/conversations/:id/messages',
      description: 'a member sends a message in their conversation',
      target: { p95: 200 },
      // The per-member sending limit (60 a minute) is not what is measured: the harness clears it.
      before: async (ctx) => {
        await ctx.db.query("delete from rate_limit.hits where key like 'message-send%'").catch(() => undefined)
      },
      next: (ctx, i) => {
        const m = pick(ctx.senders, i)
        return {
          method: 'POST',
          path: `/api/conversations/${m.conversation}/messages`,
          headers: { Authorization: `JWT ${m.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ body: `Bench message ${i}: how is the patient on ward ${i % 40}?` }),
        }
      },
    },
    {
      name: 'PUT /api/posts/:id/reaction',
      description: 'a member likes a post (counters in the same transaction)',
      target: { p95: 200 },
      next: (ctx, i) => ({
        method: 'PUT',
        path: `/api/posts/${pick(ctx.likablePostIds, i * 31 + Math.floor(i / 97))}/reaction`,
        headers: json(ctx, i),
        body: JSON.stringify({ kind: 'like' }),
      }),
    },
  )
  return scenarios
}
