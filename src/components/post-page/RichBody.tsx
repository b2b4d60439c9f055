import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

/** Links members wrote: web and mail addresses only, marked as user content for search engines. */
function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  try {
    const parsed = new URL(url, 'https://invalid.example')
    if (parsed.origin === 'https://invalid.example') return url.startsWith('/') && !url.startsWith('//') ? url : null
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

type LinkNode = { fields: { url?: string; linkType?: string; doc?: { relationTo?: string; value?: unknown } | null }; children: unknown[] }

const converters: JSXConvertersFunction = ({ defaultConverters }) => {
  const link = ({ node, nodesToJSX }: { node: LinkNode; nodesToJSX: (a: { nodes: unknown[] }) => React.ReactNode[] }) => {
    const children = nodesToJSX({ nodes: node.children })
    const doc = node.fields.doc
    const internal = node.fields.linkType === 'internal' && doc?.relationTo === 'posts' ? `/posts/${typeof doc.value === 'object' ? (doc.value as { id: unknown })?.id : doc.value}` : null
    const href = internal ?? (node.fields.linkType === 'internal' ? null : safeHref(node.fields.url))
    if (!href) return <>{children}</>
    const external = /^https?:/.test(href)
    return (
      <a href={href} rel={external ? 'nofollow ugc noopener noreferrer' : undefined} target={external ? '_blank' : undefined}>
        {children}
      </a>
    )
  }
  return { ...defaultConverters, link: link as never, autolink: link as never }
}

/** A post's Lexical body as HTML, server-rendered. */
export function RichBody({ data, className }: { data: unknown; className?: string }) {
  if (!data || typeof data !== 'object' || !(data as { root?: unknown }).root) return null
  return <RichText data={data as SerializedEditorState} converters={converters} className={className} />
}
