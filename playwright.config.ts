import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './e2e/chromium.mjs'

const chromium = findChromium()
if (!chromium) throw new Error(INSTALL_HINT)

export const PREVIEW_URL = 'http://127.0.0.1:4173'

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
    command: 'node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port 4173 --strictPort',
    url: PREVIEW_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
