import { test as base, expect, type Page } from '@playwright/test'

/** Test ids and selectors shared by the specs: the page contract of DESIGN §4. */
export const SEL = {
  node: '[data-kind="Node"]',
  pod: '[data-kind="Pod"]',
  service: '[data-kind="Service"]',
  editor: '[data-testid="editor"] .monaco-editor',
  problems: '[data-testid="problems"]',
  summary: '[data-testid="summary"]',
} as const

interface Watch {
  /** Every URL the page (workers included) requested. */
  readonly requests: string[]
  /** Requests the Content-Security-Policy stopped in the page: they never reached the network. */
  readonly blockedByPolicy: string[]
  readonly consoleErrors: string[]
}

/**
 * `page` with a watch on everything it does: each test ends by asserting that no request left the page's
 * origin and that nothing was logged as an error. A test that provokes an error on purpose names it in
 * `expectedConsoleErrors`: each pattern must then be logged at least once, and only what matches one is
 * let through.
 */
export const test = base.extend<{ watch: Watch; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  watch: [
    async ({ page, baseURL, expectedConsoleErrors }, use) => {
      const watch: Watch = { requests: [], blockedByPolicy: [], consoleErrors: [] }
      page.on('request', (r) => watch.requests.push(r.url()))
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText === 'csp') watch.blockedByPolicy.push(r.url())
      })
      page.on('console', (m) => {
        if (m.type() === 'error') watch.consoleErrors.push(m.text())
      })
      page.on('pageerror', (e) => watch.consoleErrors.push(`pageerror: ${e.message}`))
      await use(watch)
      const origin = new URL(baseURL!).origin
      const external = watch.requests.filter(
        (u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u) && !watch.blockedByPolicy.includes(u),
      )
      expect(external, 'requests that left the page origin').toEqual([])
      for (const pattern of expectedConsoleErrors)
        expect(
          watch.consoleErrors.some((m) => pattern.test(m)),
          `an expected console error ${pattern}`,
        ).toBe(true)
      const unexpected = watch.consoleErrors.filter((m) => !expectedConsoleErrors.some((p) => p.test(m)))
      expect(unexpected, 'console errors').toEqual([])
    },
    { auto: true },
  ],
  context: async ({ context }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await use(context)
  },
})

export { expect }

/** Opens the app and waits until the worker has analysed the default scenario. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator(SEL.editor)).toBeVisible()
}

/**
 * Puts the time cursor on exactly `s` seconds through the Timeline slider. The slider shows whole
 * seconds, so if playback stopped within second `s`, filling in `s` changes nothing (React sees the
 * same value) and the cursor stays between seconds: it moves off that second first.
 */
export async function fillTimeline(page: Page, s: number): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Timeline' })
  if ((await slider.getAttribute('aria-valuenow')) === String(s)) await slider.fill(String(s + 1))
  await slider.fill(String(s))
}

/**
 * Puts text into Monaco through the clipboard: typing goes through auto-indent and completion, which
 * would change it.
 */
export async function pasteIntoEditor(page: Page, text: string, mode: 'replace' | 'append'): Promise<void> {
  await page.locator(SEL.editor).click()
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control'
  await page.keyboard.press(mode === 'replace' ? `${mod}+A` : `${mod}+End`)
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press(`${mod}+V`)
}
