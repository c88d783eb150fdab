/**
 * The parts of miniprogram-simulate (and its j-component) the weapp tests use. Its own index.d.ts
 * needs the WechatMiniprogram global types, which this workspace does not install.
 */
declare module 'miniprogram-simulate' {
  export interface SimulateNode {
    dom: HTMLElement
    querySelector(selector: string): SimulateNode | null
    querySelectorAll(selector: string): SimulateNode[]
    dispatchEvent(eventName: string, options?: Record<string, unknown>): void
    setData(data: Record<string, unknown>, callback?: () => void): void
    data: Record<string, unknown>
    instance: Record<string, unknown>
    /** The rendered tree as j-component serialises it: tag names (wx-view …), attributes with their bound values, children. */
    toJSON(): SimulateJson
  }
  export interface SimulateJson {
    tagName: string
    attrs: Array<{ name: string; value: unknown }>
    children: Array<SimulateJson | string>
  }
  export interface RootComponent extends SimulateNode {
    attach(parent: Element): void
    detach(): void
  }
  export interface LoadOptions {
    compiler?: 'official' | 'simulate'
    rootPath?: string
    usingComponents?: Record<string, string>
  }
  export function load(componentPath: string, options?: LoadOptions): string
  export function load(componentPath: string, tagName: string, options?: LoadOptions): string
  export function render(id: string, properties?: Record<string, unknown>): RootComponent
  export function sleep(ms: number): Promise<void>
}
