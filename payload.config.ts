import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections, globals } from './collections'
import { migrations } from './migrations'
import { databaseUnavailable } from './src/db/unavailable'
import { poolOptions } from './src/db/pool'
import { emailAdapter } from './src/email/adapter'
import { health } from './src/endpoints/health'
import { feed } from './collections/social/endpoints/feed'
import { searchEndpoint } from './collections/social/endpoints/search'
import { installSearchTriggers, searchSchema } from './src/db/searchSchema'
import { auditSchema, installAuditTriggers } from './src/db/auditSchema'
import { auditFailedLogin } from './collections/identity/Users/hooks/audit'
import { verificationSchema } from './src/domain/trust/verification/schema'
import { apiLimits } from './src/hooks/apiLimits'
import { restrictInternalCollections } from './src/access/internalCollections'
import { apiDocs, recordRoutes } from './src/openapi'
import { payloadSecret } from './src/lib/secret'
import { publicUrl } from './src/lib/publicUrl'
import { storagePlugins } from './src/storage'
import { roundsTwoFactor } from './src/domain/identity/twoFactor'
import { jobs } from './src/jobs'
import { realtimeStream } from './src/realtime/stream'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL || undefined,
  secret: payloadSecret(),
  admin: {
    user: 'users',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Rounds admin' },
  },
  collections,
  globals,
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: poolOptions(),
    migrationDir: path.resolve(dirname, 'migrations'),
    // Development and tests push the schema; production only runs committed migrations.
    push: process.env.NODE_ENV !== 'production' && process.env.PAYLOAD_PUSH !== 'false',
    prodMigrations: migrations,
    // Full-text and trigram search (columns, GIN indexes, pg_trgm): src/db/searchSchema.ts
    extensions: ['pg_trgm'],
    afterSchemaInit: [searchSchema, verificationSchema, auditSchema],
  }),
  // SQL Payload cannot declare (search triggers, the audit trail's append-only triggers), in push mode.
  onInit: async (payload) => {
    await installSearchTriggers(payload)
    await installAuditTriggers(payload)
  },
  email: emailAdapter(),
  jobs: jobs(),
  sharp,
  endpoints: [health, realtimeStream, feed, searchEndpoint],
  hooks: { afterError: [databaseUnavailable, auditFailedLogin] },
  cors: [publicUrl(), ...(process.env.CORS_ORIGINS?.split(',').filter(Boolean) ?? [])],
  csrf: [publicUrl(), ...(process.env.CORS_ORIGINS?.split(',').filter(Boolean) ?? [])],
  upload: { limits: { fileSize: 10 * 1024 * 1024 } },
  graphQL: { maxComplexity: 1000, disablePlaygroundInProduction: true },
  defaultDepth: 1,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  debug: false,
  plugins: [...storagePlugins(), roundsTwoFactor(), apiDocs(process.env.npm_package_version || '0.1.0'), apiLimits(), recordRoutes()],
}).then(restrictInternalCollections)
