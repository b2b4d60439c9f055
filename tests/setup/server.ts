import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { ensureBuild, startAppServer } from '../helpers/appServer'
import { startE2eGoogle } from '../helpers/oauthProvider'
import { enrollRequiredAccount, rememberedDevice } from '../e2e/totp'

/** The first admin of the e2e server (created by the seed from ADMIN_EMAIL / ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: 'admin@e2e.rounds.test', password: 'e2e staff passphrase 2026' }

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * E2E_ADMIN's two-factor (required for admins): the TOTP secret, and the cookie of a remembered
     * device that REST logins send to skip the code.
     */
    e2eAdminTwoFactor: { secret: string; deviceCookie: string }
    /** The person who signs in at the local Google the server is configured with (none for E2E_BASE_URL). */
    e2eGoogle: { email: string; name: string } | null
  }
}

/** Enrolls E2E_ADMIN in two-factor once per run (or takes E2E_ADMIN_TOTP_SECRET for a server that already did). */
async function provideAdminTwoFactor(project: TestProject, base: string) {
  const secret = process.env.E2E_ADMIN_TOTP_SECRET || (await enrollRequiredAccount(base, E2E_ADMIN.email, E2E_ADMIN.password))
  const deviceCookie = await rememberedDevice(base, E2E_ADMIN.email, E2E_ADMIN.password, secret)
  project.provide('e2eAdminTwoFactor', { secret, deviceCookie })
}

/**
 * End-to-end tests drive real Chromium against a production build served by server.ts, on a fresh
 * embedded Postgres that the server migrates and seeds itself, exactly as `npm start` does.
 * E2E_SKIP_BUILD=true reuses an existing build; E2E_BASE_URL targets a server already running.
 */
export default async function setup(project: TestProject) {
  // Authenticator codes handed out during the run are recorded here (see tests/e2e/totp.ts).
  const totpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-e2e-totp-'))
  process.env.E2E_TOTP_DIR = totpDir
  const cleanTotp = () => fs.rmSync(totpDir, { recursive: true, force: true })
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eGoogle', null)
    await provideAdminTwoFactor(project, process.env.E2E_BASE_URL)
    return cleanTotp
  }
  ensureBuild(process.env.E2E_SKIP_BUILD === 'true')
  // A local OpenID provider stands in for Google; the server finds it through GOOGLE_ISSUER_URL.
  const google = await startE2eGoogle()
  project.provide('e2eGoogle', { email: google.identity.email!, name: google.identity.name! })
  const server = await startAppServer({
    // TRUST_PROXY: the REST helpers sign members up from addresses of their own (X-Forwarded-For).
    env: { ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password, TRUST_PROXY: 'true', ...google.env },
    echo: process.env.E2E_SERVER_LOG === 'true',
  }).catch(async (err) => {
    await google.provider.stop()
    throw err
  })
  process.env.E2E_BASE_URL = server.base
  process.env.E2E_DATA_DIR = server.dataDir
  try {
    await provideAdminTwoFactor(project, server.base)
  } catch (err) {
    await server.stop()
    await google.provider.stop()
    throw err
  }
  return async () => {
    await server.stop()
    await google.provider.stop()
    cleanTotp()
  }
}
