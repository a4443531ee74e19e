/** One replacement that turns `before` into `after`: offsets into `before`, and the text put there. */
export interface TextChange {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * The smallest single replacement from `before` to `after` (common prefix and suffix kept), so an
 * editor can apply an outside change as one undoable edit without moving the rest of the text.
 * Inserted whole lines are reported as inserted at a line start.
 */
export function textChange(before: string, after: string): TextChange {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let tail = 0
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++
  const end = before.length - tail
  const text = after.slice(start, after.length - tail)
  // A pure insertion slides left to a line start where it can (the same result, in whole lines), so
  // an added line shows as that line rather than as a change across two.
  if (start === end && text !== '') {
    let s = start
    let t = text
    while (s > 0 && before[s - 1] !== '\n' && t.at(-1) === before[s - 1]) {
      t = before[s - 1]! + t.slice(0, -1)
      s--
    }
    if (s === 0 || before[s - 1] === '\n') return { start: s, end: s, text: t }
  }
  return { start, end, text }
}
