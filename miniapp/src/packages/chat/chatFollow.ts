/**
 * Whether the chat follows new messages. It follows until the reader scrolls up; then new messages
 * are counted for a "新消息" pill instead of pulling the page away from what they are reading. Reaching
 * the bottom again, tapping the pill or sending a message of their own follows again.
 */
export interface FollowState {
  following: boolean
  /** Messages that arrived while the reader was scrolled up (the pill shows while > 0). */
  unseen: number
  /** The last scroll position seen, to tell scrolling up from the list growing. */
  lastTop: number
  /** Bumped whenever the list should scroll to the bottom (the scroll view's scrollTop follows it). */
  jumps: number
}

export type FollowEvent =
  | { kind: 'scrolled'; top: number }
  | { kind: 'reachedBottom' }
  | { kind: 'arrived'; count: number; mine: boolean }
  | { kind: 'jump' }

/** Scrolling up by less than this is a bounce or a layout shift, not reading back. */
const upwardSlackPx = 24

export const initialFollow: FollowState = { following: true, unseen: 0, lastTop: 0, jumps: 1 }

export function followReducer(state: FollowState, event: FollowEvent): FollowState {
  switch (event.kind) {
    case 'scrolled': {
      const up = event.top < state.lastTop - upwardSlackPx
      return { ...state, lastTop: event.top, following: up ? false : state.following }
    }
    case 'reachedBottom':
      return state.following && state.unseen === 0 ? state : { ...state, following: true, unseen: 0 }
    case 'arrived':
      if (event.count <= 0) return state
      if (state.following || event.mine) return { ...state, following: true, unseen: 0, jumps: state.jumps + 1 }
      return { ...state, unseen: state.unseen + event.count }
    case 'jump':
      return { ...state, following: true, unseen: 0, jumps: state.jumps + 1 }
  }
}

/** The scroll view's scrollTop for a jump: past the end (clamped to the bottom), different each time. */
export const bottomScrollTop = (jumps: number): number => 1_000_000 + jumps
