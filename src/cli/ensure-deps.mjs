// Installs the dependencies when node_modules is missing or older than package-lock.json. Plain
// JavaScript with no dependencies of its own: it runs before anything is installed (`npm start`, `npm test`).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const lockFile = join(root, 'package-lock.json')
const stampFile = join(root, 'node_modules', '.kubeplay-deps')

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex')
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null

if (installed !== lockHash) {
  console.log(
    installed === null
      ? 'kubeplay: installing dependencies (npm ci)…'
      : 'kubeplay: package-lock.json changed; reinstalling dependencies (npm ci)…',
  )
  // Run the npm that runs us when there is one (npm start / npm test), else the one on PATH.
  const npmCli = process.env.npm_execpath
  const [cmd, args] =
    npmCli && npmCli.endsWith('.js')
      ? [process.execPath, [npmCli, 'ci', '--no-audit', '--no-fund']]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']]
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('kubeplay: npm ci failed; see the output above.')
    process.exit(result.status ?? 1)
  }
  writeFileSync(stampFile, `${lockHash}\n`)
}
