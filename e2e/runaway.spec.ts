import type { Page } from '@playwright/test'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

/**
 * Runaway and hostile scenarios in the browser (issue 8): the engine's documented limits (a 30-day
 * horizon, 100,000 replicas, more than 1,000 nodes) and a billion-laughs alias bomb reach the page as
 * positioned problems, the last good graph stays, the page keeps answering, and the worker is never
 * restarted for them. A container that exits every millisecond for a day is simulated to the end.
 */

const GOOD = `apiVersion: v1
kind: Pod
metadata:
  name: last-good
spec:
  containers:
    - name: app
      image: nginx:1.27
`

const laughs = (): string => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i)
    const cur = String.fromCharCode(97 + i)
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`)
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n`
}

const RUNAWAY: { name: string; text: string; message: string; line: number }[] = [
  {
    name: 'a 30-day horizon',
    text: 'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: long}\nspec:\n  duration: 720h\n',
    message: 'spec.duration: kubeplay simulates at most 24h',
    line: 5,
  },
  {
    name: '100,000 replicas',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 100000\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: nginx}]}\n',
    message: 'the scenario asks for 100,000 pods; kubeplay simulates at most 10,000',
    line: 1,
  },
  {
    name: '100,000 nodes',
    text: 'apiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: big}\nspec: {nodes: 100000}\n',
    message: 'the scenario asks for 100,000 nodes; kubeplay simulates at most 1,000',
    line: 1,
  },
  {
    name: 'a billion-laughs alias bomb',
    text: laughs(),
    message: 'yaml: document contains excessive aliasing (aliases that expand without bound are refused)',
    line: 6,
  },
]

/** The page answers: the console runs a command against the last good timeline. */
async function stillAnswers(page: Page, command: string, expected: string | RegExp): Promise<void> {
  const input = page.getByRole('textbox', { name: 'kubectl command' })
  await input.fill(command)
  await input.press('Enter')
  await expect(page.getByTestId('console-output').locator('.console-stdout').last()).toContainText(expected)
}

test('limits and an alias bomb are positioned problems; the last good graph stays and nothing restarts', async ({
  page,
}) => {
  await openApp(page)
  await pasteIntoEditor(page, GOOD, 'replace')
  await expect(page.locator(`${SEL.pod}[data-name="last-good"]`)).toHaveCount(1)
  for (const r of RUNAWAY) {
    await pasteIntoEditor(page, r.text, 'replace')
    const problem = page.locator(SEL.problems).locator('.problem-error .problem-button')
    await expect(problem, r.name).toHaveCount(1)
    await expect(problem.locator('.problem-message'), r.name).toHaveText(r.message)
    await expect(problem, r.name).toHaveAttribute('data-line', String(r.line))
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    // The graph is the last timeline without errors.
    await expect(page.locator(`${SEL.pod}[data-name="last-good"]`), r.name).toHaveCount(1)
    await stillAnswers(page, 'get pods', 'last-good')
  }
  await expect(page.getByTestId('session-notice')).toHaveCount(0)
})

test('a container that exits every millisecond for a day is simulated to the end, showing how far it got', async ({
  page,
}) => {
  // Kubernetes' crash-loop back-off (kubelet, capped at 5 min) spaces the restarts; the run is work,
  // not a hang: the page shows how far it got, and each progress report restarts the 20 s the
  // watchdog allows an analysis.
  test.setTimeout(120_000)
  await openApp(page)
  const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: runaway}
spec:
  duration: 24h
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: flaky}
spec:
  replicas: 20
  selector: {matchLabels: {app: flaky}}
  template:
    metadata:
      labels: {app: flaky}
      annotations:
        kubeplay.dev/behavior: |
          app: {exit: {after: 0.001, code: 1}}
    spec:
      containers: [{name: app, image: nginx}]
`
  const started = Date.now()
  await pasteIntoEditor(page, text, 'replace')
  const progress = page.getByTestId('simulation-progress')
  await expect(progress).toContainText(/simulating… \d+%/, { timeout: 20_000 })
  await expect(progress).toHaveAttribute('title', /^Simulated \S+ of 24h00m00s$/)
  await expect(progress.getByRole('progressbar', { name: 'Simulation progress' })).toHaveAttribute(
    'max',
    '86400',
  )
  await expect(page.locator(`${SEL.pod}[data-name^="flaky-"]`)).toHaveCount(20, { timeout: 25_000 })
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true', { timeout: 25_000 })
  const tookMs = Date.now() - started
  await expect(page.locator(SEL.summary)).toContainText('0 errors')
  await expect(progress).toHaveCount(0)
  await page.getByRole('button', { name: 'Pause' }).click()
  await page.getByRole('slider', { name: 'Timeline' }).fill('86000')
  await stillAnswers(page, 'get pods', /CrashLoopBackOff|Error/)
  await expect(page.getByTestId('session-notice')).toHaveCount(0)
  console.log(`a day of 20 pods crash-looping every millisecond: simulated and shown in ${tookMs} ms`)
})
