import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './e2e/chromium.mjs'

const chromium = findChromium()
if (!chromium) throw new Error(INSTALL_HINT)

/** The preview port; set KUBEPLAY_E2E_PORT to run two checkouts' e2e suites side by side. */
const PORT = Number(process.env.KUBEPLAY_E2E_PORT ?? 4173)
export const PREVIEW_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: PREVIEW_URL,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromium.path, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: PREVIEW_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
