import { describe, expect, it } from 'vitest'
import { numFeasibleNodesToFind } from './scheduler'

// kube-scheduler pkg/scheduler/schedule_one.go numFeasibleNodesToFind, percentageOfNodesToScore unset
// (cases as in schedule_one_test.go TestNumFeasibleNodesToFind).
describe('numFeasibleNodesToFind', () => {
  it.each([
    [10, 10],
    [99, 99],
    [100, 100],
    [500, 230],
    [1000, 420],
    [5000, 500],
    [6000, 300],
  ])('%i nodes → %i', (nodes, want) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(want)
  })
})
