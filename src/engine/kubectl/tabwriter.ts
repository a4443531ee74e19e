/**
 * A port of Go's `text/tabwriter` (the elastic-tabstop algorithm kubectl prints every table and `describe` through).
 *
 * Text is split into cells by tabs; a newline ends a line; a column block is a run of consecutive lines that have
 * a cell in that column, and every cell of a block is padded to the block's widest cell plus `padding`. The last
 * cell of a line is not part of any column. A line with a single cell ends the block (the writer flushes), which is
 * why `describe` sections align independently. Escapes (`\xff`) and HTML filtering are not ported: kubectl sets
 * neither.
 */

/** Go's tabwriter flags. */
export const AlignRight = 1 << 2
export const DiscardEmptyColumns = 1 << 3
export const TabIndent = 1 << 4
export const Debug = 1 << 5

/** The parameters of `tabwriter.NewWriter`. */
export interface TabwriterOptions {
  minwidth: number
  tabwidth: number
  padding: number
  padchar: string
  flags: number
}

/** cli-runtime `printers.GetNewTabWriter`: what `kubectl get` tables use (reference D3). */
export const GET_TABWRITER: TabwriterOptions = {
  minwidth: 6,
  tabwidth: 4,
  padding: 3,
  padchar: ' ',
  flags: 0,
}

/** kubectl `describe.tabbedString`: `out.Init(buf, 0, 8, 2, ' ', 0)` (reference D6). */
export const DESCRIBE_TABWRITER: TabwriterOptions = {
  minwidth: 0,
  tabwidth: 8,
  padding: 2,
  padchar: ' ',
  flags: 0,
}

interface Cell {
  text: string
  width: number
  htab: boolean
}

function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** A Go `tabwriter.Writer`: {@link write} text, then {@link flush}; {@link toString} returns what was output. */
export class Tabwriter {
  private readonly opts: TabwriterOptions
  private out = ''
  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []

  constructor(opts: TabwriterOptions) {
    this.opts = opts
  }

  /** Writes text; complete blocks are formatted as soon as a single-cell line ends them. */
  write(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        this.cell += text.slice(start, i)
        start = i + 1
        const ncells = this.terminateCell(ch === '\t')
        if (ch === '\n' || ch === '\f') {
          this.lines.push([])
          if (ch === '\f' || ncells === 1) this.flush()
        }
      }
    }
    this.cell += text.slice(start)
  }

  /** Formats and outputs everything buffered (Go `Flush`). */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false)
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.cell = ''
    this.widths = []
  }

  /** Everything output so far. */
  toString(): string {
    return this.out
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!
    line.push({ text: this.cell, width: runeCount(this.cell), htab })
    this.cell = ''
    return line.length
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t]!.length - 1) continue
      // This line has a cell in this column: print the lines above, then find the block's width.
      this.writeLines(line0, t)
      line0 = t
      let width = this.opts.minwidth
      let discardable = true
      for (; t < line1; t++) {
        const line = this.lines[t]!
        if (column >= line.length - 1) break
        const c = line[column]!
        width = Math.max(width, c.width + this.opts.padding)
        if (c.width > 0 || c.htab) discardable = false
      }
      if (discardable && this.opts.flags & DiscardEmptyColumns) width = 0
      this.widths.push(width)
      this.format(line0, t)
      this.widths.pop()
      line0 = t
      // Go's loop then steps past line t, which has no cell in this column.
    }
    this.writeLines(line0, line1)
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!
      let useTabs = (this.opts.flags & TabIndent) !== 0
      line.forEach((c, j) => {
        if (j > 0 && this.opts.flags & Debug) this.out += '|'
        if (c.text.length === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, useTabs)
        } else {
          useTabs = false
          if ((this.opts.flags & AlignRight) === 0) {
            this.out += c.text
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false)
          } else {
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false)
            this.out += c.text
          }
        }
      })
      // The last buffered line has no newline (its text, if any, is still in the open cell).
      if (i + 1 !== this.lines.length) this.out += '\n'
    }
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    const { padchar, tabwidth } = this.opts
    if (padchar === '\t' || useTabs) {
      if (tabwidth === 0) return
      cellw = Math.ceil(cellw / tabwidth) * tabwidth
      this.out += '\t'.repeat(Math.ceil((cellw - textw) / tabwidth))
      return
    }
    this.out += padchar.repeat(cellw - textw)
  }
}

/**
 * Runs text through a fresh tabwriter and returns the formatted output.
 * @param text tab-separated cells, newline-terminated lines
 * @param opts the writer's parameters, e.g. {@link GET_TABWRITER} or {@link DESCRIBE_TABWRITER}
 */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const w = new Tabwriter(opts)
  w.write(text)
  w.flush()
  return w.toString()
}
