import { describe, expect, it } from 'vitest'
import { goDuration, humanDuration, parseDuration } from './duration'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('humanDuration', () => {
  // apimachinery pkg/util/duration/duration.go HumanDuration and duration_test.go TestHumanDuration;
  // reference D2 examples.
  it.each([
    [S, '1s'],
    [70 * S, '70s'],
    [119 * S, '119s'],
    [190 * S, '3m10s'],
    [2 * M, '2m'],
    [2 * M + 30 * S, '2m30s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [179 * M, '179m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [3 * H + 30 * M, '3h30m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [8 * H + 59 * M, '8h'],
    [47 * H, '47h'],
    [48 * H, '2d'],
    [49 * H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [731 * D, '2y1d'],
    [8 * 365 * D, '8y'],
    [10 * 365 * D, '10y'],
    [0, '0s'],
    [999, '0s'],
    [-1500, '0s'],
    [-1999, '0s'],
    [-2 * S, '<invalid>'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want)
  })
})

describe('goDuration', () => {
  // Go src/time/time.go Duration.String and time_test.go durationTests.
  it.each([
    [0, '0s'],
    [1e-6, '1ns'],
    [1.1e-3, '1.1µs'],
    [2.2, '2.2ms'],
    [300, '300ms'],
    [1500, '1.5s'],
    [3300, '3.3s'],
    [10 * S, '10s'],
    [80 * S, '1m20s'],
    [160 * S, '2m40s'],
    [5 * M, '5m0s'],
    [4 * M + 5 * S, '4m5s'],
    [4 * M + 5001, '4m5.001s'],
    [H, '1h0m0s'],
    [5 * H + 6 * M + 7001, '5h6m7.001s'],
    [8 * M + 1e-6, '8m0.000000001s'],
    [-1500, '-1.5s'],
  ])('%d ms → %s', (ms, want) => {
    expect(goDuration(ms)).toBe(want)
  })
})

describe('parseDuration', () => {
  // Go src/time/format.go ParseDuration; bare numbers are seconds (the brief's contract).
  it.each<[unknown, number | null]>([
    [30, 30 * S],
    [1.5, 1500],
    ['30s', 30 * S],
    ['2m', 2 * M],
    ['1h30m', H + 30 * M],
    ['500ms', 500],
    ['90', 90 * S],
    ['1.5h', 90 * M],
    ['0', 0],
    ['-10s', -10 * S],
    ['2m40s', 160 * S],
    ['100us', 0.1],
    ['', null],
    ['s', null],
    ['10x', null],
    ['1h 30m', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [{}, null],
  ])('%j → %j', (v, want) => {
    expect(parseDuration(v)).toBe(want)
  })

  it('round-trips what goDuration prints', () => {
    for (const ms of [300, 1500, 10 * S, 80 * S, 5 * M, H, 5 * H + 6 * M + 7001])
      expect(parseDuration(goDuration(ms))).toBeCloseTo(ms, 6)
  })
})
