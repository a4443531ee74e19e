import type { Page, Worker } from '@playwright/test'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

/**
 * The watchdog in a real Chromium (issue 8): `?stall=worker` is the test hook that makes the page's
 * first engine worker busy-loop in its first kubectl command. Within a few seconds the page says the
 * simulation restarted, a new worker replaces the stuck one, the graph comes back, the editor text is
 * the same, and the console, the inspector and the dock lists work on the new worker, with no
 * unhandled rejection anywhere.
 */

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: survivor
spec:
  replicas: 2
  selector:
    matchLabels:
      app: survivor
  template:
    metadata:
      labels:
        app: survivor
    spec:
      containers:
        - name: app
          image: nginx:1.27
`

const RESTARTED = 'The simulation stopped answering and was restarted; your text is kept.'

const editorText = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('[data-testid="editor"] .view-lines') as HTMLElement).innerText.replace(
      /\u00a0/g,
      ' ',
    ),
  )

/** The engine workers the page starts, and which of them were terminated. */
function watchEngineWorkers(page: Page): { started: Worker[]; closed: Set<Worker> } {
  const started: Worker[] = []
  const closed = new Set<Worker>()
  page.on('worker', (w) => {
    if (!/engine\.worker/.test(w.url())) return
    started.push(w)
    w.on('close', () => closed.add(w))
  })
  return { started, closed }
}

/** Counts unhandled promise rejections in the page (the fixture's pageerror check catches them too). */
async function countRejections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __rejections: string[] }
    w.__rejections = []
    window.addEventListener('unhandledrejection', (e) => w.__rejections.push(String(e.reason)))
  })
}
const rejections = (page: Page) =>
  page.evaluate(() => (window as unknown as { __rejections: string[] }).__rejections)

test('a worker that stops answering is replaced within seconds; the text, the graph and the console survive', async ({
  page,
  watch,
}) => {
  await countRejections(page)
  const workers = watchEngineWorkers(page)
  await page.goto('/?stall=worker')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await pasteIntoEditor(page, TEXT, 'replace')
  await expect(page.locator(`${SEL.pod}[data-name^="survivor-"]`)).toHaveCount(2)
  const before = await editorText(page)
  expect(before).toContain('name: survivor')
  expect(workers.started).toHaveLength(1)
  await page.getByRole('button', { name: 'Pause' }).click()

  // The first kubectl command hangs the worker; the watchdog gives it 2 s.
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill('kubectl get pods')
  const asked = Date.now()
  await input.press('Enter')
  await expect(page.getByTestId('session-notice')).toContainText(RESTARTED, { timeout: 6_000 })
  const noticedAfterMs = Date.now() - asked
  expect(noticedAfterMs).toBeGreaterThanOrEqual(1_900)

  // The stuck worker was terminated and one new worker took its place.
  await expect.poll(() => workers.closed.has(workers.started[0]!)).toBe(true)
  expect(workers.started).toHaveLength(2)
  expect(workers.closed.has(workers.started[1]!)).toBe(false)

  // The new worker got the text: the graph is back, with its data attributes.
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  const tiles = page.locator(`${SEL.pod}[data-name^="survivor-"]`)
  await expect(tiles).toHaveCount(2)
  await expect(tiles.first()).toHaveAttribute('data-namespace', 'default')
  await expect(tiles.first()).toHaveAttribute('data-status', /^(Pending|ContainerCreating|Running)$/)
  await expect(page.locator(SEL.summary)).toContainText('1 object · 0 errors')
  expect(await editorText(page)).toBe(before)

  // The command that hung was asked again of the new worker, which answered it.
  const output = page.getByTestId('console-output')
  await expect(output).toContainText('$ kubectl get pods')
  await expect(output.locator('.console-stdout')).toContainText(/NAME\s+READY\s+STATUS/)
  await expect(output.locator('.console-stdout')).toContainText('survivor-')
  await expect(output.locator('.console-stderr')).toHaveCount(0)

  // The next command, the inspector and the events list answer too.
  await input.fill('kubectl get deploy')
  await input.press('Enter')
  await expect(output.locator('.console-stdout').last()).toContainText(/survivor\s+\d\/2/)
  await tiles.first().click()
  const body = page.getByTestId('inspector-body')
  await expect(body).toContainText(/^Name:\s+survivor-/)
  await expect(body).toContainText('Controlled By:  ReplicaSet/survivor-')
  const inspector = page.getByTestId('inspector')
  await inspector.getByRole('tab', { name: 'events' }).click()
  await expect(body).toContainText('Scheduled')
  await inspector.getByRole('tab', { name: 'YAML' }).click()
  await expect(body).toContainText('kind: Pod')
  await page.getByRole('tab', { name: 'Events', exact: true }).click()
  await expect(page.getByTestId('events-list')).toContainText('Scheduled')

  expect(workers.started).toHaveLength(2)
  expect(await rejections(page)).toEqual([])
  expect(watch.consoleErrors).toEqual([])
})

test('a command that stalls the new worker too fails inline, once, and the next one is answered', async ({
  page,
}) => {
  await countRejections(page)
  const workers = watchEngineWorkers(page)
  // ?stall=twice: the first two workers each hang in their first kubectl command.
  await page.goto('/?stall=twice')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await page.getByRole('button', { name: 'Pause' }).click()
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  const output = page.getByTestId('console-output')
  await input.fill('get pods')
  await input.press('Enter')
  await expect(output.locator('.console-stderr')).toHaveText(
    'error: the simulation worker did not answer within 2 s and was restarted; run it again',
    { timeout: 10_000 },
  )
  await expect(output.locator('.console-stdout')).toHaveCount(0)
  await expect(page.getByTestId('session-notice')).toContainText(RESTARTED)
  expect(workers.started).toHaveLength(3)
  await input.fill('get pods')
  await input.press('Enter')
  await expect(output.locator('.console-stdout')).toContainText('liveness-exec')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveCount(1)
  expect(workers.started).toHaveLength(3)
  expect(await rejections(page)).toEqual([])
})

test('without the hook the same command is answered by the first worker, and nothing restarts', async ({
  page,
}) => {
  const workers = watchEngineWorkers(page)
  await openApp(page)
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill('kubectl get pods')
  await input.press('Enter')
  await expect(page.getByTestId('console-output').locator('.console-stdout')).toContainText('liveness-exec')
  await page.waitForTimeout(2_500)
  await expect(page.getByTestId('session-notice')).toHaveCount(0)
  expect(workers.started).toHaveLength(1)
})
