/**
 * A container's virtual filesystem, as plain JSON data (DESIGN §2.3 point 2).
 *
 * A container sees its own local tree, fresh on each restart, plus the pod's volumes (`emptyDir`, and
 * whatever else the caller fills in) mounted at paths. Volumes belong to the pod: every container that
 * mounts one (init containers included) sees the same `FsData`, and it survives container restarts.
 * Everything here is plain objects mutated in place; the simulator deep-clones at keyframes.
 */

/** One file or directory. Paths, not nesting, give the structure (see {@link FsData}). */
export type FsNode = { kind: 'file'; content: string } | { kind: 'dir' }

/**
 * One tree: entries keyed by absolute path inside the tree (`/a/b`), without a trailing slash.
 * The root `/` always exists and is never stored. A parent directory is stored before its children.
 */
export interface FsData {
  entries: Record<string, FsNode>
}

/** A volume mounted into the container at `path` (absolute, normalised). */
export interface FsMount {
  path: string
  volume: string
  readOnly?: boolean
}

/** What one container sees: its own tree, the pod's volumes, and where they are mounted. */
export interface FsView {
  local: FsData
  volumes: Record<string, FsData>
  mounts: FsMount[]
}

/** Error numbers the file operations report; {@link errnoText} gives the libc wording. */
export type Errno = 'ENOENT' | 'EEXIST' | 'EISDIR' | 'ENOTDIR' | 'EROFS' | 'EBUSY' | 'ENOTEMPTY'

const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  EBUSY: 'Resource busy',
  ENOTEMPTY: 'Directory not empty',
}

/** The text `strerror` (musl, as in busybox images) gives for an error number. */
export function errnoText(e: Errno): string {
  return ERRNO_TEXT[e]
}

/** An empty tree (only `/`). */
export function emptyFs(): FsData {
  return { entries: {} }
}

/** The directories a busybox image starts with; a container's local tree on each (re)start. */
export function imageFs(): FsData {
  const fs = emptyFs()
  for (const d of [
    '/bin',
    '/dev',
    '/etc',
    '/home',
    '/lib',
    '/proc',
    '/root',
    '/sys',
    '/tmp',
    '/usr',
    '/var',
  ]) {
    fs.entries[d] = { kind: 'dir' }
  }
  return fs
}

/**
 * Resolves `path` against `cwd` into a normalised absolute path: no `.`/`..` segments, no doubled or
 * trailing slashes. `..` at the root stays at the root.
 */
export function normalizePath(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`
  const out: string[] = []
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  return `/${out.join('/')}`
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

function isUnder(path: string, prefix: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`)
}

interface Located {
  data: FsData
  /** The path inside `data`. */
  inner: string
  readOnly: boolean
  /** The container path where `data` is mounted, `/` for the local tree. */
  root: string
}

/**
 * Finds the tree that holds an absolute, normalised path: the longest mount prefix wins. A mount whose
 * volume is missing from `view.volumes` gets an empty one, created on first use.
 */
function locate(view: FsView, path: string): Located {
  let best: FsMount | undefined
  for (const m of view.mounts) {
    if (isUnder(path, m.path) && (!best || m.path.length > best.path.length)) best = m
  }
  if (best) {
    const data = view.volumes[best.volume] ?? (view.volumes[best.volume] = emptyFs())
    const inner = best.path === '/' ? path : path.slice(best.path.length) || '/'
    return { data, inner, readOnly: best.readOnly === true, root: best.path }
  }
  return { data: view.local, inner: path, readOnly: false, root: '/' }
}

function nodeIn(data: FsData, inner: string): FsNode | undefined {
  if (inner === '/') return { kind: 'dir' }
  return Object.hasOwn(data.entries, inner) ? data.entries[inner] : undefined
}

/** True when `path` is a strict ancestor of a mount point (it exists as a directory to hold it). */
function holdsMount(view: FsView, path: string): boolean {
  return view.mounts.some((m) => m.path !== path && isUnder(m.path, path))
}

/** What is at an absolute, normalised path: `'file'`, `'dir'`, or null when nothing is. */
export function statPath(view: FsView, path: string): 'file' | 'dir' | null {
  const loc = locate(view, path)
  const node = nodeIn(loc.data, loc.inner)
  if (node) return node.kind
  return holdsMount(view, path) ? 'dir' : null
}

/** Checks that every ancestor of `path` is a directory; the error a syscall would give otherwise. */
function checkParents(view: FsView, path: string): Errno | null {
  const parent = parentOf(path)
  if (parent === path) return null
  const kind = statPath(view, parent)
  if (kind === null) return 'ENOENT'
  if (kind === 'file') return 'ENOTDIR'
  return null
}

/** Reads a file. */
export function readFile(
  view: FsView,
  path: string,
): { ok: true; content: string } | { ok: false; errno: Errno } {
  const kind = statPath(view, path)
  if (kind === 'file') {
    const loc = locate(view, path)
    const node = nodeIn(loc.data, loc.inner)
    return { ok: true, content: node?.kind === 'file' ? node.content : '' }
  }
  if (kind === 'dir') return { ok: false, errno: 'EISDIR' }
  return { ok: false, errno: checkParents(view, path) ?? 'ENOENT' }
}

/**
 * Writes a file, creating it when missing (`open(O_CREAT)`): replaces the content, or appends with
 * `append`. Returns the error, or null on success.
 */
export function writeFile(view: FsView, path: string, content: string, append = false): Errno | null {
  const loc = locate(view, path)
  const node = nodeIn(loc.data, loc.inner)
  if (node?.kind === 'dir' || holdsMount(view, path)) return 'EISDIR'
  if (!node) {
    const bad = checkParents(view, path)
    if (bad) return bad
  }
  if (loc.readOnly) return 'EROFS'
  if (node?.kind === 'file' && append) node.content += content
  else loc.data.entries[loc.inner] = { kind: 'file', content }
  return null
}

/** Creates one directory (`mkdir(2)`); with `parents`, also the missing ancestors and no EEXIST. */
export function makeDir(view: FsView, path: string, parents = false): Errno | null {
  const kind = statPath(view, path)
  if (kind === 'dir') return parents ? null : 'EEXIST'
  if (kind === 'file') return parents ? 'ENOTDIR' : 'EEXIST'
  if (parents) {
    const parent = parentOf(path)
    const bad = parent === path ? null : makeDir(view, parent, true)
    if (bad) return bad
  } else {
    const bad = checkParents(view, path)
    if (bad) return bad
  }
  const loc = locate(view, path)
  if (loc.readOnly) return 'EROFS'
  loc.data.entries[loc.inner] = { kind: 'dir' }
  return null
}

/** Names directly inside a directory, sorted (bytewise, as `ls` in the C locale). */
export function listDir(
  view: FsView,
  path: string,
): { ok: true; names: string[] } | { ok: false; errno: Errno } {
  const kind = statPath(view, path)
  if (kind === null) return { ok: false, errno: 'ENOENT' }
  if (kind === 'file') return { ok: false, errno: 'ENOTDIR' }
  const names = new Set<string>()
  const loc = locate(view, path)
  const prefix = loc.inner === '/' ? '/' : `${loc.inner}/`
  for (const key of Object.keys(loc.data.entries)) {
    if (key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.add(key.slice(prefix.length))
  }
  const own = path === '/' ? '/' : `${path}/`
  for (const m of view.mounts) {
    if (m.path.startsWith(own) && m.path !== path) names.add(m.path.slice(own.length).split('/')[0] ?? '')
  }
  names.delete('')
  return { ok: true, names: [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) }
}

/**
 * Removes a file, or a directory: an empty one, or with `recursive` everything under it. A mount point
 * (or an ancestor of one) is emptied but cannot itself go: EBUSY, as a real kernel answers.
 */
export function removePath(view: FsView, path: string, recursive = false): Errno | null {
  const kind = statPath(view, path)
  if (kind === null) return checkParents(view, path) ?? 'ENOENT'
  const loc = locate(view, path)
  if (kind === 'file') {
    if (loc.readOnly) return 'EROFS'
    delete loc.data.entries[loc.inner]
    return null
  }
  const children = listDir(view, path)
  if (children.ok && children.names.length > 0) {
    if (!recursive) return 'ENOTEMPTY'
    let first: Errno | null = null
    for (const name of children.names) {
      const bad = removePath(view, path === '/' ? `/${name}` : `${path}/${name}`, true)
      first ??= bad
    }
    if (first) return first
  }
  if (loc.root === path || holdsMount(view, path) || path === '/') return 'EBUSY'
  if (loc.readOnly) return 'EROFS'
  delete loc.data.entries[loc.inner]
  return null
}
