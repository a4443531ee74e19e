import type { Page } from '@playwright/test'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

/**
 * Hostile text in a scenario is shown as text, never run (issue 8): HTML and a `javascript:` URL in
 * annotations, env values, a container's output (its logs), and the Scenario's title and description,
 * pasted into the editor and opened from a share link.
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

/** Collects every dialog the page opens (there must be none). */
function guard(page: Page): { dialogs: string[] } {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  return { dialogs }
}

/** The built page has one script element: the app's bundle, from its own origin. */
async function nothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
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
    await openApp(page)
    const { dialogs } = guard(page)
    await pasteIntoEditor(page, HOSTILE, 'replace')
    await expect(page.locator(SEL.summary)).toContainText('0 errors')
    await inspectHostile(page)
    await nothingRan(page, dialogs)
  })

  test('opened from a share link, it is shown as text too', async ({ page }) => {
    const { encodeLink } = await import('../src/share/link')
    const { dialogs } = guard(page)
    await page.goto(`/#${encodeLink({ text: HOSTILE, atS: 0 }, 2)}`)
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    await expect(page.locator(SEL.summary)).toContainText('0 errors')
    await inspectHostile(page)
    await nothingRan(page, dialogs)
  })
})
