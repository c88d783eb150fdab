import { isPageLoadFailure, showPageLoadFailure } from './pageLoadFailure'

describe('a page that could not be downloaded', () => {
  it('is recognised in the forms browsers report it, and nothing else is', () => {
    expect(isPageLoadFailure(Object.assign(new Error('Loading chunk 312 failed.\n(error: /h5/js/312.js)'), { name: 'ChunkLoadError' }))).toBe(true)
    expect(isPageLoadFailure(new Error('Loading CSS chunk packages-me failed.'))).toBe(true)
    expect(isPageLoadFailure(new TypeError('Failed to fetch dynamically imported module: /h5/js/x.js'))).toBe(true)
    expect(isPageLoadFailure(new Error('Cannot read properties of undefined'))).toBe(false)
    expect(isPageLoadFailure(null)).toBe(false)
  })

  it('shows why, a way to try again and the numbers to call, once', () => {
    showPageLoadFailure()
    showPageLoadFailure()
    expect(document.querySelectorAll('#xy-page-load-failed')).toHaveLength(1)
    const text = document.body.textContent ?? ''
    expect(text).toContain('页面没能打开')
    expect(text).toContain('再试一次')
    expect(text).toContain('12356')
    expect(text).toContain('110')
  })
})
