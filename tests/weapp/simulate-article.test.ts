/**
 * @jest-environment jsdom
 *
 * A published article in the real WeChat build (miniapp/dist/weapp, subpackage packages/articles):
 * the body is what the server stores — written by an editor, passed through the server's own sanitiser —
 * and the compiled page must hand WeChat's native rich-text the right nodes (headings, paragraphs, an
 * image from our uploads on the API host, a list), drop what the sanitiser removed, and end with the
 * help numbers.
 */
import type { PublicationReadView } from '@xinyuan/shared'
import type { SimulateJson } from 'miniprogram-simulate'
import { sanitizeRichText } from '../../server/src/publishing/richTextSanitizer'
import { countyConfig, fakeApiState, installFakeWx } from './fakeWx'
import { eventually, renderPage } from './weappHost'

installFakeWx()

const articleId = '7d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'
const imageId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const coverId = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
const written = [
  '<h2>五月，和情绪做朋友</h2>',
  '<p onclick="steal()">难过的时候，<strong>说出来</strong>就是第一步。</p>',
  `<img src="/api/v1/publishing/uploads/${imageId}" alt="操场上的晨光" onerror="steal()">`,
  '<script>steal()</script>',
  '<h3>三个小方法</h3>',
  '<ul><li>深呼吸十次</li><li>给信任的人发一条消息</li><li>写下此刻的感受</li></ul>',
  '<p style="position:fixed">你并不孤单。</p>',
].join('')

const helplines = [
  { number: countyConfig.hotline.number, name: '渠县心理援助热线', note: countyConfig.hotline.hoursText },
  ...countyConfig.fallbackHelplines,
  ...countyConfig.emergencyLines,
]

const article: PublicationReadView = {
  id: articleId,
  kind: 'article',
  title: '五月，和情绪做朋友',
  summary: '认识情绪',
  coverUrl: `/api/v1/publishing/uploads/${coverId}`,
  publishedAt: '2027-05-06T02:00:00.000Z',
  campaignId: null,
  materialFor: null,
  event: null,
  bodyHtml: sanitizeRichText(written),
  videoUrl: null,
  helplines,
}

type JsonNode = SimulateJson
interface RichNode {
  type?: string
  name?: string
  text?: string
  attrs?: Record<string, string>
  children?: RichNode[]
}

function findAll(node: JsonNode | string, tagName: string, found: JsonNode[] = []): JsonNode[] {
  if (typeof node === 'string') return found
  if (node.tagName === tagName) found.push(node)
  for (const child of node.children) findAll(child, tagName, found)
  return found
}

/** The page in document order: element tag names and text, so "comes after" can be checked. */
function inOrder(node: JsonNode | string, out: string[] = []): string[] {
  if (typeof node === 'string') {
    out.push(node)
    return out
  }
  out.push(node.tagName)
  for (const child of node.children) inOrder(child, out)
  return out
}

const textOf = (node: RichNode): string => (node.type === 'text' ? (node.text ?? '') : (node.children ?? []).map(textOf).join(''))

describe('compiled weapp article page (miniprogram-simulate)', () => {
  it('the server sanitiser keeps the structure and drops scripts, handlers and styles', () => {
    expect(article.bodyHtml).toContain('<h2>')
    expect(article.bodyHtml).toContain(`src="/api/v1/publishing/uploads/${imageId}"`)
    expect(article.bodyHtml).not.toMatch(/script|onclick|onerror|position:fixed/)
  })

  it('renders the article natively: headings, paragraphs, an image on the API host, a list, then the help numbers', async () => {
    fakeApiState.answers[`/api/v1/publishing/articles/${articleId}`] = article
    const page = renderPage('packages/articles/index', { id: articleId })
    await eventually(() => expect(page.dom.textContent).toContain('如果你或身边的人需要帮助'))

    const tree = page.toJSON()
    const richTexts = findAll(tree, 'wx-rich-text')
    expect(richTexts).toHaveLength(1)
    const nodes = richTexts[0]!.attrs.find((attr) => attr.name === 'nodes')?.value as RichNode[] | undefined
    expect(Array.isArray(nodes)).toBe(true)

    const elements = nodes!.filter((node) => node.type !== 'text')
    expect(elements.map((node) => node.name)).toEqual(['h2', 'p', 'img', 'h3', 'ul', 'p'])
    expect(textOf(elements[0]!)).toBe('五月，和情绪做朋友')
    expect(textOf(elements[1]!)).toBe('难过的时候，说出来就是第一步。')
    expect(elements[1]!.children!.some((child) => child.name === 'strong' && textOf(child) === '说出来')).toBe(true)
    expect(elements[2]!.attrs).toMatchObject({ src: `http://127.0.0.1:3000/api/v1/publishing/uploads/${imageId}`, alt: '操场上的晨光' })
    expect(elements[2]!.attrs!.style).toContain('max-width:100%')
    expect(elements[4]!.children!.filter((child) => child.name === 'li').map(textOf)).toEqual(['深呼吸十次', '给信任的人发一条消息', '写下此刻的感受'])
    expect(textOf(elements[5]!)).toBe('你并不孤单。')
    // Nothing the sanitiser removed reaches the phone, not even as an attribute.
    expect(JSON.stringify(nodes)).not.toMatch(/steal|onclick|onerror|position:fixed|script/)

    // The cover above the body, from the API host (the weapp has no origin of its own).
    const cover = findAll(tree, 'wx-image').find((image) => image.attrs.some((attr) => attr.name === 'class' && String(attr.value).includes('article__cover')))
    expect(cover?.attrs.find((attr) => attr.name === 'src')?.value).toBe(`http://127.0.0.1:3000/api/v1/publishing/uploads/${coverId}`)

    // The help numbers come after the article body (in the page's order), every one of them.
    const order = inOrder(tree)
    const bodyAt = order.findIndex((item) => item === 'wx-rich-text')
    const helpAt = order.findIndex((item) => item.includes('如果你或身边的人需要帮助'))
    expect(bodyAt).toBeGreaterThan(-1)
    expect(helpAt).toBeGreaterThan(bodyAt)
    const afterBody = order.slice(bodyAt).join(' ')
    for (const line of helplines) expect(afterBody).toContain(line.number)
  })
})
