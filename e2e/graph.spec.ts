import { expect, fillTimeline, openApp, pasteIntoEditor, SEL, test } from './fixtures'
import type { Page } from '@playwright/test'

/** Pauses, then puts the cursor at `s` seconds. */
async function at(page: Page, s: number): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await fillTimeline(page, s)
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', String(s * 1000))
}

const edges = (page: Page, kind: string) => page.locator(`path[data-edge="${kind}"]`)

/** Three web replicas whose readiness probe fails from 30 s to 60 s of each run (DESIGN §2.3). */
const FLAKY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        kubeplay.dev/behavior: |
          web:
            probes:
              readiness: {fail: [[30, 60]]}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`

test.describe('the cluster graph', () => {
  test('node cards show requests against allocatable, and controllers sit above them', async ({ page }) => {
    await openApp(page)
    await at(page, 60)
    const cpu = page.locator(`${SEL.node} [data-resource="cpu"]`)
    await expect(cpu).toHaveCount(3)
    // Three web replicas ask for 100m each, spread over the nodes; liveness-exec asks for nothing.
    const used = await cpu.evaluateAll((els) =>
      els.reduce((n, e) => n + Number(e.getAttribute('data-used')), 0),
    )
    expect(used).toBe(300)
    await expect(page.locator('[data-kind="Deployment"][data-name="web"]')).toContainText('3/3')
    await expect(page.locator('[data-kind="ReplicaSet"]')).toHaveCount(1)
  })

  test('overlays toggle from the toolbar: ownership edges come and go', async ({ page }) => {
    await openApp(page)
    await at(page, 60)
    const owners = page.getByRole('button', { name: 'Owners', exact: true })
    await expect(owners).toHaveAttribute('aria-pressed', 'false')
    await expect(edges(page, 'owners')).toHaveCount(0)
    await owners.click()
    await expect(owners).toHaveAttribute('aria-pressed', 'true')
    // Deployment → ReplicaSet, and ReplicaSet → each of its three pods.
    await expect(edges(page, 'owners')).toHaveCount(4)
    await expect(edges(page, 'endpoints')).toHaveCount(3)
    await page.getByRole('button', { name: 'Endpoints', exact: true }).click()
    await expect(edges(page, 'endpoints')).toHaveCount(0)
    await owners.click()
    await expect(edges(page, 'owners')).toHaveCount(0)
  })

  test('a Service’s endpoint edges vanish while readiness fails, and come back', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(page, FLAKY, 'replace')
    await expect(page.locator(SEL.summary)).toHaveText('2 objects · 0 errors · 0 warnings')
    const svc = page.locator(`${SEL.service}[data-name="web"]`)
    await at(page, 25)
    await expect(svc).toHaveAttribute('data-endpoints', '3')
    await expect(edges(page, 'endpoints')).toHaveCount(3)
    await at(page, 55)
    await expect(svc).toHaveAttribute('data-endpoints', '0')
    await expect(edges(page, 'endpoints')).toHaveCount(0)
    await expect(svc).toContainText('0 of 3 endpoints ready')
    await at(page, 90)
    await expect(edges(page, 'endpoints')).toHaveCount(3)
  })

  test('the liveness probe dot counts its failures to failureThreshold, one tick at a time', async ({
    page,
  }) => {
    await openApp(page)
    const dot = page.locator(`${SEL.pod}[data-name="liveness-exec"] [data-probe="L"]`)
    const seen: string[] = []
    for (let s = 31; s <= 46; s++) {
      await at(page, s)
      if ((await dot.getAttribute('data-state')) === 'fail') {
        const count = (await dot.getAttribute('data-count')) ?? ''
        if (seen.at(-1) !== count) seen.push(count)
      }
    }
    expect(seen).toEqual(['1', '2', '3'])
  })

  test('filters by namespace and label, and search by name, hide pods', async ({ page }) => {
    await openApp(page)
    await at(page, 60)
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    await page.getByRole('searchbox', { name: 'Search pods by name' }).fill('liveness')
    await expect(page.locator(SEL.pod)).toHaveCount(1)
    await expect(page.getByTestId('graph-note')).toContainText('3 pods hidden by filters')
    await page.getByRole('searchbox', { name: 'Search pods by name' }).fill('')
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    const labels = page.getByRole('textbox', { name: 'Filter pods by label selector' })
    await labels.fill('app=web')
    await expect(page.locator(SEL.pod)).toHaveCount(3)
    await labels.fill('app!=web')
    await expect(page.locator(SEL.pod)).toHaveCount(1)
    await labels.fill('app in (')
    await expect(labels).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    await labels.fill('')
    await page.getByRole('button', { name: 'Namespace default' }).click()
    await expect(page.locator(SEL.pod)).toHaveCount(0)
    await expect(page.locator(SEL.service)).toHaveCount(0)
    await expect(page.locator(SEL.node)).toHaveCount(3)
    await page.getByRole('button', { name: 'Namespace default' }).click()
    await expect(page.locator(SEL.pod)).toHaveCount(4)
  })

  test('past the tile limit, nodes show counts per status; a click opens one', async ({ page }) => {
    await openApp(page)
    await at(page, 60)
    await page.getByRole('spinbutton', { name: 'Tile limit' }).fill('3')
    await expect(page.locator('.cluster-graph')).toHaveAttribute('data-aggregated', 'true')
    await expect(page.locator(SEL.pod)).toHaveCount(0)
    for (const n of await page.locator(SEL.node).all()) await expect(n).toHaveAttribute('data-mode', 'counts')
    const ready = page.locator('.count-chip[data-family="ready"]')
    const total = await ready.evaluateAll((els) =>
      els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0),
    )
    expect(total).toBe(4)
    const worker = page.locator(`${SEL.node}[data-name="worker-1"]`)
    await worker.getByRole('button', { name: /Show the pods of worker-1/ }).click()
    await expect(worker).toHaveAttribute('data-mode', 'tiles')
    await expect(worker.locator(SEL.pod).first()).toBeVisible()
    await page.getByRole('spinbutton', { name: 'Tile limit' }).fill('500')
    await expect(page.locator(SEL.pod)).toHaveCount(4)
  })

  test('the scheduling overlay says why a pod fits on no node', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(
      page,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: huge}\nspec:\n  containers: [{name: a, image: nginx, resources: {requests: {cpu: "64"}}}]\n',
      'replace',
    )
    await at(page, 10)
    await expect(page.getByTestId('unscheduled').locator(`${SEL.pod}[data-name="huge"]`)).toHaveAttribute(
      'data-status',
      'Pending',
    )
    const reasons = page.locator('[data-overlay-label="scheduling"]')
    await expect(reasons).toHaveCount(3)
    await expect(reasons.first()).toContainText('Insufficient cpu')
    await expect(edges(page, 'scheduling')).toHaveCount(3)
    await page.getByRole('button', { name: 'Scheduling', exact: true }).click()
    await expect(reasons).toHaveCount(0)
  })
})

test('zoomed out past reading, tiles drop their text but keep their status, glyph and attributes', async ({
  page,
}) => {
  await openApp(page)
  await at(page, 60)
  const card = page.locator('[data-kind="Node"]').first()
  const tile = card.locator(SEL.pod).first()
  await expect(card).toHaveAttribute('data-detail', 'full')
  await expect(tile.locator('.pod-name')).toBeVisible()
  const status = await tile.getAttribute('data-status')
  // The Controls' zoom-out button, until the zoom is under LOW_DETAIL_ZOOM (graph/detail.ts).
  const zoomOut = page.locator('.react-flow__controls-zoomout')
  for (let i = 0; i < 12 && (await card.getAttribute('data-detail')) !== 'low'; i++) {
    await zoomOut.click()
    await page.waitForTimeout(150)
  }
  await expect(card).toHaveAttribute('data-detail', 'low')
  await expect(tile).toHaveClass(/tile-low/)
  await expect(tile.locator('.pod-name')).toHaveCount(0)
  await expect(tile.locator('.pod-glyph')).toHaveCount(1)
  await expect(tile).toHaveAttribute('data-status', status ?? '')
  await page.locator('.react-flow__controls-fitview').click()
  await expect(card).toHaveAttribute('data-detail', 'full')
  await expect(tile.locator('.pod-name')).toBeVisible()
})
