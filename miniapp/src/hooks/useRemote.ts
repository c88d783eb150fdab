import { useCallback, useEffect, useRef, useState } from 'react'

export interface Remote<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  /** Loads again, keeping what is on screen until the answer arrives. */
  reload: () => Promise<void>
}

interface RemoteOptions {
  /** Nothing to ask for (a page opened without its id): no request on mount, and not loading. */
  skip?: boolean
}

/** Loads page data once on mount and on demand (retry button, pull-down refresh). */
export function useRemote<T>(load: () => Promise<T>, { skip = false }: RemoteOptions = {}): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(!skip)
  const skipRef = useRef(skip)
  const loadRef = useRef(load)
  loadRef.current = load
  const mounted = useRef(true)

  const reload = useCallback(async () => {
    setLoading(true)
    try {
      const value = await loadRef.current()
      if (!mounted.current) return
      setData(value)
      setError(null)
    } catch (caught) {
      if (mounted.current) setError(caught)
    } finally {
      if (mounted.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    mounted.current = true
    if (!skipRef.current) void reload()
    return () => {
      mounted.current = false
    }
  }, [reload])

  return { data, error, loading, reload }
}
