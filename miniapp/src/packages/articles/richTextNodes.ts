import { apiBase } from '../../services/apiBase'

/** A node of Taro's RichText (the weapp's native rich-text component takes the same shape). */
export interface RichTextText {
  type: 'text'
  text: string
}
export interface RichTextElement {
  type?: 'node'
  name: string
  attrs: Record<string, string>
  children: RichTextNode[]
}
export type RichTextNode = RichTextText | RichTextElement

const voidTags = new Set(['br', 'img', 'hr'])
/** Phone-sized defaults, since rich-text cannot load a stylesheet. */
const styles: Record<string, string> = {
  p: 'margin:0 0 12px;line-height:1.75;font-size:16px;color:#35322d;',
  h2: 'margin:18px 0 10px;font-size:19px;font-weight:600;color:#2f2c27;',
  h3: 'margin:16px 0 8px;font-size:17px;font-weight:600;color:#2f2c27;',
  h4: 'margin:14px 0 6px;font-size:16px;font-weight:600;',
  blockquote: 'margin:12px 0;padding:8px 12px;border-left:3px solid #b9d3c4;background:#f3f7f4;color:#4b5a52;',
  img: 'max-width:100%;height:auto;display:block;margin:10px 0;border-radius:8px;',
  ul: 'margin:0 0 12px;padding-left:22px;line-height:1.75;',
  ol: 'margin:0 0 12px;padding-left:22px;line-height:1.75;',
  a: 'color:#2f5f4e;text-decoration:underline;',
}
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' }

function decode(text: string): string {
  return text.replace(/&(#?[a-z0-9]+);/gi, (whole, name: string) => {
    if (entities[name.toLowerCase()] !== undefined) return entities[name.toLowerCase()]!
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (/^#[0-9]+$/.test(name)) return String.fromCodePoint(parseInt(name.slice(1), 10))
    return whole
  })
}

/** Our uploads are served by the API's host; the weapp has no origin of its own. */
function absoluteSource(src: string): string {
  if (!src.startsWith('/')) return src
  return apiBase().replace(/\/api\/v1$/, '') + src
}

/**
 * Turns the server's sanitised HTML (a small whitelist: headings, paragraphs, lists, emphasis, quotes,
 * links, images) into RichText nodes, so the weapp renders it natively and H5 the same way. Anything
 * outside the whitelist is kept as plain text of its children (the server already removed it).
 */
export function richTextNodes(html: string): RichTextNode[] {
  const root: RichTextElement = { name: 'div', attrs: {}, children: [] }
  const stack: RichTextElement[] = [root]
  const pattern = /<(\/?)([a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)/g
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const parent = stack[stack.length - 1]!
    const [, closing, rawName, rawAttributes, text] = match
    if (text !== undefined) {
      parent.children.push({ type: 'text', text: decode(text) })
      continue
    }
    const name = rawName!.toLowerCase()
    if (closing) {
      const at = stack.map((node) => node.name).lastIndexOf(name)
      if (at > 0) stack.length = at
      continue
    }
    const attrs: Record<string, string> = {}
    for (const attribute of (rawAttributes ?? '').matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      const key = attribute[1]!.toLowerCase()
      if (key === 'src' || key === 'href' || key === 'alt') attrs[key] = decode(attribute[2]!)
    }
    if (name === 'img' && attrs.src) attrs.src = absoluteSource(attrs.src)
    if (styles[name]) attrs.style = styles[name]!
    const node: RichTextElement = { name, attrs, children: [] }
    parent.children.push(node)
    if (!voidTags.has(name)) stack.push(node)
  }
  return root.children
}
