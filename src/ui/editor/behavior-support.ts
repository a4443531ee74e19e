/**
 * Completion and hover inside `kubeplay.dev/behavior: |` blocks. The YAML language service sees the
 * block as one string; these providers read its keys from the lines (behavior-context.ts). Validation
 * stays the engine's: its diagnostics already point at unknown keys and bad values in the block.
 */
import type * as Monaco from 'monaco-editor/editor'
import { behaviorContext, docFor, keysFor } from './behavior-context'

export function registerBehaviorSupport(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider('yaml', {
    provideCompletionItems(model, position) {
      const lines = model.getLinesContent()
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
      const m = /^(\s*)(-\s+)?([A-Za-z0-9_]*)$/.exec(before)
      if (!m) return { suggestions: [] }
      const indent = m[1]!.length + (m[2]?.length ?? 0)
      const ctx = behaviorContext(lines, position.lineNumber - 1, indent)
      if (!ctx) return { suggestions: [] }
      const range = new monaco.Range(
        position.lineNumber,
        position.column - m[3]!.length,
        position.lineNumber,
        position.column,
      )
      const suggestions = keysFor(ctx.path, ctx.containers)
        .filter((o) => !ctx.siblings.includes(o.key))
        .map((o, i) => ({
          label: o.key,
          kind: monaco.languages.CompletionItemKind.Property,
          detail: 'kubeplay.dev/behavior',
          documentation: { value: o.doc },
          // Monaco indents a snippet's later lines like the line it is inserted on.
          insertText: `${o.key}:${o.value.startsWith('\n') ? o.value : ` ${o.value}`}`,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          sortText: String(i).padStart(3, '0'),
          range,
        }))
      return { suggestions }
    },
  })

  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      const line = model.getLineContent(position.lineNumber)
      const m = /^(\s*)(-\s+)?([A-Za-z0-9_.-]+)\s*:/.exec(line)
      if (!m) return null
      const start = m[1]!.length + (m[2]?.length ?? 0)
      const end = start + m[3]!.length
      if (position.column - 1 < start || position.column - 1 > end) return null
      const ctx = behaviorContext(model.getLinesContent(), position.lineNumber - 1, start)
      if (!ctx) return null
      const doc = docFor(ctx.path, m[3]!, ctx.containers)
      if (doc === null) return null
      return {
        range: new monaco.Range(position.lineNumber, start + 1, position.lineNumber, end + 1),
        contents: [{ value: `**${m[3]}** · kubeplay.dev/behavior` }, { value: doc }],
      }
    },
  })
}
