import { strToU8, zipSync } from 'fflate'
import type { Payload } from 'payload'

import { importScormPackage } from '@/domain/learning/scorm/import'
import { createCourse } from './learning'

/** The smallest SCORM 1.2 package: one SCO, `index.html`. */
export function tinyScormZip(): Buffer {
  const manifest = `<?xml version="1.0"?>
<manifest identifier="tiny" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Tiny</title>
    <item identifier="item_1" identifierref="res_1"><title>Only SCO</title></item>
  </organization></organizations>
  <resources><resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="index.html"/></resources>
</manifest>`
  return Buffer.from(zipSync({ 'imsmanifest.xml': strToU8(manifest), 'index.html': strToU8('<html><body>SCO</body></html>') }))
}

/** A published course with one SCORM lesson and its package; returns the ids. */
export async function seedScormPackage(payload: Payload, title?: string): Promise<{ course: number; lesson: number; package: number }> {
  const course = await createCourse(payload, { modules: [[{ kind: 'scorm' }]] })
  const doc = await importScormPackage(payload, { lesson: course.lessons[0], zip: tinyScormZip(), filename: 'tiny.zip', title })
  return { course: course.id, lesson: course.lessons[0], package: Number(doc.id) }
}
