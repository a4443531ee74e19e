/**
 * What each key of the `kubeplay.dev/behavior` annotation means (DESIGN §2.3), for completion and hover
 * inside the annotation. The keys themselves are the engine's (container/behavior.ts); a test checks that
 * every key the engine reads has its entry here.
 */
import type { CONTAINER_KEYS, PROBE_KINDS } from '../../engine/container/behavior-keys'

export interface KeyDoc {
  /** Markdown shown in the completion details and on hover. */
  readonly doc: string
  /** What completion inserts after `key: ` (a Monaco snippet). */
  readonly value: string
}

const duration = 'A number of seconds, or a duration string such as `"30s"` or `"2m"`.'

/** Keys of one container's entry (and, except pullSeconds/pull/runs, of one `runs` entry). */
export const CONTAINER_KEY_DOCS: Readonly<Record<(typeof CONTAINER_KEYS)[number], KeyDoc>> = {
  pullSeconds: {
    doc: `How long pulling the image takes the first time on a node (later pods on that node find it cached, as with \`imagePullPolicy: IfNotPresent\`). ${duration}`,
    value: '${1:4}',
  },
  pull: {
    doc: '`pull: fail` — the image cannot be pulled: the container waits in `ErrImagePull`, then `ImagePullBackOff`.',
    value: 'fail',
  },
  startSeconds: {
    doc: `How long the process takes until it listens and answers probes. A startup or liveness probe that gives up earlier kills it. ${duration}`,
    value: '${1:20}',
  },
  exit: {
    doc: 'The process exits on its own, on every run: `{after: 30, code: 1}` exits 30 s after it started with code 1 (code 0 is a success: `Completed`).',
    value: '{after: ${1:30}, code: ${2:1}}',
  },
  oomAfter: {
    doc: `The container is OOMKilled (exit code 137, reason \`OOMKilled\`) this long after it started. ${duration}`,
    value: '${1:45}',
  },
  probes: {
    doc: 'When the probes fail, as windows in seconds since this run started: `readiness: {fail: [[30, 60]]}`; `null` as the end means for ever. Outside the windows, probes pass.',
    value: '\n  ${1|readiness,liveness,startup|}: {fail: [[${2:30}, ${3:null}]]}',
  },
  runs: {
    doc: 'Per-run overrides, one entry per run of the container (the first run, the first restart, …); the last entry repeats. An entry may set startSeconds, exit, oomAfter and probes; `null` removes the container’s setting for that run.',
    value: '\n  - {exit: {after: ${1:3}, code: ${2:1}}}\n  - {}',
  },
}

export const EXIT_KEY_DOCS: Readonly<Record<'after' | 'code', KeyDoc>> = {
  after: { doc: `When the process exits, since it started. ${duration}`, value: '${1:30}' },
  code: {
    doc: 'The exit code, 0 to 255: 0 is `Completed`, anything else `Error` (and a restart unless restartPolicy is Never).',
    value: '${1:1}',
  },
}

export const PROBE_KEY_DOCS: Readonly<Record<(typeof PROBE_KINDS)[number], KeyDoc>> = {
  startup: {
    doc: 'The startupProbe’s failure windows. While it fails, liveness and readiness wait; after failureThreshold failures the container is killed.',
    value: '{fail: [[${1:0}, ${2:30}]]}',
  },
  liveness: {
    doc: 'The livenessProbe’s failure windows: after failureThreshold failures in a row the kubelet kills and restarts the container.',
    value: '{fail: [[${1:90}, ${2:null}]]}',
  },
  readiness: {
    doc: 'The readinessProbe’s failure windows: while it fails the pod is not Ready and leaves its Services’ endpoints.',
    value: '{fail: [[${1:30}, ${2:60}]]}',
  },
}

export const FAIL_KEY_DOC: KeyDoc = {
  doc: 'A list of `[from, to]` windows in seconds since the run started; `to` may be `null` (no end).',
  value: '[[${1:30}, ${2:60}]]',
}

/** The annotation itself, for hover on its key. */
export const BEHAVIOR_DOC = [
  '**kubeplay.dev/behavior** — how kubeplay’s simulated containers behave (a real cluster ignores it).',
  '',
  'A YAML map keyed by container name, written as a block (`|`):',
  '',
  '```yaml',
  'kubeplay.dev/behavior: |',
  '  web:',
  '    startSeconds: 20',
  '    probes:',
  '      readiness: {fail: [[30, 60]]}',
  '```',
  '',
  `Keys: ${Object.keys(CONTAINER_KEY_DOCS)
    .map((k) => `\`${k}\``)
    .join(', ')}. Press Ctrl+Space inside the block for completion.`,
].join('\n')
