import { describe, expect, it } from 'vitest'
import { createAnalyzer } from './analyze'
import { STALLING_WORKER_NAME, stallingIfAsked, WORKER_NAME, workerName } from './stall'

/** The `?stall=worker` test hook touches only the page's first worker, and only when asked for. */
describe('the stall test hook', () => {
  it('names only the first worker of a page whose query asks for it', () => {
    expect(workerName('?stall=worker', 0)).toBe(STALLING_WORKER_NAME)
    expect(workerName('?stall=worker', 1)).toBe(WORKER_NAME)
    expect(workerName('', 0)).toBe(WORKER_NAME)
    expect(workerName('?stall=dock', 0)).toBe(WORKER_NAME)
    expect(workerName('?stall=twice', 1)).toBe(STALLING_WORKER_NAME)
    expect(workerName('?stall=twice', 2)).toBe(WORKER_NAME)
    expect(workerName('?stall=constructor', 0)).toBe(WORKER_NAME)
  })

  it('leaves an ordinary worker the analyzer itself', () => {
    const api = createAnalyzer()
    expect(stallingIfAsked(WORKER_NAME, api)).toBe(api)
    expect(stallingIfAsked(STALLING_WORKER_NAME, api)).not.toBe(api)
  })
})
