/** `npm run migrate`: applies committed migrations to the production database (embedded or DATABASE_URL). */
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' })
process.argv.splice(2, 0, process.argv[2] === 'create' ? 'migrate:create' : 'migrate')
if (process.argv[3] === 'create') process.argv.splice(3, 1)
await import('./payload')

export {}
