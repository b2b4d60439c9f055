import { XMLParser } from 'fast-xml-parser'

import { RuleError } from '@/lib/ruleError'
import { safeEntryPath } from './zip'

export type ScormStandard = 'scorm12' | 'scorm2004'

/** One entry of the organization's tree. `launch` is set for items that open content (SCOs and assets). */
export type ScormItem = {
  identifier: string
  title: string
  /** sco: talks to the run-time and is tracked; asset: plain content; folder: groups items. */
  kind: 'sco' | 'asset' | 'folder'
  /** The path inside the package with its query (parameters), e.g. `shared/launchpage.html?x=1`. */
  launch?: string
  masteryScore?: number
  children: ScormItem[]
}

export type ScormManifest = {
  identifier: string
  standard: ScormStandard
  /** As written in the manifest (`1.2`, `2004 3rd Edition`, `CAM 1.3` ...). */
  schemaVersion: string
  title: string
  items: ScormItem[]
  /** The SCOs in tree order: what a learner completes. */
  scos: { identifier: string; title: string; launch: string }[]
}

const invalid = (message: string) => new RuleError(message, 400)

type Node = Record<string, unknown>
const list = (v: unknown): Node[] => (v === undefined || v === null ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node])
const attr = (n: Node | undefined, name: string): string | undefined => {
  const v = n?.[`@${name}`]
  return v === undefined || v === null ? undefined : String(v).trim()
}
const text = (v: unknown): string => {
  if (v === undefined || v === null) return ''
  if (typeof v === 'object') return text((v as Node)['#text'])
  return String(v).trim()
}

/** SCORM version from the schema version, or else from the namespaces the manifest declares. */
export function detectStandard(schemaVersion: string, xml: string): ScormStandard | null {
  const v = schemaVersion.toLowerCase()
  if (v === '1.2') return 'scorm12'
  if (v.includes('2004') || v.includes('cam 1.3') || v === '1.3') return 'scorm2004'
  if (/adlcp_rootv1p2/i.test(xml)) return 'scorm12'
  if (/adlcp_v1p3|imscp_v1p1/i.test(xml)) return 'scorm2004'
  return null
}

/** Joins xml:base values and an href as the spec does (each base is a folder prefix). */
function joinBase(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join('')
}

/** Adds an item's `parameters` to a launch URL (IMS CP: strip a leading ? or &, join with ? or &). */
export function withParameters(href: string, parameters: string | undefined): string {
  if (!parameters) return href
  if (parameters.startsWith('#')) return href.includes('#') ? href : href + parameters
  const p = parameters.replace(/^[?&]+/, '')
  if (!p) return href
  const [beforeHash, hash] = href.split('#', 2)
  const joined = beforeHash + (beforeHash.includes('?') ? '&' : '?') + p
  return hash === undefined ? joined : `${joined}#${hash}`
}

/**
 * Parses imsmanifest.xml: the SCORM version, the default organization's item tree with each item's
 * launch path (xml:base and parameters applied) and the SCOs. `files` (paths in the package) lets it
 * check that every launch file is there. Throws RuleError 400 naming what is wrong.
 */
export function parseManifest(xml: string, files: Set<string>): ScormManifest {
  let doc: Node
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
    })
    doc = parser.parse(xml, true) as Node
  } catch (err) {
    throw invalid(`imsmanifest.xml is not well-formed XML: ${(err as Error).message.split('\n')[0]}`)
  }
  const manifest = doc.manifest as Node | undefined
  if (!manifest || typeof manifest !== 'object') throw invalid('imsmanifest.xml has no <manifest> element.')

  const metadata = list(manifest.metadata)[0]
  const schemaVersion = text(metadata?.schemaversion)
  const standard = detectStandard(schemaVersion, xml)
  if (!standard) throw invalid('imsmanifest.xml does not say which SCORM version it follows (no schemaversion or SCORM namespace).')

  const manifestBase = attr(manifest, 'base')
  const resourcesNode = list(manifest.resources)[0]
  const resourcesBase = attr(resourcesNode, 'base')
  const resources = new Map<string, Node>()
  for (const r of list(resourcesNode?.resource)) {
    const id = attr(r, 'identifier')
    if (id) resources.set(id, r)
  }

  const organizationsNode = list(manifest.organizations)[0]
  const organizations = list(organizationsNode?.organization)
  if (!organizations.length) throw invalid('imsmanifest.xml has no organization: there is nothing to launch.')
  const wanted = attr(organizationsNode, 'default')
  const organization = organizations.find((o) => attr(o, 'identifier') === wanted) ?? organizations[0]

  const scos: ScormManifest['scos'] = []
  const seen = new Set<string>()
  const toItem = (node: Node, depth: number): ScormItem => {
    if (depth > 20) throw invalid('imsmanifest.xml nests items too deeply.')
    const identifier = attr(node, 'identifier') ?? ''
    if (!identifier) throw invalid('An item in imsmanifest.xml has no identifier.')
    if (identifier.length > 255) throw invalid(`The item identifier "${identifier.slice(0, 40)}…" is too long.`)
    if (seen.has(identifier)) throw invalid(`The item identifier "${identifier}" is used twice.`)
    seen.add(identifier)
    const title = text(node.title).slice(0, 300) || identifier
    const children = list(node.item).map((child) => toItem(child, depth + 1))
    const ref = attr(node, 'identifierref')
    if (!ref) return { identifier, title, kind: 'folder', children }

    const resource = resources.get(ref)
    if (!resource) throw invalid(`The item "${identifier}" points at the resource "${ref}", which the manifest does not list.`)
    const href = attr(resource, 'href')
    if (!href) throw invalid(`The resource "${ref}" has no href to launch.`)
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
      throw invalid(`The resource "${ref}" launches "${href}", outside the package; content must be inside the zip.`)
    }
    const full = joinBase(manifestBase, resourcesBase, attr(resource, 'base'), href)
    const [filePart] = full.split(/[?#]/, 1)
    const file = safeEntryPath(decodeURIComponentSafe(filePart))
    if (file === null) throw invalid(`The resource "${ref}" launches an unsafe path: "${full}".`)
    if (!files.has(file)) throw invalid(`The launch file "${file}" of the item "${identifier}" is not in the package.`)
    const launch = withParameters(file + full.slice(filePart.length), attr(node, 'parameters'))
    const type = (attr(resource, 'scormtype') ?? attr(resource, 'scormType') ?? 'asset').toLowerCase()
    const kind = type === 'sco' ? 'sco' : 'asset'
    const mastery = Number(text(node.masteryscore))
    if (kind === 'sco') scos.push({ identifier, title, launch })
    return { identifier, title, kind, launch, ...(Number.isFinite(mastery) && text(node.masteryscore) ? { masteryScore: mastery } : {}), children }
  }
  const items = list(organization.item).map((node) => toItem(node, 0))
  if (!scos.length) throw invalid('The package has no SCO (no resource with adlcp:scormtype="sco"): nothing could be tracked.')
  if (scos.length > 500) throw invalid('The package has more than 500 SCOs.')

  return {
    identifier: (attr(manifest, 'identifier') ?? '').slice(0, 255),
    standard,
    schemaVersion: schemaVersion.slice(0, 60),
    title: (text(organization.title) || text(list(manifest.organizations)[0]?.title) || 'SCORM package').slice(0, 300),
    items,
    scos,
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
