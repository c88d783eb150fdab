/**
 * H5 only: a page whose code could not be downloaded (no network on 我的 or 热线, a weak school network,
 * an old file gone after a deploy) used to leave the tap doing nothing and an error in the console. Now
 * the reader sees why, a way to try again, and the numbers to call, drawn in plain DOM (the page that
 * failed has no React tree to draw it with).
 */

const overlayId = 'xy-page-load-failed'

/** True for webpack's "Loading chunk … failed" and its CSS twin, in the forms browsers report them. */
export function isPageLoadFailure(reason: unknown): boolean {
  const error = reason as { name?: string; message?: string; type?: string } | null
  if (!error) return false
  if (error.name === 'ChunkLoadError') return true
  return /Loading (CSS )?chunk [\w-]+ failed|Failed to fetch dynamically imported module/i.test(error.message ?? '')
}

function overlayHtml(): string {
  return `
    <div role="alertdialog" aria-labelledby="${overlayId}-title" style="position:fixed;inset:0;z-index:1000;background:#f7f3ee;display:flex;flex-direction:column;justify-content:center;padding:24px;box-sizing:border-box;font-size:16px;line-height:1.6;color:#3d3a35">
      <div id="${overlayId}-title" style="font-size:20px;font-weight:600;margin-bottom:8px">页面没能打开</div>
      <div style="margin-bottom:20px;color:#6f6a62">可能是网络不太稳定。连上网络后点“再试一次”。</div>
      <button type="button" data-action="retry" style="height:48px;border:0;border-radius:12px;background:#2f5d50;color:#fff;font-size:17px;margin-bottom:12px">再试一次</button>
      <button type="button" data-action="home" style="height:44px;border:1px solid #2f5d50;border-radius:12px;background:transparent;color:#2f5d50;font-size:16px;margin-bottom:24px">回到首页</button>
      <div style="font-size:15px">现在就需要帮助，可以直接打电话：</div>
      <a href="tel:12356" style="display:block;margin-top:8px;color:#2f5d50;font-size:17px">12356 心理援助热线</a>
      <a href="tel:110" style="display:block;margin-top:4px;color:#a6402a;font-size:17px">有危险请拨 110 或 120</a>
    </div>`
}

/** Shows the overlay once; 再试一次 reloads the address the reader tried to open (only when online). */
export function showPageLoadFailure(): void {
  if (document.getElementById(overlayId)) return
  const overlay = document.createElement('div')
  overlay.id = overlayId
  overlay.innerHTML = overlayHtml()
  overlay.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('[data-action]')?.getAttribute('data-action')
    if (action === 'retry') {
      if (navigator.onLine === false) return
      window.location.reload()
    } else if (action === 'home') {
      overlay.remove()
      window.location.hash = '#/pages/index/index'
    }
  })
  document.body.appendChild(overlay)
}

export function installPageLoadFailureHandler(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  window.addEventListener('unhandledrejection', (event) => {
    if (!isPageLoadFailure(event.reason)) return
    event.preventDefault() // handled here, not a console error
    showPageLoadFailure()
  })
  window.addEventListener('error', (event) => {
    if (!isPageLoadFailure(event.error)) return
    event.preventDefault()
    showPageLoadFailure()
  })
}
