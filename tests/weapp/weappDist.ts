import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Where `taro build --type weapp` writes (miniprogramRoot in project.config.json). */
export const weappDist = path.resolve(__dirname, '../../miniapp/dist/weapp')

export interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
}

/** Fails with the command to run when the build is missing, rather than with a confusing ENOENT. */
export function readAppJson(): AppJson {
  const file = path.join(weappDist, 'app.json')
  if (!existsSync(file)) throw new Error(`没有找到 ${file}：请先运行 npm run build:weapp -w miniapp`)
  return JSON.parse(readFileSync(file, 'utf8')) as AppJson
}

/** Every page path in app.json, main package and subpackages, e.g. `packages/chat/index`. */
export function allPages(app: AppJson): { main: string[]; sub: string[] } {
  const packages = app.subPackages ?? app.subpackages ?? []
  return { main: app.pages, sub: packages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)) }
}

export function subpackageRoots(app: AppJson): string[] {
  return (app.subPackages ?? app.subpackages ?? []).map((pkg) => pkg.root)
}
