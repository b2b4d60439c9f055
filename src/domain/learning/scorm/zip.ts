import { inflateSync } from 'fflate'

import { RuleError } from '@/lib/ruleError'

/** Limits of one package: a zip bomb or a tree of thousands of files is refused before anything is inflated. */
export const ZIP_LIMITS = {
  maxZipBytes: Number(process.env.SCORM_MAX_ZIP_BYTES || 10 * 1024 * 1024),
  maxEntries: Number(process.env.SCORM_MAX_ENTRIES || 2000),
  maxTotalBytes: Number(process.env.SCORM_MAX_UNZIPPED_BYTES || 200 * 1024 * 1024),
  maxEntryBytes: Number(process.env.SCORM_MAX_ENTRY_BYTES || 100 * 1024 * 1024),
}

export type ZipEntry = { path: string; size: number; data: Uint8Array }

const invalid = (message: string) => new RuleError(message, 400)

/** A byte count as people read it (512 KB, 10 MB). */
export const readableSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** Whether the bytes start like a zip archive (a local file header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
}

/**
 * A path inside a package, checked: relative, no `..`, no drive letter, no backslashes, no control
 * characters. Returns the normalised path (no leading `./`, no doubled slashes) or null when it is unsafe.
 */
export function safeEntryPath(name: string): string | null {
  if (!name || name.length > 512) return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(name)) return null
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null
  const parts = name.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.some((p) => p === '..')) return null
  return parts.join('/')
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8)
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0

type CentralEntry = { name: string; method: number; compressed: number; size: number; offset: number; directory: boolean; symlink: boolean; encrypted: boolean }

/** Reads the central directory: the archive's own list of entries with their sizes and attributes. */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw invalid('The file is not a readable zip archive.')
  const count = u16(zip, eocd + 10)
  const cdOffset = u32(zip, eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) throw invalid('ZIP64 archives are not supported; a SCORM package is far smaller.')
  if (count > ZIP_LIMITS.maxEntries) throw invalid(`The package has ${count} files; at most ${ZIP_LIMITS.maxEntries} are accepted.`)

  const decoder = new TextDecoder('utf-8', { fatal: false })
  const entries: CentralEntry[] = []
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) throw invalid('The zip archive is damaged (central directory).')
    const madeBy = u16(zip, p + 4) >> 8
    const flags = u16(zip, p + 8)
    const method = u16(zip, p + 10)
    const compressed = u32(zip, p + 20)
    const size = u32(zip, p + 24)
    const nameLength = u16(zip, p + 28)
    const extraLength = u16(zip, p + 30)
    const commentLength = u16(zip, p + 32)
    const external = u32(zip, p + 38)
    const offset = u32(zip, p + 42)
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength))
    const unixMode = madeBy === 3 ? external >>> 16 : 0
    entries.push({
      name,
      method,
      compressed,
      size,
      offset,
      directory: name.endsWith('/'),
      symlink: (unixMode & 0o170000) === 0o120000,
      encrypted: (flags & 1) === 1,
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * Unpacks a package in memory after checking every entry: safe relative paths, no symbolic links, no
 * encryption, the number of entries and their declared sizes within the limits. Each entry inflates
 * into a buffer of its declared size, so an archive lying about its sizes cannot grow past them.
 * Directories are skipped. Throws RuleError 400 naming the problem.
 */
export function readZip(zip: Uint8Array): ZipEntry[] {
  if (zip.length > ZIP_LIMITS.maxZipBytes) {
    throw new RuleError(`The package is larger than ${readableSize(ZIP_LIMITS.maxZipBytes)}.`, 413)
  }
  if (!looksLikeZip(zip)) throw new RuleError('The file is not a zip archive. Upload the SCORM package as a .zip file.', 415)
  const central = centralDirectory(zip)
  let total = 0
  const seen = new Set<string>()
  const files: CentralEntry[] = []
  for (const entry of central) {
    const path = safeEntryPath(entry.name)
    if (path === null) throw invalid(`The package contains an unsafe path: "${entry.name.slice(0, 120)}".`)
    if (entry.symlink) throw invalid(`The package contains a symbolic link: "${path}".`)
    if (entry.directory) continue
    if (entry.encrypted) throw invalid(`The package contains an encrypted file: "${path}".`)
    if (entry.method !== 0 && entry.method !== 8) throw invalid(`"${path}" uses an unsupported compression method.`)
    if (entry.size > ZIP_LIMITS.maxEntryBytes) throw invalid(`"${path}" is too large once unpacked.`)
    total += entry.size
    if (total > ZIP_LIMITS.maxTotalBytes) {
      throw invalid(`The package unpacks to more than ${readableSize(ZIP_LIMITS.maxTotalBytes)}.`)
    }
    const key = path.toLowerCase()
    if (seen.has(key)) throw invalid(`The package contains "${path}" twice.`)
    seen.add(key)
    files.push({ ...entry, name: path })
  }

  return files.map((entry) => {
    const h = entry.offset
    if (h + 30 > zip.length || u32(zip, h) !== 0x04034b50) throw invalid(`The zip archive is damaged at "${entry.name}".`)
    const start = h + 30 + u16(zip, h + 26) + u16(zip, h + 28)
    const end = start + entry.compressed
    if (end > zip.length) throw invalid(`The zip archive is damaged at "${entry.name}".`)
    const raw = zip.subarray(start, end)
    let data: Uint8Array
    if (entry.method === 0) data = raw.slice(0, entry.size)
    else {
      try {
        // A fixed output buffer: inflating never allocates past the declared size.
        data = entry.size === 0 ? new Uint8Array(0) : inflateSync(raw, { out: new Uint8Array(entry.size) })
      } catch {
        throw invalid(`"${entry.name}" cannot be unpacked; the archive is damaged.`)
      }
    }
    return { path: entry.name, size: data.length, data }
  })
}
