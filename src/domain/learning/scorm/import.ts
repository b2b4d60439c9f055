import type { Payload } from 'payload'

import { RuleError } from '@/lib/ruleError'
import { parseManifest, type ScormManifest } from './manifest'
import { readZip, type ZipEntry } from './zip'

export type InspectedPackage = { manifest: ScormManifest; files: ZipEntry[]; unpackedBytes: number }

/**
 * Checks an uploaded zip as a SCORM package without storing anything: a zip by its bytes, within the
 * limits, safe paths only, imsmanifest.xml at its root, a manifest that parses, with a SCORM version and
 * at least one SCO whose launch file is in the package. Throws RuleError (4xx) naming the problem.
 */
export function inspectPackage(zip: Uint8Array): InspectedPackage {
  const files = readZip(zip)
  const manifestFile = files.find((f) => f.path === 'imsmanifest.xml') ?? files.find((f) => f.path.toLowerCase() === 'imsmanifest.xml')
  if (!manifestFile) {
    const nested = files.find((f) => f.path.toLowerCase().endsWith('/imsmanifest.xml'))
    if (nested) {
      const folder = nested.path.slice(0, nested.path.length - 'imsmanifest.xml'.length)
      throw new RuleError(
        `imsmanifest.xml is inside the folder "${folder}", not at the root of the zip. Zip the contents of the package folder, not the folder itself.`,
        400,
      )
    }
    throw new RuleError('This zip has no imsmanifest.xml at its root, so it is not a SCORM package.', 400)
  }
  const xml = new TextDecoder('utf-8').decode(manifestFile.data).replace(/^\uFEFF/, '')
  const manifest = parseManifest(xml, new Set(files.map((f) => f.path)))
  return { manifest, files, unpackedBytes: files.reduce((n, f) => n + f.size, 0) }
}

/**
 * Imports a SCORM package for a lesson of kind `scorm`: the same path as an upload in the admin or
 * through POST /api/scorm-packages (the collection's hooks validate, store the files and parse the
 * manifest). With `user`, their access applies; without, it runs as the system (seed, scripts).
 */
export async function importScormPackage(
  payload: Payload,
  args: { lesson: number; zip: Buffer; filename: string; title?: string; user?: { id: number | string; collection?: string } & Record<string, unknown> },
) {
  return payload.create({
    collection: 'scorm-packages',
    data: { lesson: args.lesson, ...(args.title ? { title: args.title } : {}) },
    file: { data: args.zip, name: args.filename, mimetype: 'application/zip', size: args.zip.length },
    ...(args.user ? { user: args.user as never, overrideAccess: false } : { overrideAccess: true }),
  })
}
