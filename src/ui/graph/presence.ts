import { usePresence } from 'motion/react'
import { useEffect, useState } from 'react'

/**
 * For a child of motion's `AnimatePresence` drawn with plain elements and CSS animations (cheaper than
 * a motion component when hundreds change in one frame): false once it is leaving, and it is removed
 * `exitMs` later, after its CSS exit animation.
 */
export function useLeaving(exitMs: number): boolean {
  const [isPresent, safeToRemove] = usePresence()
  useEffect(() => {
    if (isPresent || !safeToRemove) return
    const id = setTimeout(safeToRemove, exitMs)
    return () => clearTimeout(id)
  }, [isPresent, safeToRemove, exitMs])
  return !isPresent
}

/**
 * How many times `value` has changed since the component mounted (to a value `counts` accepts): a key
 * that restarts a one-shot CSS animation on each change, and none on first appearance.
 */
export function useChangeCount<T>(value: T, counts: (v: T) => boolean = () => true): number {
  const [seen, setSeen] = useState({ value, n: 0 })
  if (!Object.is(seen.value, value)) {
    const next = { value, n: counts(value) ? seen.n + 1 : seen.n }
    setSeen(next)
    return next.n
  }
  return seen.n
}
