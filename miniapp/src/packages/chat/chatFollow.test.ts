import { followReducer, initialFollow, type FollowEvent, type FollowState } from './chatFollow'

const run = (events: FollowEvent[], from: FollowState = initialFollow) => events.reduce(followReducer, from)

describe('following new chat messages', () => {
  it('scrolls to each new message while the reader is at the bottom', () => {
    const state = run([{ kind: 'scrolled', top: 400 }, { kind: 'arrived', count: 1, mine: false }])
    expect(state).toMatchObject({ following: true, unseen: 0, jumps: initialFollow.jumps + 1 })
  })

  it('stops following when the reader scrolls up, and counts what arrives for the 新消息 pill', () => {
    const state = run([{ kind: 'scrolled', top: 900 }, { kind: 'scrolled', top: 300 }, { kind: 'arrived', count: 1, mine: false }, { kind: 'arrived', count: 2, mine: false }])
    expect(state).toMatchObject({ following: false, unseen: 3, jumps: initialFollow.jumps })
  })

  it('the pill scrolls down and follows again; so does reaching the bottom or sending one of their own', () => {
    const reading = run([{ kind: 'scrolled', top: 900 }, { kind: 'scrolled', top: 300 }, { kind: 'arrived', count: 1, mine: false }])
    expect(run([{ kind: 'jump' }], reading)).toMatchObject({ following: true, unseen: 0, jumps: reading.jumps + 1 })
    expect(run([{ kind: 'reachedBottom' }], reading)).toMatchObject({ following: true, unseen: 0 })
    expect(run([{ kind: 'arrived', count: 1, mine: true }], reading)).toMatchObject({ following: true, unseen: 0, jumps: reading.jumps + 1 })
  })

  it('does not mistake a small bounce or the list growing for reading back', () => {
    expect(run([{ kind: 'scrolled', top: 500 }, { kind: 'scrolled', top: 490 }, { kind: 'scrolled', top: 800 }]).following).toBe(true)
  })
})
