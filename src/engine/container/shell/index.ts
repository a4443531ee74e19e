/**
 * The container shell interpreter (DESIGN §2.3 point 2): compile a container's argv, run it in
 * virtual time over a virtual filesystem, and answer exec probes.
 */
export { compileProcess, compileScript, type CompileResult } from './compile'
export { execProbe, joinOutput, type ExecResult } from './exec'
export {
  emptyFs,
  imageFs,
  listDir,
  makeDir,
  normalizePath,
  readFile,
  removePath,
  statPath,
  writeFile,
  type FsData,
  type FsMount,
  type FsNode,
  type FsView,
} from './vfs'
export { MAX_LINES, MAX_OPS, runUntilBlocked, startProcess } from './run'
export type { OutputLine, ProcContext, ProcState, Program, Step } from './types'
