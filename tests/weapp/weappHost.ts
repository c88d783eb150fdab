import path from 'node:path'
import simulate from 'miniprogram-simulate'
import { weappDist } from './weappDist'

/** A WeChat Page/App options object: lifecycle functions and methods, as Taro's output passes them. */
type Options = Record<string, unknown>
type Lifecycle = (this: unknown, ...args: unknown[]) => unknown

interface WeappGlobals {
  App: (options: Options) => void
  Page: (options: Options) => void
  Component: (options: Options) => void
  getApp: () => Options
  getCurrentPages: () => unknown[]
  wx: Record<string, unknown>
}

const host = globalThis as unknown as WeappGlobals
let app: Options | null = null
const openPages: unknown[] = []
/** WeChat registers a page once and instantiates it per visit; simulate ids are kept the same way. */
const registeredPages = new Map<string, string>()

function call(options: Options, name: string, self: unknown, ...args: unknown[]): unknown {
  const fn = options[name]
  return typeof fn === 'function' ? (fn as Lifecycle).apply(self, args) : undefined
}

/**
 * miniprogram-simulate renders custom components (Component()), not pages or apps. This shim makes
 * Taro's compiled App() and Page() run on it: the app is launched once, and a page becomes a component
 * whose lifetimes call the page's onLoad / onShow / onReady with the route WeChat would set.
 */
export function launchTaroApp(): Options {
  if (app) return app
  host.App = (options) => {
    app = options
  }
  host.getApp = () => app ?? {}
  host.getCurrentPages = () => openPages
  require(path.join(weappDist, 'app.js'))
  if (!app) throw new Error('app.js did not call App()')
  call(app, 'onLaunch', app, { path: 'pages/index/index', query: {}, scene: 1001 })
  call(app, 'onShow', app, { path: 'pages/index/index', query: {}, scene: 1001 })
  return app
}

/** Loads a compiled page (e.g. `pages/index/index`) through Tencent's wcc and renders it attached. */
export function renderPage(route: string, query: Record<string, string> = {}): simulate.RootComponent {
  const page = simulate.render(registerPage(route, query))
  page.attach(document.createElement('parent-wrapper'))
  return page
}

function registerPage(route: string, query: Record<string, string>): string {
  const known = registeredPages.get(route)
  if (known) return known
  launchTaroApp()
  host.Page = (options) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    host.Component({
      data: (options.data as Options | undefined) ?? {},
      methods,
      lifetimes: {
        attached(this: Options) {
          this.route = route
          this.__route__ = route
          openPages.push(this)
          call(options, 'onLoad', this, query)
          call(options, 'onShow', this)
        },
        ready(this: Options) {
          call(options, 'onReady', this)
        },
        detached(this: Options) {
          call(options, 'onUnload', this)
          openPages.splice(openPages.indexOf(this), 1)
        },
      },
    })
  }
  const id = simulate.load(path.join(weappDist, route), { rootPath: weappDist, compiler: 'official' })
  registeredPages.set(route, id)
  return id
}

/** Waits until `check` stops throwing (Taro renders asynchronously through setData). */
export async function eventually<T>(check: () => T, timeoutMs = 5000): Promise<T> {
  const started = Date.now()
  for (;;) {
    try {
      return check()
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error
      await simulate.sleep(20)
    }
  }
}

export function weappApi(): Record<string, unknown> {
  return host.wx
}
