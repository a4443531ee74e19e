/**
 * The simulation's one event queue: a binary min-heap ordered by (time, seq). `seq` is a counter taken
 * when an item is pushed, so items due at the same millisecond run in the order they were scheduled,
 * and the order never depends on the heap's internals. The heap is a plain array of plain items, so a
 * keyframe copies it with `slice()`.
 */
export interface QueueItem<T = unknown> {
  readonly at: number
  readonly seq: number
  readonly task: T
}

export function pushItem<T>(heap: QueueItem<T>[], item: QueueItem<T>): void {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!before(heap[i]!, heap[parent]!)) break
    swap(heap, i, parent)
    i = parent
  }
}

export function peekItem<T>(heap: readonly QueueItem<T>[]): QueueItem<T> | undefined {
  return heap[0]
}

export function popItem<T>(heap: QueueItem<T>[]): QueueItem<T> | undefined {
  const top = heap[0]
  const last = heap.pop()
  if (top === undefined || last === undefined || heap.length === 0) return top
  heap[0] = last
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    const r = l + 1
    let m = i
    if (l < heap.length && before(heap[l]!, heap[m]!)) m = l
    if (r < heap.length && before(heap[r]!, heap[m]!)) m = r
    if (m === i) break
    swap(heap, i, m)
    i = m
  }
  return top
}

function before(a: QueueItem, b: QueueItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}

function swap<T>(heap: T[], i: number, j: number): void {
  const t = heap[i]!
  heap[i] = heap[j]!
  heap[j] = t
}
