import { useEffect, useState } from 'react'

/** Short blips (a page switch, a quick network hiccup) do not flash a banner. */
export const reconnectingAfterMs = 3000

/**
 * True once the live connection has been down for a few seconds, false again as soon as it is back.
 * `subscribe` is onConnectionChange from services/socket (or a chat port's), which reports the state now
 * and on every change.
 */
export function useReconnecting(subscribe: (listener: (connected: boolean) => void) => () => void): boolean {
  const [reconnecting, setReconnecting] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const stopTimer = () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
    }
    const unsubscribe = subscribe((connected) => {
      if (connected) {
        stopTimer()
        setReconnecting(false)
      } else if (timer === null) {
        timer = setTimeout(() => setReconnecting(true), reconnectingAfterMs)
      }
    })
    return () => {
      stopTimer()
      unsubscribe()
    }
  }, [subscribe])
  return reconnecting
}
