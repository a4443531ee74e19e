// Makes sure a Chromium exists for the browser tests; on Debian, as root, installs the `chromium` package.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { DEBIAN_CHROMIUM, findChromium, INSTALL_HINT } from './chromium.mjs'

function run() {
  const found = findChromium()
  if (found) {
    console.log(`e2e: using Chromium at ${found.path} (${found.source})`)
    return 0
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')
  if (!isRoot || !isDebian) {
    console.error(INSTALL_HINT)
    return 1
  }
  console.log('e2e: no Chromium found; installing the Debian chromium package with apt-get (about a minute)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  if (!existsSync(DEBIAN_CHROMIUM)) {
    console.error(`apt-get finished but ${DEBIAN_CHROMIUM} is missing. ${INSTALL_HINT}`)
    return 1
  }
  console.log(`e2e: installed Chromium at ${DEBIAN_CHROMIUM}`)
  return 0
}

try {
  process.exitCode = run()
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`)
  console.error(INSTALL_HINT)
  process.exitCode = 1
}
