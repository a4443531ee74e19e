import type { Locator, Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url))

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: three
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: nginx:1.27
`

/** The text of a line of the editor, as rendered (Monaco draws spaces as non-breaking ones). */
function token(page: Page, text: string): Locator {
  return page.locator(`${SEL.editor} .view-line span span`, { hasText: new RegExp(`^${text}$`) }).first()
}

const hoverWidget = (page: Page): Locator => page.locator(`${SEL.editor} .monaco-hover`).first()

test.describe('the editor knows Kubernetes', () => {
  test('names the Kubernetes version of its schemas', async ({ page }) => {
    await openApp(page)
    await expect(page.getByTestId('editor-schema')).toHaveText(/^schema: Kubernetes 1\.\d+ API$/)
  })

  test('a wrong field type in a Deployment gets a schema marker, whose hover says what is expected', async ({
    page,
  }) => {
    await openApp(page)
    // A Service first: each document is checked against its own kind's schema.
    const service =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - port: 80\n---\n'
    await pasteIntoEditor(page, service + DEPLOYMENT, 'replace')
    const squiggle = page.locator(`${SEL.editor} .squiggly-warning`)
    await expect(squiggle.first()).toBeVisible()
    await token(page, 'three').hover()
    await expect(hoverWidget(page)).toContainText('Incorrect type. Expected "number"')
    await page.screenshot({ path: `${SHOTS}editor-schema-marker.png` })
  })

  test('a field of another kind is flagged in that document only', async ({ page }) => {
    await openApp(page)
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  ports:\n    - port: 80\n'
    await pasteIntoEditor(page, text, 'replace')
    await token(page, 'replicas').hover()
    await expect(hoverWidget(page)).toContainText('Property replicas is not allowed')
  })

  test('completion offers the fields of a Deployment spec, with their docs', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(
      page,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  ',
      'replace',
    )
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+Space')
    const suggest = page.locator(`${SEL.editor} .suggest-widget`)
    await expect(suggest).toBeVisible()
    for (const field of ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds'])
      await expect(suggest).toContainText(field)
    // None of a Pod's spec fields: the schema is the Deployment's.
    await expect(suggest).not.toContainText('containers')
    await page.screenshot({ path: `${SHOTS}editor-completion.png` })
  })

  test('hover shows the description of a field from the API docs', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(page, DEPLOYMENT.replace('three', '3'), 'replace')
    await token(page, 'replicas').hover()
    await expect(hoverWidget(page)).toContainText('Number of desired pods')
    await token(page, 'image').hover()
    await expect(hoverWidget(page)).toContainText('Container image name')
    await page.screenshot({ path: `${SHOTS}editor-hover.png` })
  })

  test('a Scenario with an unknown action gets a marker that lists the actions', async ({ page }) => {
    await openApp(page)
    const scenario = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata:
  name: broken
spec:
  duration: 5m
  timeline:
    - {at: 60s, action: explode, target: node/worker-1}
`
    await pasteIntoEditor(page, scenario, 'replace')
    await expect(page.locator(SEL.problems)).toContainText('spec.timeline[0].action: must be one of')
    await expect(page.locator(`${SEL.editor} .squiggly-error`).first()).toBeVisible()
    await token(page, 'explode').hover()
    const hover = hoverWidget(page)
    await expect(hover).toContainText('Value is not accepted')
    await expect(hover).toContainText('fail-node')
    // The engine's marker carries its explanation.
    await expect(hover).toContainText('Each spec.timeline entry needs at (a time such as 90s)')
    await page.screenshot({ path: `${SHOTS}editor-scenario-marker.png` })
  })

  test('completion inside the behavior annotation offers its keys for the container', async ({ page }) => {
    await openApp(page)
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: slow
  annotations:
    kubeplay.dev/behavior: |
      web:
        startSeconds: 20
        `
    const rest = `
spec:
  containers:
    - name: web
      image: nginx:1.27
`
    await pasteIntoEditor(page, pod + rest, 'replace')
    // Back to the end of the blank line inside the block.
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.press('Control+Space')
    const suggest = page.locator(`${SEL.editor} .suggest-widget`)
    await expect(suggest).toBeVisible()
    for (const key of ['probes', 'exit', 'oomAfter', 'runs']) await expect(suggest).toContainText(key)
    // startSeconds is already written at this level.
    await expect(suggest.getByRole('option', { name: /^startSeconds/ })).toHaveCount(0)
    await page.keyboard.press('Escape')
    await token(page, 'startSeconds').hover()
    await expect(hoverWidget(page)).toContainText('until it listens and answers probes')
    await page.screenshot({ path: `${SHOTS}editor-behavior.png` })
  })

  test('clicking a problem puts the cursor on it', async ({ page }) => {
    await openApp(page)
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  namespace: nowhere\nspec:\n  containers:\n    - name: a\n      image: nginx\n'
    await pasteIntoEditor(page, text, 'replace')
    await page.keyboard.press('Control+Home')
    const problem = page.locator(`${SEL.problems} button`, { hasText: 'namespaces "nowhere" not found' })
    await expect(problem).toBeVisible()
    await expect(problem).toHaveAttribute('title', /Add a kind: Namespace document/)
    await problem.click()
    await expect(page.locator(`${SEL.editor} .line-numbers.active-line-number`)).toHaveText('5')
  })

  test('editing re-simulates and keeps the time cursor where it was', async ({ page }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Pause' }).click()
    const timeline = page.getByRole('slider', { name: 'Timeline' })
    await timeline.fill('90')
    await expect(timeline).toHaveAttribute('aria-valuenow', '90')
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    const pod =
      '\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: added\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'
    await pasteIntoEditor(page, pod, 'append')
    await expect(page.locator(`${SEL.pod}[data-name="added"]`)).toHaveCount(1)
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    await expect(timeline).toHaveAttribute('aria-valuenow', '90')
    await expect(page.getByTestId('clock')).toHaveText('t = 1m30s')
    // At 90 s the new pod has long been running: the view is of the cursor's time, not of t = 0.
    await expect(page.locator(`${SEL.pod}[data-name="added"]`)).toHaveAttribute('data-status', 'Running')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  })
})
