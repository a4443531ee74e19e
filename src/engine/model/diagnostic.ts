/** Where something sits in the scenario text. Lines and columns are 1-based, as editors show them. */
export interface SourceRange {
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
}

export type Severity = 'error' | 'warning' | 'info'

/**
 * A problem found in the user's input, always with a position so the editor can underline it and the
 * command line can print it as `file:line:col: severity: message`.
 */
export interface Diagnostic extends SourceRange {
  readonly severity: Severity
  readonly message: string
  /** A stable identifier of the rule, e.g. `yaml-syntax`, `missing-kind`. */
  readonly code: string
}

/** The whole text, for problems that belong to no particular place. */
export const WHOLE_TEXT: SourceRange = { line: 1, col: 1, endLine: 1, endCol: 1 }
