type Node = { type?: string; format?: number | string; children?: Node[]; text?: string }

const textNode = (text: string) => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

/**
 * Plain text as a Lexical body: a paragraph per blank-line-separated block, line breaks kept. What the
 * post page's editor saves (the server derives `text` from it again).
 */
export function textToLexical(value: string) {
  const blocks = value.replace(/\r\n?/g, '\n').trim().split(/\n{2,}/).filter((b) => b.trim())
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: blocks.map((block) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: block.split('\n').flatMap((line, i) => (i ? [{ type: 'linebreak', version: 1 }, textNode(line)] : [textNode(line)])),
      })),
    },
  }
}

/** True when the body is paragraphs of unformatted text, so editing it as plain text loses nothing. */
export function isPlainBody(body: unknown): boolean {
  const root = (body as { root?: Node } | null)?.root
  if (!root) return true
  return (root.children ?? []).every(
    (p) =>
      p.type === 'paragraph' &&
      (p.children ?? []).every((c) => c.type === 'linebreak' || (c.type === 'text' && !c.format)),
  )
}
