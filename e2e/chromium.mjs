// Finds the Chromium the browser tests drive. Plain JavaScript: it runs before anything is compiled.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** Flags for a headless Chromium on a machine with no network but the page's own origin. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The browser Playwright downloaded itself, if it did (never downloaded here: `npx playwright install` fails offline). */
function playwrightManagedChromium() {
  try {
    const require = createRequire(import.meta.url)
    const { chromium } = require('playwright-core')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/**
 * The first Chromium found, in this order: $CHROMIUM_PATH, a browser Playwright already manages,
 * /usr/bin/chromium. Returns `{ path, source }` or null.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`)
    return { path: fromEnv, source: 'CHROMIUM_PATH' }
  }
  const managed = playwrightManagedChromium()
  if (managed) return { path: managed, source: 'Playwright' }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'Debian package' }
  return null
}

export const INSTALL_HINT =
  'No Chromium found: set CHROMIUM_PATH to a Chromium binary, or install one (on Debian: sudo apt-get install chromium).'
