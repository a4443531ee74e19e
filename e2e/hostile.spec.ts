import type { Page } from '@playwright/test'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

/**
 * Hostile text in a scenario is shown as text, never run (issue 8): HTML and a `javascript:` URL in
 * annotations, env values, a container's output (its logs), and the Scenario's title and description,
 * pasted into the editor and opened from a share link. Hostile and broken links: a fragment that is
 * markup, a 10 MB link and a decompression bomb give a message, keep the work, and stay bounded.
 */

const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = '<script>window.__pwned=1</script>'
const JS_URL = 'javascript:alert(1)'

const HOSTILE = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata:
  name: hostile
spec:
  title: '${SCRIPT}'
  description: '${IMG} ${JS_URL}'
---
apiVersion: v1
kind: Pod
metadata:
  name: hostile
  labels:
    app: hostile
  annotations:
    example.com/img: '${IMG}'
    example.com/script: '${SCRIPT}'
    example.com/url: '${JS_URL}'
spec:
  containers:
    - name: shell
      image: busybox:1.36
      command:
        - sh
        - -c
        - |
          echo '${IMG}'
          echo '${SCRIPT}'
          echo '${JS_URL}'
          sleep 3600
      readinessProbe:
        exec:
          command:
            - sh
            - -c
            - echo '${IMG}'; exit 1
        periodSeconds: 5
      env:
        - name: PAYLOAD
          value: '${SCRIPT}'
---
apiVersion: v1
kind: Service
metadata:
  name: hostile
  annotations:
    example.com/img: '${IMG}'
spec:
  selector:
    app: hostile
  ports:
    - port: 80
`

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Collects every dialog the page opens and every Content-Security-Policy violation it sees, from its
 * first script on (there must be none: text that stays text never even tries to run).
 */
async function guard(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    )
  })
  return { dialogs }
}

/** The built page has one script element: the app's bundle, from its own origin. */
async function nothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  // Not even blocked: no markup was made from the text, so the policy had nothing to stop.
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
    [],
  )
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0)
  await expect(page.locator('script')).toHaveCount(1)
  await expect(page.locator('script[src^="./assets/index-"]')).toHaveCount(1)
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
  expect(dialogs).toEqual([])
}

async function inspectHostile(page: Page): Promise<void> {
  await expect(page.locator(`${SEL.pod}[data-name="hostile"]`)).toHaveAttribute('data-status', 'Running')
  await page.getByRole('button', { name: 'Pause' }).click()
  await page.getByRole('slider', { name: 'Timeline' }).fill('20')
  await page.locator(`${SEL.pod}[data-name="hostile"]`).click()
  const body = page.getByTestId('inspector-body')
  await expect(body).toContainText(`example.com/img: ${IMG}`)
  await expect(body).toContainText(`example.com/url: ${JS_URL}`)
  await expect(body).toContainText(`PAYLOAD:  ${SCRIPT}`)
  await page.getByRole('tab', { name: 'YAML' }).click()
  await expect(body).toContainText(`example.com/script: ${SCRIPT}`)
  await page.getByRole('tab', { name: 'logs' }).click()
  await expect(body).toContainText(`${IMG}\n${SCRIPT}\n${JS_URL}`)
  await page.keyboard.press('Escape')

  const input = page.getByRole('textbox', { name: 'kubectl command' })
  const output = page.getByTestId('console-output')
  for (const command of ['logs hostile', 'describe pod hostile', 'describe service hostile']) {
    await input.fill(command)
    await input.press('Enter')
    await expect(output).toContainText(`$ kubectl ${command}`)
  }
  await expect(output).toContainText(`${IMG}\n${SCRIPT}\n${JS_URL}`)
  await expect(output).toContainText(`PAYLOAD:  ${SCRIPT}`)
  await expect(output).toContainText(`example.com/img: ${IMG}`)
  await expect(output).toContainText('Selector:          app=hostile')
  // Tooltips: a timeline marker's title holds the probe's output as raw text.
  const marker = page.locator('.marker[title*="Readiness probe failed"]').first()
  await expect(marker).toHaveAttribute('title', new RegExp(`Readiness probe failed: ${escapeRe(IMG)}`))
}

test.describe('hostile content', () => {
  test('pasted into the editor, it is shown as text in the inspector and the console', async ({ page }) => {
    const { dialogs } = await guard(page)
    await openApp(page)
    await pasteIntoEditor(page, HOSTILE, 'replace')
    await expect(page.locator(SEL.summary)).toContainText('0 errors')
    await inspectHostile(page)
    await nothingRan(page, dialogs)
  })

  test('opened from a share link, it is shown as text too', async ({ page }) => {
    const { encodeLink } = await import('../src/share/link')
    const { dialogs } = await guard(page)
    await page.goto(`/#${encodeLink({ text: HOSTILE, atS: 0 }, 2)}`)
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    await expect(page.locator(SEL.summary)).toContainText('0 errors')
    await inspectHostile(page)
    await nothingRan(page, dialogs)
  })
})

const MY_WORK =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-own-work\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'

/** Bytes the page's JavaScript holds: the V8 heap plus array buffers (where inflated bytes would go). */
async function jsMemory(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page)
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number }
    expect(u.backingStorageSize, 'Chromium reports array buffer memory').toBeDefined()
    return u.usedSize + u.backingStorageSize!
  }
}

async function workIsKept(page: Page, notice: string): Promise<void> {
  await expect(page.getByTestId('session-notice')).toContainText(`This link could not be opened: ${notice}`)
  await expect(page.getByTestId('session-notice')).toContainText('Your saved work is shown instead')
  await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  expect(await page.evaluate(() => localStorage.getItem('kubeplay.autosave.v1') ?? '')).toContain(
    'my-own-work',
  )
  // The refused link is dropped from the address (a reload opens the work, not the link again).
  expect(await page.evaluate(() => location.hash)).toBe('')
}

test.describe('hostile and broken links', () => {
  test('a fragment that is markup or a javascript: URL is neither a link nor code', async ({ page }) => {
    const { dialogs } = await guard(page)
    await openApp(page)
    await pasteIntoEditor(page, MY_WORK, 'replace')
    await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
    await page.goto(`/#v1.${IMG}${JS_URL}`)
    await workIsKept(page, 'the link holds characters a kubeplay link never has')
    // Not a kubeplay link at all: the page opens the work and says nothing.
    await page.goto(`/#${JS_URL.replace('alert(1)', 'window.__pwned=1')}`)
    await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
    await page.goto(`/#s=${encodeURIComponent(SCRIPT)}`)
    await workIsKept(page, 'this is not a kubeplay link')
    await nothingRan(page, dialogs)
  })

  test('a 10 MB link and a decompression bomb: a message, bounded memory, the work untouched', async ({
    page,
  }) => {
    // Handing Chromium a 10 MB address takes seconds of its own.
    test.setTimeout(150_000)
    await openApp(page)
    await pasteIntoEditor(page, MY_WORK, 'replace')
    await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
    const { deflateSync } = await import('fflate')
    // 256 MB of zeros deflate to a link of about 350 kB.
    const bomb = `v1.${Buffer.from(deflateSync(new Uint8Array(256 * 1024 * 1024), { level: 9 })).toString('base64url')}`
    expect(bomb.length).toBeLessThan(400_000)

    // Opened as a page: it is under Chromium's 2 MB limit for a URL.
    await page.goto(`/#${bomb}`)
    await workIsKept(page, 'the link expands to more than 2.1 MB, more than any scenario kubeplay accepts')
    const memory = await jsMemory(page)
    const before = await memory()

    // Chromium does not navigate to a URL over 2 MB; a 10 MB link can only arrive as a fragment change
    // of the open page (a script, or an extension), which the page reads too.
    await page.evaluate(() => {
      location.hash = `v1.${'A'.repeat(10 * 1024 * 1024)}`
    })
    await workIsKept(page, 'the link is 10.0 MB long; kubeplay links are at most 4.0 MB')
    await page.evaluate((b) => {
      location.hash = b
    }, bomb)
    await workIsKept(page, 'the link expands to more than 2.1 MB')
    // Neither the 10 MB fragment nor 256 MB of inflated bytes stays behind.
    const grew = (await memory()) - before
    expect(grew, `the page holds ${(grew / 1e6).toFixed(1)} MB more`).toBeLessThan(64 * 1024 * 1024)
  })
})
