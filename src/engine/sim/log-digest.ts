import type { Timeline } from './simulate'

/**
 * A fingerprint of a run's event log (DESIGN §2.1: the same scenario, inputs and engine version give the
 * same log byte for byte, in Node and in the browser): `<entries>:<FNV-1a 32 of each entry's JSON, one
 * per line, as hex>`. Read entry by entry, so a long log is never one string.
 */
export function logDigest(timeline: Pick<Timeline, 'log'>): string {
  let h = 0x811c9dc5
  for (const entry of timeline.log) {
    const line = JSON.stringify(entry) + '\n'
    for (let i = 0; i < line.length; i++) {
      h ^= line.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
  }
  return `${timeline.log.length}:${(h >>> 0).toString(16).padStart(8, '0')}`
}
