import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { miniappPages, subscribeMessagePage, type MiniappPage } from '@xinyuan/shared'
import { allPages, readAppJson, subpackageRoots, weappDist } from './weappDist'

/** Our own budget; WeChat refuses a main package over 2 MB. */
const mainPackageBudget = 1.5 * 1024 * 1024
const subpackageBudget = 2 * 1024 * 1024

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

function sizeOf(files: string[]): number {
  return files.reduce((total, file) => total + statSync(file).size, 0)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

describe('weapp build (miniapp/dist/weapp)', () => {
  const app = readAppJson()
  const roots = subpackageRoots(app)
  const files = filesUnder(weappDist)
  const inSubpackage = (file: string) => roots.some((root) => file.startsWith(path.join(weappDist, root) + path.sep))

  it(`keeps the main package under ${kb(mainPackageBudget)}`, () => {
    const mainSize = sizeOf(files.filter((file) => !inSubpackage(file)))
    console.info(`weapp main package: ${kb(mainSize)}`)
    expect(mainSize).toBeLessThan(mainPackageBudget)
  })

  it.each(roots)('keeps subpackage %s under 2 MB', (root) => {
    expect(sizeOf(files.filter((file) => file.startsWith(path.join(weappDist, root) + path.sep)))).toBeLessThan(subpackageBudget)
  })

  it('has .js, .wxml and .json for every page listed in app.json', () => {
    const { main, sub } = allPages(app)
    const missing = [...main, ...sub].flatMap((page) =>
      ['.js', '.wxml', '.json'].map((ext) => `${page}${ext}`).filter((file) => !existsSync(path.join(weappDist, file))),
    )
    expect(missing).toEqual([])
  })

  it('holds only the first screens in the main package, and the help features in subpackages', () => {
    const { main, sub } = allPages(app)
    expect(main).toEqual(['pages/index/index', 'pages/onboarding/index'])
    expect(sub).toEqual(expect.arrayContaining(['packages/hotline/index', 'packages/chat/index', 'packages/letters/index', 'packages/me/index']))
  })

  it('has a page for every path the app navigates to and the server links subscribe messages to', () => {
    const { main, sub } = allPages(app)
    const pages = (Object.keys(miniappPages) as MiniappPage[]).map((page) => subscribeMessagePage(page))
    expect(pages.filter((page) => ![...main, ...sub].includes(page))).toEqual([])
  })

  it('is what WeChat DevTools opens (project.config.json at the repo root)', () => {
    const config = JSON.parse(readFileSync(path.resolve(__dirname, '../../project.config.json'), 'utf8')) as { miniprogramRoot: string; compileType: string }
    expect(path.resolve(__dirname, '../..', config.miniprogramRoot)).toBe(weappDist)
    expect(config.compileType).toBe('miniprogram')
  })
})
