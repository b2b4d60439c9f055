import crypto from 'node:crypto'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { query, sql, transaction } from '@/db/sql'
import { startConversation } from '@/domain/messaging/conversations'
import { sendMessage } from '@/domain/messaging/messages'
import { follow } from '@/domain/social/graph'
import { joinRoom } from '@/domain/social/membership'
import { setReaction } from '@/domain/social/reactions'
import { AVATAR_PREFIX } from './avatars'
import { DEMO_MESSAGES, DEMO_POSTS, DEMO_ROOMS, type PostSeed } from './socialContent'

type Member = { id: number; collection: 'users'; specialty: number | null; verificationStatus: string; roles: string[]; [key: string]: unknown }

/** A lexical body of one paragraph per line, as the editor stores it. */
function lexical(lines: string[]) {
  const paragraph = (text: string) => ({
    type: 'paragraph',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    textFormat: 0,
    children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
  })
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: lines.map(paragraph) } }
}

const escapeXml = (value: string) => value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)

/** A simple 1200x630 figure (title and one line of figures) for image posts. */
async function uploadFigure(payload: Payload, image: NonNullable<PostSeed['image']>, owner: number): Promise<number> {
  const [title, figures] = image.lines
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="${image.colour}"/>
  <text x="80" y="260" fill="#ffffff" font-family="DejaVu Sans, Arial, sans-serif" font-size="64" font-weight="700">${escapeXml(title)}</text>
  <text x="80" y="380" fill="#ffffff" font-family="DejaVu Sans, Arial, sans-serif" font-size="44">${escapeXml(figures ?? '')}</text>
</svg>`
  const data = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: image.caption, owner },
    file: { data, mimetype: 'image/png', name: `${AVATAR_PREFIX}figure-${crypto.randomBytes(3).toString('hex')}.png`, size: data.length },
    overrideAccess: true,
    depth: 0,
  })
  return media.id as number
}

/**
 * The demo network: rooms and channels, who follows whom, posts with comments and reactions, and one
 * conversation. Everything goes through the same rules as members' own actions (hooks, counters,
 * activity events), so notifications and points come out as they would in use. Runs once, right
 * after the demo accounts are created.
 */
export async function seedSocialDemo(payload: Payload, accountIds: number[]) {
  const { docs } = await payload.find({ collection: 'users', where: { id: { in: accountIds } }, pagination: false, depth: 0, overrideAccess: true })
  const members = (docs as unknown as Member[]).map((m) => ({ ...m, collection: 'users' as const }))
  const doctors = members.filter((m) => m.verificationStatus === 'verified' && m.roles.includes('member') && m.specialty)
  if (doctors.length < 4) return
  const admin = members.find((m) => m.roles.includes('admin'))
  const specialtySlugs = new Map(
    (await query<{ id: number; slug: string }>(payload, sql`select id, slug from specialties`)).map((r) => [r.slug, r.id]),
  )

  const rooms = new Map<string, number>()
  for (const room of DEMO_ROOMS) {
    const created = await payload.create({
      collection: 'rooms',
      data: {
        kind: room.kind,
        name: room.name,
        slug: room.slug,
        description: room.description,
        voting: Boolean(room.voting),
        sponsored: Boolean(room.sponsored),
        visibility: room.visibility ?? 'members',
        specialty: room.specialty ? specialtySlugs.get(room.specialty) : undefined,
        owner: room.kind === 'channel' ? admin?.id : undefined,
      } as never,
      overrideAccess: true,
      depth: 0,
    })
    rooms.set(room.slug, created.id as number)
  }

  // Everyone joins a few rooms and follows a handful of colleagues: those in their specialty first.
  for (const [i, doctor] of doctors.entries()) {
    for (const [j, roomId] of [...rooms.values()].entries()) if ((i + j) % 3 !== 0) await joinRoom(payload, roomId, doctor.id)
    const peers = doctors.filter((d) => d.id !== doctor.id)
    const same = peers.filter((d) => d.specialty === doctor.specialty)
    const others = peers.filter((d) => d.specialty !== doctor.specialty)
    for (const other of [...same, ...others.slice(i % others.length, (i % others.length) + 4)].slice(0, 7)) await follow(payload, doctor.id, other.id)
  }

  const bySpecialty = (slug: string | undefined, turn: number) => {
    const wanted = slug ? specialtySlugs.get(slug) : undefined
    const pool = doctors.filter((d) => wanted === undefined || d.specialty === wanted)
    const from = pool.length ? pool : doctors
    return from[turn % from.length]
  }

  // Oldest first, so the feeds show them in the order they were written.
  const posts = [...DEMO_POSTS].sort((a, b) => b.ageHours - a.ageHours)
  for (const [turn, seed] of posts.entries()) {
    // A channel speaks with its owner's voice; in a room, the author joins before posting.
    const channel = DEMO_ROOMS.find((r) => r.slug === seed.room)?.kind === 'channel'
    const author = channel && admin ? admin : bySpecialty(seed.by, turn)
    if (seed.room && !channel) await joinRoom(payload, rooms.get(seed.room)!, author.id)
    const media = seed.image ? [await uploadFigure(payload, seed.image, author.id)] : []
    const post = await payload.create({
      collection: 'posts',
      data: {
        kind: media.length ? 'image' : 'text',
        title: seed.title,
        body: lexical(seed.text),
        media,
        tags: seed.tags,
        visibility: seed.visibility ?? 'members',
        room: seed.room ? rooms.get(seed.room) : undefined,
        specialties: author.specialty ? [author.specialty] : [],
        _status: 'published',
      } as never,
      user: author,
      overrideAccess: false,
      depth: 0,
    })
    const postId = post.id as number
    for (const [k, comment] of (seed.comments ?? []).entries()) {
      const commenter = bySpecialty(comment.by, turn + k + 1)
      const top = await payload.create({ collection: 'comments', data: { post: postId, body: comment.text } as never, user: commenter, overrideAccess: false, depth: 0 })
      for (const reply of comment.replies ?? []) {
        const replier = reply.by ? bySpecialty(reply.by, turn + k + 2) : author
        await payload.create({ collection: 'comments', data: { post: postId, parent: top.id, body: reply.text } as never, user: replier, overrideAccess: false, depth: 0 })
      }
    }
    const inVotingRoom = seed.room ? DEMO_ROOMS.find((r) => r.slug === seed.room)?.voting : false
    const fans = doctors.filter((d) => d.id !== author.id).slice(turn % 5, (turn % 5) + 3 + (turn % 7))
    for (const fan of fans) await setReaction(payload, fan.id, { collection: 'posts', id: postId }, inVotingRoom ? 'up' : 'like')
    // Spread over the last days, as if written then.
    const at = new Date(Date.now() - seed.ageHours * 3600_000).toISOString()
    await query(payload, sql`update posts set created_at = ${at}, published_at = ${at} where id = ${postId}`)
  }

  const [first, second] = doctors
  const conversation = await startConversation(payload, first, { participantIds: [second.id] })
  for (const [i, body] of DEMO_MESSAGES.entries()) await sendMessage(payload, i % 2 === 0 ? first : second, conversation.id, { body })
}

/**
 * Removes the network activity of the given accounts (and the demo rooms), so that a reseed can
 * delete the accounts themselves: members who took part in the network cannot be deleted outright.
 */
export async function removeSocialDemo(payload: Payload, userIds: number[]) {
  if (!userIds.length) return
  const ids = sql.param(userIds)
  await transaction(payload, async (tx) => {
    const run = (statement: ReturnType<typeof sql>) => tx.execute(statement)
    await run(sql`create temporary table demo_posts on commit drop as select id from posts where author_id = any(${ids}::int[])`)
    await run(sql`create temporary table demo_conversations on commit drop as select distinct conversation_id as id from conversation_members where user_id = any(${ids}::int[])`)
    await run(sql`delete from messages where conversation_id in (select id from demo_conversations)`)
    await run(sql`delete from conversation_members where conversation_id in (select id from demo_conversations)`)
    await run(sql`delete from conversations where id in (select id from demo_conversations)`)
    await run(sql`delete from reactions where user_id = any(${ids}::int[]) or post_id in (select id from demo_posts)
                    or comment_id in (select id from comments where author_id = any(${ids}::int[]) or post_id in (select id from demo_posts))`)
    await run(sql`delete from bookmarks where user_id = any(${ids}::int[]) or post_id in (select id from demo_posts)`)
    await run(sql`delete from shares where user_id = any(${ids}::int[]) or post_id in (select id from demo_posts)`)
    await run(sql`delete from comments where author_id = any(${ids}::int[]) or post_id in (select id from demo_posts)`)
    await run(sql`update posts set repost_of_id = null where repost_of_id in (select id from demo_posts)`)
    await run(sql`delete from _posts_v where parent_id in (select id from demo_posts)`)
    await run(sql`delete from posts where id in (select id from demo_posts)`)
    await run(sql`delete from follows where follower_id = any(${ids}::int[]) or following_id = any(${ids}::int[])`)
    await run(sql`delete from blocks where blocker_id = any(${ids}::int[]) or blocked_id = any(${ids}::int[])`)
    await run(sql`delete from room_members where user_id = any(${ids}::int[])`)
    await run(sql`delete from room_members where room_id in (select id from rooms where slug = any(${sql.param(DEMO_ROOMS.map((r) => r.slug))}::text[]))`)
    await run(sql`delete from rooms where slug = any(${sql.param(DEMO_ROOMS.map((r) => r.slug))}::text[])`)
  })
}
