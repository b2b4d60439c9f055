import type { Access, AccessArgs, Endpoint, SanitizedConfig } from 'payload'
import { Forbidden } from 'payload'

import { canUseAdminPanel, isAdmin, nobody } from './index'

const both =
  (first: Access, second: Access): Access =>
  async (args: AccessArgs) => {
    const a = await first(args)
    if (!a) return false
    const b = await second(args)
    if (!b) return false
    if (a === true) return b
    if (b === true) return a
    return { and: [a, b] }
  }

/** Payload's preference endpoints (/payload-preferences/:key) write through the database adapter directly. */
const adminPanelOnly = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    if (!(await canUseAdminPanel({ req }))) throw new Forbidden(req.t)
    return endpoint.handler(req)
  },
})

/**
 * Payload adds its own collections while sanitizing the config, after every plugin has run, and gives
 * some of them its default access, "any logged-in user": any member could list which staff member is
 * editing which document, plant locks that block editors, or fill the preferences table. These belong
 * to the admin panel, so only its users may touch them; Payload's own code uses the Local API.
 */
export function restrictInternalCollections(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    const access = collection.access
    switch (collection.slug) {
      case 'payload-locked-documents':
        collection.access = { ...access, read: canUseAdminPanel, create: canUseAdminPanel, update: canUseAdminPanel, delete: canUseAdminPanel }
        break
      case 'payload-preferences':
        // Payload's rule (own preferences only) stays; the person must also work in the admin panel.
        collection.access = {
          ...access,
          read: both(canUseAdminPanel, access.read),
          create: both(canUseAdminPanel, access.create),
          update: both(canUseAdminPanel, access.update),
          delete: both(canUseAdminPanel, access.delete),
        }
        if (collection.endpoints) collection.endpoints = collection.endpoints.map(adminPanelOnly)
        break
      case 'payload-migrations':
        collection.access = { ...access, read: isAdmin, create: nobody, update: nobody, delete: nobody }
        break
    }
  }
  for (const global of config.globals ?? []) {
    // The Jobs Queue's schedule bookkeeping (present once a task has a `schedule`): server code only.
    if (global.slug === 'payload-jobs-stats') global.access = { ...global.access, read: isAdmin, update: nobody, readVersions: nobody }
  }
  return config
}
