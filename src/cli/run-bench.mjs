// Builds the benchmark the way the page gets the engine (bundled, no name-keeping helpers), then runs it.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// Next to the sources, so the external packages resolve from this repository's node_modules.
const out = join(
  new URL('.', import.meta.url).pathname,
  '..',
  '..',
  'node_modules',
  '.cache',
  'kubeplay-bench.mjs',
)
await build({
  entryPoints: [new URL('./bench.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  packages: 'external',
  logLevel: 'warning',
})
const result = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
