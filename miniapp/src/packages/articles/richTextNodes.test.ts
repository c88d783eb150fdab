import { setApiBase } from '../../services/apiBase'
import { richTextNodes, type RichTextElement } from './richTextNodes'

describe('richTextNodes', () => {
  afterEach(() => setApiBase(null))

  it('turns sanitised HTML into nested nodes with phone styles and text decoded', () => {
    const nodes = richTextNodes('<h2>标题</h2><p>第一段 &amp; <strong>重点</strong><br />换行</p><ul><li>一</li><li>二</li></ul>')
    expect(nodes.map((node) => (node as RichTextElement).name)).toEqual(['h2', 'p', 'ul'])
    const paragraph = nodes[1] as RichTextElement
    expect(paragraph.attrs.style).toContain('line-height')
    expect(paragraph.children[0]).toEqual({ type: 'text', text: '第一段 & ' })
    expect((paragraph.children[1] as RichTextElement).name).toBe('strong')
    expect((paragraph.children[2] as RichTextElement).name).toBe('br')
    expect(paragraph.children[3]).toEqual({ type: 'text', text: '换行' })
    expect((nodes[2] as RichTextElement).children).toHaveLength(2)
  })

  it('points our own images at the API host and keeps only src, href and alt', () => {
    setApiBase('https://xinyuan.example.cn/api/v1')
    const [image] = richTextNodes('<img src="/api/v1/publishing/uploads/0d6c8a5e-1111-4222-8333-944445555666" alt="海报" data-x="1" />') as RichTextElement[]
    expect(image!.attrs).toEqual({ src: 'https://xinyuan.example.cn/api/v1/publishing/uploads/0d6c8a5e-1111-4222-8333-944445555666', alt: '海报', style: expect.stringContaining('max-width') })
    expect(image!.children).toEqual([])
  })
})
