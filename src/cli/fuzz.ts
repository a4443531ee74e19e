/**
 * `npm run fuzz [-- --scale N] [-- --seed S]`: the long hostile-input run of issue 8, outside `npm test`
 * (whose property tests are the bounded version). Feeds the parser, the engine, kubectl and the link
 * decoder generated and mutated inputs, class by class, and prints a table: inputs tried, crashes
 * (an exception escaped), hangs (one input took longer than the budget), data lost (a link that did
 * not decode to what was encoded), and diagnostics without a position. Exits 1 if anything was found.
 */
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { stringify } from 'yaml'
import { analyzeScenario, clusterObjects, clusterView, kubectl, simulate } from '../engine'
import { decodeLink, encodeLink, type SharedState } from '../share/link'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const SCALE = option('scale', 1)
const SEED = option('seed', 20261203)
/** One input may take this long before it counts as a hang (the page's watchdog allows 2 s). */
const HANG_MS = 2000
/** `--only <words>`: run the classes whose name contains them. */
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1]! : ''

interface Row {
  name: string
  inputs: number
  crashes: number
  hangs: number
  lost: number
  unpositioned: number
  slowestMs: number
  samples: string[]
  /** By where it crashed: the first input that crashed there, in full, with the stack. */
  seen: Map<string, string>
}

const rows: Row[] = []

function run<T>(name: string, count: number, arb: fc.Arbitrary<T>, check: (x: T, row: Row) => void): void {
  if (ONLY && !name.includes(ONLY)) return
  const row: Row = {
    name,
    inputs: 0,
    crashes: 0,
    hangs: 0,
    lost: 0,
    unpositioned: 0,
    slowestMs: 0,
    samples: [],
    seen: new Map(),
  }
  rows.push(row)
  const n = Math.max(1, Math.round(count * SCALE))
  const batch = 1000
  for (let done = 0; done < n; done += batch) {
    const inputs = fc.sample(arb, {
      numRuns: Math.min(batch, n - done),
      seed: SEED + rows.length * 7919 + done,
    })
    for (const x of inputs) {
      row.inputs++
      const start = performance.now()
      try {
        check(x, row)
      } catch (e) {
        row.crashes++
        if (row.samples.length < 3) row.samples.push(`crash: ${(e as Error).message} ← ${preview(x)}`)
        const where = (e as Error).stack?.split('\n')[1] ?? ''
        if (!row.seen.has(where))
          row.seen.set(
            where,
            `${(e as Error).stack?.split('\n').slice(0, 4).join('\n')}\ninput: ${JSON.stringify(x)}`,
          )
      }
      const ms = performance.now() - start
      row.slowestMs = Math.max(row.slowestMs, ms)
      if (ms > HANG_MS) {
        row.hangs++
        if (row.samples.length < 3) row.samples.push(`hang ${ms.toFixed(0)} ms ← ${preview(x)}`)
      }
    }
    process.stderr.write(`\r${name}: ${row.inputs.toLocaleString('en-US')} / ${n.toLocaleString('en-US')}   `)
  }
  process.stderr.write('\n')
}

function preview(x: unknown): string {
  const s = typeof x === 'string' ? x : JSON.stringify(x)
  return JSON.stringify((s ?? '').slice(0, 120))
}

/** Analyses a text; if it loads, simulates it briefly and reads views and kubectl at a moment. */
function analyzeAndRun(text: string, row: Row, untilMs: number): void {
  const analysis = analyzeScenario(text)
  for (const d of analysis.diagnostics)
    if (!(d.line >= 1 && d.col >= 1 && typeof d.message === 'string' && d.message !== '')) {
      row.unpositioned++
      if (row.samples.length < 3) row.samples.push(`unpositioned ${JSON.stringify(d)} ← ${preview(text)}`)
    }
  if (analysis.hasErrors) return
  const tl = simulate(analysis.objects, { untilMs })
  const state = tl.stateAt(Math.floor(untilMs / 2))
  clusterView(state)
  kubectl(['get', 'all', '-A', '-o', 'wide'], clusterObjects(state), tl.epochMs + untilMs / 2)
}

// The manifests real people paste: the default scenario and the gallery, document by document.
const root = new URL('../../', import.meta.url)
const texts = [
  readFileSync(new URL('src/ui/default-scenario.yaml', root), 'utf8'),
  ...readdirSync(new URL('public/scenarios/', root))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(new URL(`public/scenarios/${f}`, root), 'utf8')),
]
const documents = texts.flatMap((t) => t.split(/^---$/m)).filter((d) => d.trim() !== '')

const junk = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -1, 1e308, -0, 2 ** 31, 2 ** 53, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'javascript:alert(1)', '${{}}', '\u202e', '../../etc'),
)

/** A document with values replaced at random paths, and sometimes cut short. */
const mutated = fc
  .tuple(
    fc.nat(documents.length - 1),
    fc.array(fc.tuple(fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 5 }), junk), {
      maxLength: 4,
    }),
    fc.nat(100),
  )
  .map(([i, mutations, cut]) => {
    let text = documents[i]!
    for (const [path, value] of mutations) {
      // Replace the value of a key that occurs in the text (or add a key at the top).
      const key = path.at(-1)!
      const at = text.indexOf(`${key}:`)
      const line = `${key}: ${JSON.stringify(value)}`
      text =
        at >= 0 ? text.slice(0, at) + line + text.slice(text.indexOf('\n', at) >>> 0) : `${line}\n${text}`
    }
    return cut % 9 === 0 ? text.slice(0, Math.floor((text.length * cut) / 100)) : text
  })

/** YAML that attacks the parser: alias bombs, deep nesting, duplicate keys, tabs, control bytes. */
const hostileYaml = fc.oneof(
  fc.integer({ min: 2, max: 12 }).map((depth) => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < depth; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  ${lines.join('\n  ')}\n`
  }),
  fc
    .integer({ min: 1, max: 5000 })
    .map((d) => `apiVersion: v1\nkind: Pod\nmetadata: ${'['.repeat(d)}${']'.repeat(d)}\n`),
  fc.integer({ min: 1, max: 3000 }).map((d) => `kind: Pod\nx: ${'{a: '.repeat(d)}1${'}'.repeat(d)}\n`),
  fc
    .array(fc.constantFrom('kind: Pod', 'kind: Service', 'metadata: {name: a}', 'metadata: {name: b}'), {
      maxLength: 8,
    })
    .map((ls) => `apiVersion: v1\n${ls.join('\n')}\n`),
  fc.string({ maxLength: 200 }).map((s) => `apiVersion: v1\n\tkind: Pod\n${s.replace(/ /g, '\t')}`),
  fc.uint8Array({ maxLength: 400 }).map((b) => String.fromCharCode(...b)),
  fc.integer({ min: 1, max: 3000 }).map((n) => Array(n).fill('---').join('\n')),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e12 }), fc.integer({ min: -100, max: 0 }))
    .map(
      ([replicas, period]) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: nginx, livenessProbe: {httpGet: {port: 80}, periodSeconds: ${period}}}]\n`,
    ),
)

/** Arbitrary JSON values written as YAML documents, with the keys manifests have. */
const yamlShaped = fc
  .array(
    fc.record(
      {
        apiVersion: fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'kubeplay.dev/v1alpha1', 'x/y', 7),
        kind: fc.constantFrom('Pod', 'Deployment', 'Service', 'Job', 'Scenario', 'Node', 'List', 'Nope'),
        metadata: fc.oneof(fc.record({ name: junk }, { requiredKeys: [] }), junk),
        spec: fc.oneof(fc.jsonValue({ maxDepth: 4 }), junk),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  )
  .map((docs) => docs.map((d) => stringify(d)).join('---\n'))

const shared: fc.Arbitrary<SharedState> = fc.record(
  {
    text: fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.constantFrom(...texts),
    ),
    atS: fc.integer({ min: 0, max: 86_400 * 10 }).map((n) => n / 10),
    select: fc.constantFrom('pod/default/web-0', 'node/worker-1', 'deployment/default/web'),
    view: fc.dictionary(
      fc.constantFrom('ov', 'ns', 'l', 'q', 'tl'),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.boolean(),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      ),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: ['text', 'atS'] },
)

const validLink = encodeLink({ text: texts[0]!, atS: 83 }, 3)
const manglings = fc.tuple(
  fc.nat(validLink.length),
  fc.nat(validLink.length),
  fc.string({ maxLength: 6 }),
  fc.nat(3),
)
const brokenLinks = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ maxLength: 300 }).map((s) => `v1.${s}`),
  fc.base64String({ maxLength: 400 }).map((s) => `v1.${s.replace(/\+/g, '-').replace(/\//g, '_')}`),
  fc.string({ maxLength: 200 }).map((s) => `s=1.deflate:${s}`),
  manglings.map(([a, b, s, how]) => {
    const [i, j] = [Math.min(a, b), Math.max(a, b)]
    if (how === 0) return validLink.slice(0, i) // truncated
    if (how === 1) return validLink.slice(0, i) + s + validLink.slice(j) // spliced
    if (how === 2) return validLink.slice(0, i) + validLink.slice(j) // a piece cut out
    return `v${i}.${validLink.slice(3)}` // another format number
  }),
)

const kubectlArgs = fc.array(
  fc.oneof(
    fc.constantFrom(
      'get',
      'describe',
      'logs',
      'pods',
      'all',
      'deploy',
      'svc',
      'nodes',
      'events',
      '-o',
      'wide',
      'json',
      'yaml',
      'name',
      '-n',
      '-A',
      '-l',
      'app=web',
      '--sort-by',
      '.metadata.name',
      '--field-selector',
      'deploy/web',
      'job/x',
      '-p',
      '--tail',
      '-1',
      '-c',
    ),
    fc.string({ maxLength: 12 }),
  ),
  { maxLength: 7 },
)
const cluster = (() => {
  const tl = simulate(analyzeScenario(texts[0]!).objects, { untilMs: 120_000 })
  return { objects: clusterObjects(tl.stateAt(60_000)), now: tl.epochMs + 60_000 }
})()

const started = performance.now()
run(
  'arbitrary text',
  30_000,
  fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 })),
  (t, row) => analyzeAndRun(t, row, 20_000),
)
run('YAML-shaped documents', 15_000, yamlShaped, (t, row) => analyzeAndRun(t, row, 30_000))
run('hostile YAML', 8_000, hostileYaml, (t, row) => analyzeAndRun(t, row, 30_000))
run('mutated real manifests', 6_000, mutated, (t, row) => analyzeAndRun(t, row, 90_000))
run('kubectl arguments', 10_000, kubectlArgs, (a) => {
  const r = kubectl(a, cluster.objects, cluster.now)
  if (typeof r.stdout !== 'string' || ![0, 1].includes(r.exitCode)) throw new Error(`exit ${r.exitCode}`)
})
run('broken and hostile links', 30_000, brokenLinks, (f) => {
  const r = decodeLink(f)
  if (!r.ok && (typeof r.reason !== 'string' || r.reason === ''))
    throw new Error('a refusal without a reason')
})
run('link round trips', 6_000, shared, (s, row) => {
  const r = decodeLink(encodeLink(s, 3))
  const same =
    r.ok &&
    r.link.text === s.text &&
    r.link.atS === Math.round(s.atS * 10) / 10 &&
    r.link.select === s.select &&
    JSON.stringify(r.link.view ?? {}) ===
      JSON.stringify(s.view && Object.keys(s.view).length > 0 ? s.view : {})
  if (!same) {
    row.lost++
    if (row.samples.length < 3) row.samples.push(`lost ← ${preview(s)} → ${preview(r)}`)
  }
})
const seconds = (performance.now() - started) / 1000

const total = (k: keyof Omit<Row, 'name' | 'samples' | 'seen'>): number => rows.reduce((n, r) => n + r[k], 0)
const pad = (s: string | number, w: number, left = false): string =>
  left ? String(s).padEnd(w) : String(s).padStart(w)
const fmt = (n: number): string => n.toLocaleString('en-US')
console.log(
  `\nkubeplay fuzz run (seed ${SEED}, scale ${SCALE}, hang budget ${HANG_MS} ms per input): ${seconds.toFixed(0)} s\n`,
)
console.log(
  `| ${pad('input class', 26, true)} | ${pad('inputs', 8)} | ${pad('crashes', 7)} | ${pad('hangs', 5)} | ${pad('data lost', 9)} | ${pad('unpositioned', 12)} | ${pad('slowest', 9)} |`,
)
console.log(`|${'-'.repeat(28)}|${[8, 7, 5, 9, 12, 9].map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`)
for (const r of [
  ...rows,
  {
    name: 'all',
    inputs: total('inputs'),
    crashes: total('crashes'),
    hangs: total('hangs'),
    lost: total('lost'),
    unpositioned: total('unpositioned'),
    slowestMs: Math.max(...rows.map((x) => x.slowestMs)),
    samples: [],
  },
])
  console.log(
    `| ${pad(r.name, 26, true)} | ${pad(fmt(r.inputs), 8)} | ${pad(r.crashes, 7)} | ${pad(r.hangs, 5)} | ${pad(r.lost, 9)} | ${pad(r.unpositioned, 12)} | ${pad(`${r.slowestMs.toFixed(0)} ms`, 9)} |`,
  )
const found = rows.flatMap((r) => r.samples.map((s) => `${r.name}: ${s}`))
if (found.length > 0) console.log(`\nFirst findings:\n${found.join('\n')}`)
for (const r of rows) for (const c of r.seen.values()) console.log(`\nA crash of ${r.name}:\n${c}`)
process.exit(total('crashes') + total('hangs') + total('lost') + total('unpositioned') > 0 ? 1 : 0)
