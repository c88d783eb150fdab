/**
 * `@tarojs/taro` under jest: Taro's real H5 APIs (request over fetch, storage over localStorage, toast,
 * event centre). In a build, babel-plugin-transform-taroapi turns `Taro.showToast` into a named import;
 * here the named APIs are put on the default object instead, which also lets tests spy on them.
 *
 * Page lifecycle hooks need a page host that jest does not have; the app uses them only for pull-down
 * refresh, router params and launch, so they are stand-ins here: a test can set router params and pull
 * the page down.
 */
import * as h5Apis from '@tarojs/plugin-platform-h5/dist/runtime/apis'

const Taro = Object.assign(h5Apis.default, h5Apis)

export * from '@tarojs/plugin-platform-h5/dist/runtime/apis'
export default Taro

const routerParams: Record<string, string> = {}

/** Lets a test open a page "with" query parameters, as the H5 router would pass them. */
export function setRouterParams(params: Record<string, string>): void {
  Object.keys(routerParams).forEach((key) => delete routerParams[key])
  Object.assign(routerParams, params)
}

export function useRouter() {
  return { params: routerParams, path: '' }
}

let pullDownHandler: (() => unknown) | null = null

/** Keeps the handler of the page last rendered, for pullDownRefresh(). */
export function usePullDownRefresh(handler: () => unknown): void {
  pullDownHandler = handler
}

/** Pulls the page down, as the user would; resolves when the page's handler is done. */
export async function pullDownRefresh(): Promise<void> {
  await pullDownHandler?.()
}
export function useLaunch(_handler: () => unknown): void {}

/** Pages render once in these tests: "shown again" never happens (the first show is the mount). */
export function useDidShow(_handler: () => unknown): void {}

let shareHandler: (() => unknown) | null = null

/** Keeps the page's share handler (a weapp share card), so a test can read what the card would carry. */
export function useShareAppMessage(handler: () => unknown): void {
  shareHandler = handler
}

/** What the page last rendered would put in its share card. */
export function sharedMessage(): unknown {
  return shareHandler?.()
}

/** Sharing to the WeChat timeline has no H5 counterpart: nothing to keep. */
export function useShareTimeline(_handler: () => unknown): void {}
