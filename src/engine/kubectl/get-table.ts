import type { Event, Namespace, Node, Pod } from 'kubernetes-types/core/v1'
import { formatLabels } from './labels'
import { POD_COLUMNS, POD_WIDE_COLUMNS, podRow } from './pod-row'
import { EVENT_COLUMNS, EVENT_WIDE_ORDER, eventRow, NAMESPACE_COLUMNS, namespaceRow, NODE_COLUMNS, NODE_WIDE_COLUMNS, nodeRow } from './rows' // prettier-ignore
import { GET_TABWRITER, tabwrite } from './tabwriter'

/** The resources `get` prints as tables. */
export type TableResource = 'pods' | 'nodes' | 'events' | 'namespaces'

/** Options of the human-readable printer (cli-runtime `printers.PrintOptions`). */
export interface TableOptions {
  wide?: boolean
  /** `-A`: a NAMESPACE column first. */
  withNamespace?: boolean
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean
  /** `--no-headers`. */
  noHeaders?: boolean
}

type AnyObject = Pod | Node | Event | Namespace

function headersOf(resource: TableResource, wide: boolean): string[] {
  switch (resource) {
    case 'pods':
      return wide ? [...POD_COLUMNS, ...POD_WIDE_COLUMNS] : POD_COLUMNS
    case 'nodes':
      return wide ? [...NODE_COLUMNS, ...NODE_WIDE_COLUMNS] : NODE_COLUMNS
    case 'events':
      return wide ? EVENT_WIDE_ORDER : EVENT_COLUMNS
    case 'namespaces':
      return NAMESPACE_COLUMNS
  }
}

function rowOf(resource: TableResource, obj: AnyObject, now: number, wide: boolean): string[] {
  switch (resource) {
    case 'pods':
      return podRow(obj as Pod, now, { wide })
    case 'nodes':
      return nodeRow(obj as Node, now, { wide })
    case 'events':
      return eventRow(obj as Event, now, { wide })
    case 'namespaces':
      return namespaceRow(obj as Namespace, now)
  }
}

/**
 * Lays cells out as kubectl's human-readable printer does: tab-joined through a tabwriter with minwidth 6,
 * tabwidth 4, padding 3 (cli-runtime `printers.GetNewTabWriter`, reference D3).
 */
export function renderTable(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), GET_TABWRITER)
}

/**
 * The `kubectl get <resource>` table for the given objects (already filtered and in server order), headers
 * included. Returns the empty string for no objects (kubectl then says "No resources found" on stderr).
 */
export function getTable(
  resource: TableResource,
  objects: readonly AnyObject[],
  now: number,
  opts: TableOptions = {},
): string {
  if (objects.length === 0) return ''
  const wide = !!opts.wide
  const rows: string[][] = []
  if (!opts.noHeaders) {
    const headers = [...headersOf(resource, wide)]
    if (opts.withNamespace) headers.unshift('NAMESPACE')
    if (opts.showLabels) headers.push('LABELS')
    rows.push(headers)
  }
  for (const obj of objects) {
    const cells = rowOf(resource, obj, now, wide)
    if (opts.withNamespace) cells.unshift(obj.metadata?.namespace ?? '')
    if (opts.showLabels) cells.push(formatLabels(obj.metadata?.labels))
    rows.push(cells)
  }
  return renderTable(rows)
}
