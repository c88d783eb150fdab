/**
 * H5 only: sets the root font size that Taro's px -> rem conversion expects (20px at 375px wide), capped
 * so the app stays phone-sized on a desktop. Taro normally inlines this in index.html, but the server's
 * Content-Security-Policy forbids inline scripts.
 */
export function fitRootFontSize(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  const apply = () => {
    const width = Math.min(document.documentElement.clientWidth || window.innerWidth, 480)
    const size = Math.max(20, (20 * width) / 375)
    document.documentElement.style.fontSize = `${size}px`
  }
  apply()
  window.addEventListener('resize', apply)
}
