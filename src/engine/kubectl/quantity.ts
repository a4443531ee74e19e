/**
 * Quantities as `kubectl describe` adds, compares and prints them (requests, limits, node capacity): the
 * names the views use, over the one port of apimachinery's `resource.Quantity` (`model/quantity.ts`).
 */
import {
  addQuantity as add,
  compareQuantity,
  formatQuantity as format,
  parseQuantity as parse,
  ZERO_QUANTITY,
  type Quantity,
} from '../model/quantity'

export type { Quantity, QuantityFormat } from '../model/quantity'

/** The zero quantity (`resource.Quantity{}`), which prints `0`. */
export const ZERO: Quantity = ZERO_QUANTITY

/** Parses `100m`, `0.5`, `1.5Gi`, `128M`, `1e3`. Returns null if the string is not a quantity. */
export function parseQuantity(s: string | number | undefined): Quantity | null {
  if (s === undefined) return null
  return parse(typeof s === 'string' ? s.trim() : s)
}

/** `q.Add(y)`: the sum, in q's format (a zero q takes y's format, as `Quantity.Add` does). */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  return add(q, y)
}

/** `q.Cmp(y)`: -1, 0 or 1. */
export function cmpQuantity(q: Quantity, y: Quantity): number {
  return compareQuantity(q, y)
}

/** The value as a float (for percentages). */
export function quantityValue(q: Quantity): number {
  return Number(q.nanos) / 1e9
}

/** `Quantity.String()` in canonical form. */
export function formatQuantity(q: Quantity): string {
  return format(q)
}

/** Canonical form of a quantity string, or the string itself if it does not parse. */
export function canonicalQuantity(s: string | number): string {
  const q = parseQuantity(s)
  return q ? formatQuantity(q) : String(s)
}
