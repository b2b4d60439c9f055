import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterErrorHook, CollectionBeforeDeleteHook, CollectionBeforeValidateHook } from 'payload'
import { APIError } from 'payload'

import { query, sql, sqlFor } from '@/db/sql'
import { inspectPackage, type InspectedPackage } from '@/domain/learning/scorm/import'
import { packageStore, storePackageFiles } from '@/domain/learning/scorm/storage'
import { readableSize, ZIP_LIMITS } from '@/domain/learning/scorm/zip'
import { relationId } from '@/lib/relation'
import { RuleError } from '@/lib/ruleError'

const INSPECTED = 'scormInspected'
const STORED = 'scormStoredPackage'

const refuse = (message: string, status = 400) => new APIError(message, status, null, true)

/**
 * Checks the uploaded zip (after access control and Payload's own file checks) and fills the package
 * from its manifest; the lesson must be a SCORM lesson, whose course is copied onto the package.
 * Nothing is written yet: the files are stored after the document is, in the same transaction.
 */
export const readUploadedPackage: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  if (operation === 'update' && req.file?.data) {
    throw refuse("A package's files cannot be replaced: delete this package and upload the new version.")
  }
  if (operation === 'create') {
    if (!req.file?.data) throw refuse('Upload the SCORM package as a .zip file.')
    // The multipart parser stops at the upload limit and marks the file truncated instead of failing.
    if ((req.file as { truncated?: boolean }).truncated) throw refuse(`The package is larger than ${readableSize(ZIP_LIMITS.maxZipBytes)}.`, 413)
    let inspected: InspectedPackage
    try {
      inspected = inspectPackage(new Uint8Array(req.file.data.buffer, req.file.data.byteOffset, req.file.data.byteLength))
    } catch (err) {
      if (err instanceof RuleError) throw refuse(err.message, err.status)
      throw err
    }
    req.context[INSPECTED] = inspected
    const { manifest } = inspected
    data.standard = manifest.standard
    data.schemaVersion = manifest.schemaVersion
    data.manifestIdentifier = manifest.identifier
    data.title = typeof data.title === 'string' && data.title.trim() ? data.title : manifest.title
    data.items = manifest.items
    data.scos = manifest.scos
    data.scoCount = manifest.scos.length
    data.fileCount = inspected.files.length
    data.unpackedBytes = inspected.unpackedBytes
    data.storage = packageStore().kind
  }

  const lessonId = relationId(data.lesson ?? originalDoc?.lesson)
  if (lessonId === null) throw refuse('Choose the lesson this package belongs to.')
  const [lesson] = await query<{ kind: string; course_id: number | null }>(await sqlFor(req), sql`select kind, course_id from lessons where id = ${lessonId}`)
  if (!lesson) throw refuse('The lesson does not exist.', 404)
  if (lesson.kind !== 'scorm') throw refuse('SCORM packages belong to lessons of kind "SCORM"; change the lesson\'s kind first.')
  data.course = lesson.course_id
  return data
}

/** Stores the unpacked files under the new package's id; a failure removes them and rolls the document back. */
export const storeUnpackedFiles: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const inspected = req.context[INSPECTED] as InspectedPackage | undefined
  if (!inspected) return doc
  req.context[STORED] = doc.id
  await storePackageFiles(packageStore(), Number(doc.id), inspected.files)
  delete req.context[INSPECTED]
  return doc
}

/** When the create fails after the files were written (a later hook, the commit), the files go too. */
export const removeFilesOnError: CollectionAfterErrorHook = async ({ req }) => {
  const id = req.context?.[STORED]
  if (typeof id === 'number' || typeof id === 'string') {
    delete req.context[STORED]
    await packageStore()
      .remove(Number(id))
      .catch(() => {})
  }
}

/** Learners' run-time data of the package goes with it (their lesson progress stays). */
export const deleteRuntimeData: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await query(await sqlFor(req), sql`delete from scorm_runtime where package_id = ${Number(id)}`)
}

export const removeStoredFiles: CollectionAfterDeleteHook = async ({ id }) => {
  await packageStore().remove(Number(id))
}
