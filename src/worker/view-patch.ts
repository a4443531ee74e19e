import equal from 'fast-deep-equal'
import type { ClusterView } from '../engine'

/**
 * Views as the time cursor moves, sent as changes. During playback the cursor moves every frame and
 * most frames change nothing but the time, or a few pods; sending each view whole costs a structured
 * clone of every pod on both sides and a deep comparison on the page to find what changed. The worker
 * compares instead and sends only the entries that differ; the page patches its copy, and everything
 * unchanged keeps its identity, so the graph skips it.
 */

type Lists = Pick<ClusterView, 'nodes' | 'pods' | 'services' | 'workloads'>
type ListName = keyof Lists
const LISTS: readonly ListName[] = ['nodes', 'pods', 'services', 'workloads']

/** One list of a view against the same list of the base: whole, or the entries that differ by index. */
export type ListPatch<T> =
  { readonly whole: readonly T[] } | { readonly changed: readonly (readonly [index: number, entry: T])[] }

export interface ViewPatch {
  /** This view's number in the stream; the next patch may be based on it. */
  readonly seq: number
  /** The view this one is relative to (0: none, every list is whole). */
  readonly base: number
  readonly t?: number
  /** The lists that differ from the base's (absent: the same). */
  readonly lists: { readonly [K in ListName]?: ListPatch<NonNullable<Lists[K]>[number]> }
}

/** The same object at the same place: a pod's namespace and name, a node's name. */
function sameEntry(a: unknown, b: unknown): boolean {
  const x = a as { kind?: unknown; namespace?: unknown; name?: unknown }
  const y = b as { kind?: unknown; namespace?: unknown; name?: unknown }
  return x.name === y.name && x.namespace === y.namespace && x.kind === y.kind
}

function diffList<T>(prev: readonly T[] | undefined, next: readonly T[] | undefined): ListPatch<T> | null {
  if (next === undefined) return prev === undefined ? null : { whole: [] }
  if (prev === undefined || prev.length !== next.length) return { whole: next }
  const changed: [number, T][] = []
  for (let i = 0; i < next.length; i++) {
    if (!sameEntry(prev[i], next[i])) return { whole: next }
    if (!equal(prev[i], next[i])) changed.push([i, next[i]!])
  }
  if (changed.length === 0) return null
  // Past half the list, the whole list is no bigger and patches no slower.
  return changed.length * 2 > next.length ? { whole: next } : { changed }
}

/** The worker's side: remembers the last view it sent and describes the next one against it. */
export class ViewEncoder {
  private last: ClusterView | null = null
  private seq = 0

  /**
   * `view` as a patch on the view numbered `base`, if that is the last one this encoder sent;
   * otherwise (the page holds none, or another) whole.
   */
  encode(view: ClusterView, base: number): ViewPatch {
    const prev = base !== 0 && base === this.seq ? this.last : null
    const lists: Record<string, ListPatch<unknown>> = {}
    for (const name of LISTS) {
      const p = diffList<unknown>(prev?.[name], view[name])
      if (p) lists[name] = p
    }
    this.last = view
    this.seq++
    return { seq: this.seq, base: prev ? base : 0, t: view.t, lists }
  }

  /** Takes note of `view`, sent whole some other way (an analysis reply): its number in the stream. */
  sent(view: ClusterView): number {
    this.last = view
    return ++this.seq
  }
}

/** The page's side: applies patches in the order they were asked for, keeping unchanged parts. */
export class ViewDecoder {
  private view: ClusterView | null = null
  private seq = 0

  /** The number of the view held, to pass as the base of the next request (0: none). */
  get base(): number {
    return this.seq
  }

  /** Holds `view`, numbered `seq`, which came whole some other way (an analysis reply). */
  adopt(view: ClusterView, seq: number): void {
    this.view = view
    this.seq = seq
  }

  /** Forgets the view held (a new worker knows nothing of it). */
  reset(): void {
    this.view = null
    this.seq = 0
  }

  /** The view `patch` describes; an entry or list that did not change is the same object as before. */
  decode(patch: ViewPatch): ClusterView {
    const prev = patch.base === 0 ? null : this.view
    if (patch.base !== 0 && (prev === null || patch.base !== this.seq))
      throw new Error(`view patch ${patch.seq} is based on view ${patch.base}, but view ${this.seq} is held`)
    const out: Record<string, unknown> = { t: patch.t }
    for (const name of LISTS) {
      const p = patch.lists[name] as ListPatch<unknown> | undefined
      const before = prev?.[name] as readonly unknown[] | undefined
      if (!p) {
        if (before !== undefined) out[name] = before
      } else if ('whole' in p) out[name] = p.whole
      else {
        const list = [...(before ?? [])]
        for (const [i, entry] of p.changed) list[i] = entry
        out[name] = list
      }
    }
    const view = out as unknown as ClusterView
    this.view = view
    this.seq = patch.seq
    return view
  }
}
