/**
 * The intended access policy of every collection, as the access matrix (access-matrix.test.ts) checks
 * it over REST and GraphQL. Every collection in the Payload config needs an entry here, Payload's own
 * `payload-*` collections included: a new collection fails the matrix until its author states who may
 * do what with it.
 *
 * For each operation, the roles that may perform it. Where documents belong to someone (`owner`), the
 * rule is split: `own` is a document of the acting user, `other` one of another user.
 *   find   - the document shows up in a list query
 *   read   - the document is returned by id
 *   create - a new document is stored
 *   update - a change is stored
 *   delete - the document is gone
 */
import type { Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

import { createUser, PASSWORD } from '../helpers/users'
import { createPost, createRoom, lexical } from '../helpers/social'
import { createCourse, enrollDirectly } from '../helpers/learning'
import { seedScormPackage, tinyScormZip } from '../helpers/scorm'
import { newCertificateCode } from '@/domain/learning/certificates/code'

export const ROLES = ['anonymous', 'member', 'verified', 'instructor', 'moderator', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]
export type Who = readonly Role[]
export type Rule = Who | { own: Who; other: Who }

export type Actor = { role: Role; id?: number }
export type Context = { payload: Payload; marker: string }

export type CollectionPolicy = {
  /** How a document belongs to a user: it is the user, or a relationship field points at them. */
  owner?: 'self' | { field: string; polymorphic?: boolean }
  find: Rule
  read: Rule
  create: Who
  update: Rule
  delete: Rule
  /** A harmless field the matrix changes to prove an update (default: the first plain text field). */
  updateField?: string
  /** Stores a document through the Local API, owned by `owner` when the collection has owners. */
  seed?: (ctx: Context, owner?: number) => Promise<number>
  /** The body of a create request, when the required fields alone cannot make a valid document. */
  createBody?: (ctx: Context) => Promise<{ rest: Record<string, unknown> | FormData; graphql: Record<string, unknown> }>
  /** Finds what a create request with this marker stored. */
  createdWhere?: (marker: string) => Record<string, unknown>
  /** Why the policy is what it is, when it is not obvious. */
  why?: string
}

const everyone: Who = ROLES
const signedIn: Who = ROLES.filter((r) => r !== 'anonymous')
const staff: Who = ['moderator', 'editor', 'admin']
const adminPanel: Who = ['instructor', 'moderator', 'editor', 'admin']
const editors: Who = ['editor', 'admin']
const admins: Who = ['admin']
const reviewers: Who = ['moderator', 'admin']
const nobody: Who = []

const png = () => sharp({ create: { width: 32, height: 32, channels: 3, background: '#0e7490' } }).png().toBuffer()
const tinyPdf = async () => {
  const pdf = await PDFDocument.create()
  pdf.addPage([200, 200])
  return Buffer.from(await pdf.save())
}

export const ACCESS_POLICY: Record<string, CollectionPolicy> = {
  users: {
    owner: 'self',
    why: 'Confirmed profiles are public (fields narrow what is shown); accounts are made by registration, not by the API.',
    find: { own: signedIn, other: everyone },
    read: { own: signedIn, other: everyone },
    create: admins,
    update: { own: signedIn, other: staff },
    delete: { own: admins, other: admins },
    updateField: 'bio',
    seed: async ({ payload }) => (await createUser(payload, { login: false })).id,
    createBody: async ({ marker }) => {
      const data = { email: `${marker}@example.test`, password: PASSWORD, name: 'Matrix Member' }
      // GraphQL's input type marks fields with defaults as required when the field is required.
      return { rest: data, graphql: { ...data, roles: ['member'], verificationStatus: 'unverified', tier: 'free' } }
    },
    createdWhere: (marker) => ({ email: { equals: `${marker}@example.test` } }),
  },
  specialties: {
    why: 'Master data: everyone reads it, editors maintain it.',
    find: everyone,
    read: everyone,
    create: editors,
    update: editors,
    delete: editors,
    updateField: 'description',
  },
  media: {
    owner: { field: 'owner' },
    why: 'Files are public once uploaded; the uploader and staff manage them.',
    find: everyone,
    read: everyone,
    create: signedIn,
    update: { own: signedIn, other: staff },
    delete: { own: signedIn, other: staff },
    updateField: 'alt',
    seed: async ({ payload, marker }, owner) => {
      const data = await png()
      const doc = await payload.create({
        collection: 'media',
        data: { alt: marker, owner } as never,
        file: { data, mimetype: 'image/png', name: `${marker}.png`, size: data.length },
        overrideAccess: true,
      })
      return doc.id as number
    },
    createBody: async ({ marker }) => {
      const body = new FormData()
      body.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), `${marker}.png`)
      body.append('_payload', JSON.stringify({ alt: marker }))
      // GraphQL carries no file: an allowed caller gets past access control and is stopped for the missing file.
      return { rest: body, graphql: { alt: marker } }
    },
    createdWhere: (marker) => ({ alt: { equals: marker } }),
  },
  emails: {
    why: 'The outbox holds one-time codes and reset links: admins read it, only the server writes it.',
    find: admins,
    read: admins,
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'subject',
  },
  'licence-documents': {
    owner: { field: 'owner' },
    why: 'Licence scans are personal data: their owner and the reviewers (moderators, admins) read them, editors do not; only POST /api/licence-verifications/submit stores them.',
    find: { own: signedIn, other: reviewers },
    read: { own: signedIn, other: reviewers },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'filename',
    seed: async ({ payload, marker }, owner) => licenceDocument(payload, marker, owner),
  },
  'licence-verifications': {
    owner: { field: 'user' },
    why: 'A member reads their own requests, reviewers (moderators, admins) all of them; requests are made and decided only through the submit, approve, reject and withdraw endpoints, so every decision is audited and told.',
    find: { own: signedIn, other: reviewers },
    read: { own: signedIn, other: reviewers },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'licenceNumber',
    seed: async ({ payload, marker }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const document = await licenceDocument(payload, marker, user)
      const data = { user, licenceNumber: marker.slice(0, 64), jurisdiction: 'Matrix', document, status: 'withdrawn', submittedAt: new Date().toISOString() }
      return ((await payload.create({ collection: 'licence-verifications' as never, data: data as never, overrideAccess: true })) as unknown as { id: number }).id
    },
  },
  'identity-check-events': {
    why: 'Webhook deliveries of the identity-check provider: administrators read them; only the signed webhook writes them.',
    find: admins,
    read: admins,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'type',
    seed: async ({ payload, marker }) =>
      ((await payload.create({ collection: 'identity-check-events' as never, data: { provider: 'matrix', eventId: marker, type: marker } as never, overrideAccess: true })) as unknown as { id: number }).id,
  },
  'audit-events': {
    why: 'The audit trail is written only by the server and never changed; admins read it.',
    find: admins,
    read: admins,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'type',
  },
  'two-factor-credentials': {
    why: 'Encrypted TOTP secrets and recovery-code hashes: admins see who has two-factor on and may delete an entry to reset a lost device; nobody writes through the API.',
    find: admins,
    read: admins,
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'enabledAt',
    seed: async ({ payload, marker }) => {
      const user = await createUser(payload, { name: marker })
      const doc = await payload.create({ collection: 'two-factor-credentials', data: { user: user.id, enabledAt: new Date().toISOString() }, overrideAccess: true })
      return doc.id as number
    },
  },
  'two-factor-challenges': {
    why: 'Logins waiting for their second factor: server only.',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'sid',
  },
  'two-factor-used-codes': {
    why: 'Codes already accepted (replay protection): server only.',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'key',
  },
  'two-factor-devices': {
    why: 'Remembered devices: members manage theirs through the two-factor endpoints only.',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'label',
  },
  'session-activity': {
    why: 'Device, address and last use of each session: nobody through the API; members list and end their own sessions through /api/users/sessions.',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'userAgent',
  },
  socialAccounts: {
    owner: { field: 'user' },
    why: 'Sign-in providers connected to a member: the member reads their own, admins all; only the server creates them, and the unlink endpoint (which keeps a way to sign in) or an admin removes them.',
    find: { own: signedIn, other: admins },
    read: { own: signedIn, other: admins },
    create: nobody,
    update: nobody,
    delete: admins,
  },
  rooms: {
    owner: { field: 'owner' },
    why: 'Rooms are listed for the audience their visibility names; staff run them; the account owning a channel may change its description.',
    find: everyone,
    read: everyone,
    create: staff,
    update: { own: signedIn, other: staff },
    delete: staff,
    updateField: 'description',
    seed: async ({ payload, marker }, owner) =>
      (await createRoom(payload, { name: marker, slug: marker, visibility: 'public', ...(owner ? { kind: 'channel', owner } : {}) })).id,
  },
  'room-members': {
    owner: { field: 'user' },
    why: 'Signed-in members see who belongs to rooms they can see; members join and leave through /api/rooms/:id/join|leave, staff manage memberships here.',
    find: signedIn,
    read: signedIn,
    create: staff,
    update: staff,
    delete: staff,
    updateField: 'label',
    seed: async ({ payload, marker }, owner) => {
      const room = await createRoom(payload, { name: marker, slug: marker, visibility: 'public' })
      const user = owner ?? (await createUser(payload, { login: false })).id
      return (await payload.create({ collection: 'room-members', data: { room: room.id, user, role: 'member' }, overrideAccess: true })).id as number
    },
    createBody: async ({ payload, marker }) => {
      const room = await createRoom(payload, { name: marker, slug: marker, visibility: 'public' })
      const user = (await createUser(payload, { login: false })).id
      const data = { room: room.id, user, role: 'member', label: marker }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ label: { equals: marker } }),
  },
  posts: {
    owner: { field: 'author' },
    why: 'Published public posts are for everyone; members write their own; staff moderate any; only administrators delete for good (members move posts to the trash).',
    find: everyone,
    read: everyone,
    create: signedIn,
    update: { own: signedIn, other: staff },
    delete: admins,
    updateField: 'title',
    seed: async ({ payload, marker }, owner) => (await createPost(payload, owner ?? (await createUser(payload, { login: false })).id, { title: marker })).id,
    createBody: async ({ marker }) => {
      const data = { kind: 'text', title: marker, body: lexical(marker), visibility: 'public', _status: 'published' }
      return { rest: data, graphql: { ...data, moderation: 'visible' } }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  comments: {
    owner: { field: 'author' },
    why: 'Comments are read with their post; members comment on posts they can read and edit their own for 15 minutes; only administrators delete for good.',
    find: everyone,
    read: everyone,
    create: signedIn,
    update: { own: signedIn, other: staff },
    delete: admins,
    updateField: 'body',
    seed: async ({ payload, marker }, owner) => {
      const author = owner ?? (await createUser(payload, { login: false })).id
      const post = await createPost(payload, author)
      return (await payload.create({ collection: 'comments', data: { post: post.id, body: marker, author } as never, overrideAccess: true })).id as number
    },
    createBody: async ({ payload, marker }) => {
      const post = await createPost(payload, (await createUser(payload, { login: false })).id)
      const data = { post: post.id, body: marker }
      return { rest: data, graphql: { ...data, moderation: 'visible' } }
    },
    createdWhere: (marker) => ({ body: { equals: marker } }),
  },
  reactions: {
    owner: { field: 'user' },
    why: 'A member sees their own reactions; they are written only by PUT/DELETE /api/posts/:id/reaction (and comments), which keep the counters exact.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'createdAt',
  },
  bookmarks: {
    owner: { field: 'user' },
    why: 'Bookmarks are private to their member; written only by PUT/DELETE /api/posts/:id/bookmark.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'createdAt',
    seed: async ({ payload }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const post = await createPost(payload, user)
      return (await payload.create({ collection: 'bookmarks', data: { user, post: post.id }, overrideAccess: true })).id as number
    },
  },
  shares: {
    owner: { field: 'user' },
    why: 'Share records are private to their member; written by POST /api/posts/:id/share and by reposting.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'createdAt',
  },
  'payload-jobs': {
    why: "Payload's Jobs Queue (scheduled publishing): server only; runs over HTTP are for administrators.",
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'queue',
    seed: async ({ payload }) =>
      (await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish' } as never, waitUntil: new Date(Date.now() + 365 * 24 * 3600 * 1000) })).id as number,
  },
  'payload-kv': {
    why: "Payload's key-value store: server code only.",
    updateField: 'key',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  'payload-locked-documents': {
    why: 'Edit locks of the admin panel: only its users see or set them (Payload would let any member).',
    find: adminPanel,
    read: adminPanel,
    create: adminPanel,
    update: adminPanel,
    delete: adminPanel,
    updateField: 'globalSlug',
  },
  'payload-preferences': {
    owner: { field: 'user', polymorphic: true },
    why: 'Admin panel preferences: each admin-panel user their own, nobody anyone else’s.',
    find: { own: adminPanel, other: nobody },
    read: { own: adminPanel, other: nobody },
    create: adminPanel,
    update: { own: adminPanel, other: nobody },
    delete: { own: adminPanel, other: nobody },
    updateField: 'key',
  },
  follows: {
    why: 'Who follows whom is public; follows are made and ended only through PUT/DELETE /api/users/:id/follow, which keeps the counters exact.',
    find: everyone,
    read: everyone,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'follower',
    seed: async ({ payload }) => {
      const [a, b] = await Promise.all([createUser(payload, { login: false }), createUser(payload, { login: false })])
      return (await payload.create({ collection: 'follows', data: { follower: a.id, following: b.id }, overrideAccess: true })).id as number
    },
  },
  blocks: {
    owner: { field: 'blocker' },
    why: 'A member sees only the blocks they made (the blocked member is never told); staff see all; written only through PUT/DELETE /api/users/:id/block.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'blocked',
    seed: async ({ payload }, owner) => {
      const blocker = owner ?? (await createUser(payload, { login: false })).id
      const blocked = (await createUser(payload, { login: false })).id
      return (await payload.create({ collection: 'blocks', data: { blocker, blocked }, overrideAccess: true })).id as number
    },
  },
  conversations: {
    owner: { field: 'participants' },
    why: 'Private to the participants, staff included; started only through POST /api/conversations/start.',
    find: { own: signedIn, other: nobody },
    read: { own: signedIn, other: nobody },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'title',
    seed: async ({ payload, marker }, owner) => (await seedConversation(payload, marker, owner)).conversation,
  },
  messages: {
    owner: { field: 'sender' },
    why: 'Readable only by the participants of their conversation; sent only through POST /api/conversations/:id/messages (sender set by the server).',
    find: { own: signedIn, other: nobody },
    read: { own: signedIn, other: nobody },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'body',
    seed: async ({ payload, marker }, owner) => {
      const { conversation, owner: sender } = await seedConversation(payload, marker, owner)
      return (await payload.create({ collection: 'messages', data: { conversation, sender, body: marker }, overrideAccess: true })).id as number
    },
  },
  'conversation-members': {
    owner: { field: 'user' },
    why: 'Read and delivery markers: the participants of the conversation see them; only the messaging endpoints write them.',
    find: { own: signedIn, other: nobody },
    read: { own: signedIn, other: nobody },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'lastReadAt',
    seed: async ({ payload, marker }, owner) => {
      const { conversation, owner: user } = await seedConversation(payload, marker, owner)
      return (await payload.create({ collection: 'conversation-members', data: { conversation, user }, overrideAccess: true })).id as number
    },
  },
  notifications: {
    owner: { field: 'recipient' },
    why: 'Private to the recipient, staff included; made only by the activity listener; marked read only through POST /api/notifications/read.',
    find: { own: signedIn, other: nobody },
    read: { own: signedIn, other: nobody },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'subjectKey',
    seed: async ({ payload, marker }, owner) => {
      const recipient = owner ?? (await createUser(payload, { login: false })).id
      const doc = await payload.create({
        collection: 'notifications',
        data: { recipient, type: 'follow', subjectKey: marker.slice(0, 40), activityAt: new Date().toISOString() },
        overrideAccess: true,
      })
      return doc.id as number
    },
  },
  'notification-actors': {
    why: 'Who acted on each notification (what keeps its counts exact): server only.',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'actor',
  },
  'notification-digests': {
    why: 'Daily digests sent (one per member and day): administrators read them; only the digest job writes them.',
    find: admins,
    read: admins,
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'day',
    // `day` is too short to carry the marker: the marker's number goes in `items` instead.
    createBody: async ({ marker }) => {
      const data = { day: '2000-01-01', items: markerNumber(marker), sentAt: new Date().toISOString() }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ items: { equals: markerNumber(marker) } }),
  },
  'point-events': {
    owner: { field: 'member' },
    why: 'The points ledger: members read their own, staff everyone\'s; written only by the engagement listener and sign-in code.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'source',
    seed: async ({ payload, marker }, owner) => {
      const member = owner ?? (await createUser(payload, { login: false })).id
      const data = { member, reason: 'post', source: marker, points: 0 }
      const doc = (await payload.create({ collection: 'point-events' as never, data: data as never, overrideAccess: true })) as unknown as { id: number }
      return doc.id
    },
  },
  recommendations: {
    owner: { field: 'member' },
    why: 'Suggestions are private to their member (administrators may inspect them); computed by the refresh job, dismissed only through POST /api/recommendations/:id/dismiss.',
    find: { own: signedIn, other: admins },
    read: { own: signedIn, other: admins },
    create: nobody,
    update: nobody,
    delete: nobody,
    updateField: 'computedAt',
    seed: async ({ payload }, owner) => {
      const member = owner ?? (await createUser(payload, { login: false })).id
      const target = (await createUser(payload, { login: false })).id
      const data = { member, kind: 'person', targetId: target, score: 0.5, reasons: ['Same specialty'] }
      const doc = (await payload.create({ collection: 'recommendations' as never, data: data as never, overrideAccess: true })) as unknown as { id: number }
      return doc.id
    },
  },
  reports: {
    owner: { field: 'reporter' },
    why: 'Members report what they can see and read their own reports; staff decide them; only administrators delete.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: signedIn,
    update: staff,
    delete: admins,
    updateField: 'resolution',
    seed: async ({ payload }, owner) => {
      const reporter = owner ?? (await createUser(payload, { login: false })).id
      const author = (await createUser(payload, { login: false })).id
      const post = await createPost(payload, author)
      const doc = await payload.create({ collection: 'reports', data: { reporter, targetType: 'posts', targetId: post.id, reason: 'spam' } as never, overrideAccess: true })
      return doc.id as number
    },
    createBody: async ({ payload, marker }) => {
      const post = await createPost(payload, (await createUser(payload, { login: false })).id)
      const data = { targetType: 'posts', targetId: post.id, reason: 'other', note: marker }
      // GraphQL's input marks fields with defaults as required; the server sets the status anyway.
      return { rest: data, graphql: { ...data, status: 'open' } }
    },
    createdWhere: (marker) => ({ note: { equals: marker } }),
  },
  courses: {
    why: 'The catalogue is public once published; instructors author (and are listed on what they create); only the instructors listed on a course and staff change it.',
    find: everyone,
    read: everyone,
    create: adminPanel,
    update: staff,
    delete: staff,
    seed: async ({ payload, marker }) => (await createCourse(payload, { data: { title: marker } })).id,
    createBody: async ({ marker }) => {
      const data = { title: marker, slug: marker, level: 'intermediate', pricing: 'free', _status: 'published' }
      return { rest: data, graphql: { ...data, completion: { rule: 'required' } } }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  'course-modules': {
    why: 'Module titles are part of the public syllabus of a published course; only instructors of the course and staff write them.',
    find: everyone,
    read: everyone,
    create: staff,
    update: staff,
    delete: staff,
    seed: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      await payload.update({ collection: 'course-modules', id: course.modules[0], data: { title: marker }, overrideAccess: true })
      return course.modules[0]
    },
    createBody: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      const data = { course: course.id, title: marker, order: 5 }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  lessons: {
    why: 'Lesson content is for enrolled learners (none of the matrix roles is enrolled), preview lessons for everyone; instructors of the course and staff write it.',
    find: staff,
    read: staff,
    create: staff,
    update: staff,
    delete: staff,
    seed: async ({ payload, marker }) => (await createCourse(payload, { modules: [[{ title: marker }]] })).lessons[0],
    createBody: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      const data = { module: course.modules[0], title: marker, order: 3, kind: 'text' }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  enrollments: {
    owner: { field: 'user' },
    why: 'A learner reads their own enrollments; they are made by the enrollment rules (POST /api/courses/:id/enroll), not written through the API except by staff.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: staff,
    update: staff,
    delete: admins,
    updateField: 'user',
    seed: async ({ payload }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      return (await enrollDirectly(payload, user, (await createCourse(payload)).id)).id
    },
    createBody: async ({ payload }) => {
      const user = (await createUser(payload, { login: false })).id
      const data = { user, course: (await createCourse(payload)).id, status: 'active', source: 'staff', enrolledAt: new Date().toISOString() }
      return { rest: data, graphql: data }
    },
  },
  'course-entitlements': {
    owner: { field: 'user' },
    why: 'The right to enrol in a paid course: granted by a purchase or by staff; the member sees their own.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: staff,
    update: staff,
    delete: staff,
    updateField: 'note',
    seed: async ({ payload, marker }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const course = await createCourse(payload, { data: { pricing: 'paid' } })
      const doc = await payload.create({ collection: 'course-entitlements', data: { user, course: course.id, source: 'staff', note: marker }, overrideAccess: true })
      return doc.id as number
    },
    createBody: async ({ payload, marker }) => {
      const user = (await createUser(payload, { login: false })).id
      const data = { user, course: (await createCourse(payload, { data: { pricing: 'paid' } })).id, source: 'staff', note: marker }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ note: { equals: marker } }),
  },
  'lesson-progress': {
    owner: { field: 'user' },
    why: 'Written only by the server (heartbeats, grading, SCORM data, attendance); the learner reads their own.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'user',
    seed: async ({ payload }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const course = await createCourse(payload)
      const doc = await payload.create({
        collection: 'lesson-progress',
        data: { user, lesson: course.lessons[0], course: course.id, status: 'started', fraction: 0.5 },
        overrideAccess: true,
      })
      return doc.id as number
    },
  },
  'lesson-media': {
    owner: { field: 'owner' },
    why: 'Lesson videos and documents are private: staff and the instructor who uploaded them read them through the API; learners fetch a file only with a short-lived URL signed for them (GET /api/lessons/:id/media).',
    find: { own: adminPanel, other: staff },
    read: { own: adminPanel, other: staff },
    create: adminPanel,
    update: { own: adminPanel, other: staff },
    delete: { own: adminPanel, other: staff },
    updateField: 'title',
    seed: async ({ payload, marker }, owner) => {
      const data = await tinyPdf()
      const doc = await payload.create({
        collection: 'lesson-media',
        data: { title: marker, owner } as never,
        file: { data, mimetype: 'application/pdf', name: `${marker}.pdf`, size: data.length },
        overrideAccess: true,
      })
      return doc.id as number
    },
    createBody: async ({ marker }) => {
      const body = new FormData()
      body.append('file', new Blob([new Uint8Array(await tinyPdf())], { type: 'application/pdf' }), `${marker}.pdf`)
      body.append('_payload', JSON.stringify({ title: marker }))
      return { rest: body, graphql: { title: marker } }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  certificates: {
    owner: { field: 'user' },
    why: 'Issued by the server when a course is completed; the learner, instructors of the course and staff read it; staff revoke it by giving a reason; nobody else writes it. Anyone checks one by its code (GET /api/certificates/verify/:code).',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: staff,
    delete: nobody,
    updateField: 'revokedReason',
    seed: async ({ payload }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const course = await createCourse(payload)
      const completedAt = new Date().toISOString()
      const enrollment = await enrollDirectly(payload, user, course.id, { status: 'completed', completedAt })
      const data = { code: newCertificateCode(), user, course: course.id, enrollment: enrollment.id, learnerName: 'Matrix Learner', courseTitle: 'Matrix course', completedAt, issuedAt: completedAt }
      const doc = await payload.create({ collection: 'certificates', data, overrideAccess: true })
      return doc.id as number
    },
  },
  'live-sessions': {
    owner: { field: 'hosts' },
    why: 'Webinars are listed publicly (the join link is a field only hosts and staff read); instructors and staff schedule them, hosts and staff change them, staff delete them.',
    find: everyone,
    read: everyone,
    create: adminPanel,
    update: { own: signedIn, other: staff },
    delete: staff,
    updateField: 'title',
    seed: async ({ payload, marker }, owner) => seedLiveSession(payload, marker, owner),
    createBody: async ({ marker }) => {
      const data = { title: marker, ...liveTimes(), joinUrl: 'https://meet.example.com/matrix' }
      return { rest: data, graphql: { ...data, state: 'scheduled' } }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  'live-registrations': {
    owner: { field: 'user' },
    why: 'Seats are taken and given back only through the session endpoints (which keep the capacity); members read their own, hosts and staff those of their sessions.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'user',
    seed: async ({ payload, marker }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const session = await seedLiveSession(payload, marker)
      const doc = await payload.create({ collection: 'live-registrations' as never, data: { session, user } as never, overrideAccess: true })
      return (doc as unknown as { id: number }).id
    },
  },
  'live-questions': {
    owner: { field: 'author' },
    why: 'Asked, upvoted and moderated only through the session endpoints, which check the registration and announce each change; the author, the hosts and staff read them here.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: staff,
    updateField: 'body',
    seed: async ({ payload, marker }, owner) => {
      const author = owner ?? (await createUser(payload, { login: false })).id
      const session = await seedLiveSession(payload, marker)
      const doc = await payload.create({ collection: 'live-questions' as never, data: { session, author, body: marker } as never, overrideAccess: true })
      return (doc as unknown as { id: number }).id
    },
  },
  'live-question-votes': {
    owner: { field: 'user' },
    why: 'Upvotes are toggled only through the session endpoint that keeps the question\'s count exact.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'user',
    seed: async ({ payload, marker }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const session = await seedLiveSession(payload, marker)
      const author = (await createUser(payload, { login: false })).id
      const question = (await payload.create({ collection: 'live-questions' as never, data: { session, author, body: marker } as never, overrideAccess: true })) as unknown as { id: number }
      const doc = await payload.create({ collection: 'live-question-votes' as never, data: { question: question.id, user } as never, overrideAccess: true })
      return (doc as unknown as { id: number }).id
    },
  },
  'live-polls': {
    why: 'Polls are opened, closed and voted in through the session endpoints; their results reach participants there. Hosts of the session and staff read them here.',
    find: staff,
    read: staff,
    create: nobody,
    update: nobody,
    delete: staff,
    updateField: 'question',
    seed: async ({ payload, marker }) => seedLivePoll(payload, marker),
    createBody: async ({ payload, marker }) => {
      const data = { session: await seedLiveSession(payload, marker), question: marker, options: [{ label: 'Yes' }, { label: 'No' }] }
      return { rest: data, graphql: { ...data, status: 'open' } }
    },
    createdWhere: (marker) => ({ question: { equals: marker } }),
  },
  'live-poll-votes': {
    owner: { field: 'user' },
    why: 'Votes go through the session endpoint, which checks the poll is open and keeps one vote per member.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'user',
    seed: async ({ payload, marker }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const poll = await seedLivePoll(payload, marker)
      const doc = await payload.create({ collection: 'live-poll-votes' as never, data: { poll, user, option: 0 } as never, overrideAccess: true })
      return (doc as unknown as { id: number }).id
    },
    createBody: async ({ payload, marker }) => {
      const data = { poll: await seedLivePoll(payload, marker), user: (await createUser(payload, { login: false })).id, option: 1 }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ 'poll.question': { equals: marker } }),
  },
  'scorm-packages': {
    why: 'Learners of the course read a package to play it (none of the matrix roles is enrolled); instructors of the course and staff upload, rename and delete it.',
    find: staff,
    read: staff,
    create: staff,
    update: staff,
    delete: staff,
    updateField: 'title',
    seed: async ({ payload, marker }) => (await seedScormPackage(payload, marker)).package,
    createBody: async ({ payload, marker }) => {
      const course = await createCourse(payload, { modules: [[{ kind: 'scorm' }]] })
      const body = new FormData()
      body.append('file', new Blob([new Uint8Array(tinyScormZip())], { type: 'application/zip' }), `${marker}.zip`)
      body.append('_payload', JSON.stringify({ lesson: course.lessons[0], title: marker }))
      // GraphQL carries no file: an allowed caller gets past access control and is stopped for the missing file.
      return { rest: body, graphql: { lesson: course.lessons[0], title: marker } }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  'scorm-runtime': {
    owner: { field: 'user' },
    why: "Written only by the server from the SCORM player's commits (PUT /api/scorm-packages/:id/runtime); the learner reads their own.",
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'sco',
    seed: async ({ payload }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const seeded = await seedScormPackage(payload)
      const doc = await payload.create({
        collection: 'scorm-runtime',
        data: { user, package: seeded.package, lesson: seeded.lesson, course: seeded.course, sco: 'item_1', standard: 'scorm12', lessonStatus: 'incomplete' },
        overrideAccess: true,
      })
      return doc.id as number
    },
  },
  quizzes: {
    why: 'Quiz settings are for learners enrolled in the course (none of the matrix roles is), its instructors and staff; which questions it holds is for authors only.',
    find: staff,
    read: staff,
    create: staff,
    update: staff,
    delete: staff,
    updateField: 'title',
    seed: async ({ payload, marker }) => {
      const course = await createCourse(payload, { modules: [[{ kind: 'quiz' }]] })
      const doc = await payload.create({ collection: 'quizzes', data: { lesson: course.lessons[0], title: marker } as never, overrideAccess: true })
      return doc.id as number
    },
    createBody: async ({ payload, marker }) => {
      const course = await createCourse(payload, { modules: [[{ kind: 'quiz' }]] })
      const data = { lesson: course.lessons[0], title: marker }
      return { rest: data, graphql: { ...data, passMark: 70, reviewPolicy: 'after_submit' } }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  'quiz-questions': {
    why: 'Questions carry their answers: only instructors of the course and staff read or write them; learners get prompts and options from the attempt endpoints.',
    find: staff,
    read: staff,
    create: staff,
    update: staff,
    delete: staff,
    updateField: 'prompt',
    seed: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      const doc = await payload.create({
        collection: 'quiz-questions',
        data: { course: course.id, kind: 'single', prompt: marker, points: 1, options: [{ label: 'A', correct: true }, { label: 'B', correct: false }] },
        overrideAccess: true,
      })
      return doc.id as number
    },
    createBody: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      const data = { course: course.id, kind: 'single', prompt: marker, points: 1, options: [{ label: 'A', correct: true }, { label: 'B', correct: false }] }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ prompt: { equals: marker } }),
  },
  'question-banks': {
    why: 'Banks of questions with their answers: instructors of the course and staff only.',
    find: staff,
    read: staff,
    create: staff,
    update: staff,
    delete: staff,
    updateField: 'title',
    seed: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      const doc = await payload.create({ collection: 'question-banks', data: { course: course.id, title: marker }, overrideAccess: true })
      return doc.id as number
    },
    createBody: async ({ payload, marker }) => {
      const course = await createCourse(payload)
      const data = { course: course.id, title: marker }
      return { rest: data, graphql: data }
    },
    createdWhere: (marker) => ({ title: { equals: marker } }),
  },
  'quiz-attempts': {
    owner: { field: 'user' },
    why: 'Written only by the quiz endpoints (start, save, submit); the learner reads their own, instructors of the course and staff all.',
    find: { own: signedIn, other: staff },
    read: { own: signedIn, other: staff },
    create: nobody,
    update: nobody,
    delete: admins,
    updateField: 'user',
    seed: async ({ payload, marker }, owner) => {
      const user = owner ?? (await createUser(payload, { login: false })).id
      const course = await createCourse(payload, { modules: [[{ kind: 'quiz' }]] })
      const quiz = await payload.create({ collection: 'quizzes', data: { lesson: course.lessons[0], title: marker } as never, overrideAccess: true })
      const doc = await payload.create({
        collection: 'quiz-attempts',
        data: { user, quiz: quiz.id, lesson: course.lessons[0], course: course.id, number: 1, status: 'open', startedAt: new Date().toISOString(), questions: [], answers: {} },
        overrideAccess: true,
      })
      return doc.id as number
    },
  },
  'payload-migrations': {
    why: 'Migration history: Payload serves it through no route; server code only.',
    find: nobody,
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
}

/** Start and end of a live session a day ahead. */
const liveTimes = () => {
  const start = Date.now() + 24 * 3600 * 1000
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3600 * 1000).toISOString() }
}

/** A live session titled with the marker, hosted by `host` when given. */
async function seedLiveSession(payload: Payload, marker: string, host?: number): Promise<number> {
  const doc = await payload.create({
    collection: 'live-sessions' as never,
    data: { title: marker, ...liveTimes(), joinUrl: 'https://meet.example.com/matrix', hosts: host ? [host] : [] } as never,
    overrideAccess: true,
  })
  return (doc as unknown as { id: number }).id
}

async function seedLivePoll(payload: Payload, marker: string): Promise<number> {
  const session = await seedLiveSession(payload, marker)
  const doc = await payload.create({
    collection: 'live-polls' as never,
    data: { session, question: marker, options: [{ label: 'Yes' }, { label: 'No' }] } as never,
    overrideAccess: true,
  })
  return (doc as unknown as { id: number }).id
}

/** A stored licence document (a one-page PDF) of `owner`, or of a fresh member. */
async function licenceDocument(payload: Payload, marker: string, owner?: number): Promise<number> {
  const pdf = await PDFDocument.create()
  pdf.addPage([200, 100]).drawText(marker, { x: 10, y: 50, size: 8 })
  const data = Buffer.from(await pdf.save())
  const doc = await payload.create({
    collection: 'licence-documents' as never,
    data: { owner: owner ?? (await createUser(payload, { login: false })).id } as never,
    file: { data, mimetype: 'application/pdf', name: `${marker}.pdf`, size: data.length },
    overrideAccess: true,
  })
  return (doc as unknown as { id: number }).id
}

/** A number unique to a matrix marker (`matrix-<slug>-<base36>`), for documents without room for the text. */
const markerNumber = (marker: string) => parseInt(marker.split('-').pop() ?? '0', 36) % 1_000_000_000

/** A conversation of `owner` (or of a fresh member) with a fresh member. */
async function seedConversation(payload: Payload, marker: string, owner?: number) {
  const me = owner ?? (await createUser(payload, { login: false })).id
  const other = (await createUser(payload, { login: false })).id
  const conversation = await payload.create({
    collection: 'conversations',
    data: { kind: 'group', title: marker, participants: [me, other], lastMessageAt: new Date().toISOString() },
    overrideAccess: true,
  })
  return { conversation: conversation.id as number, owner: me }
}
