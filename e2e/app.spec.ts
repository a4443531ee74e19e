import { fileURLToPath } from 'node:url'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

const SCREENSHOT = fileURLToPath(new URL('../public/screenshot.png', import.meta.url))

test.describe('the playground page', () => {
  test('loads the default scenario onto a three-node cluster, under a strict CSP', async ({ page }) => {
    await openApp(page)
    // It plays on its own from t = 0; pause and look at t = 60 s.
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await page.getByRole('button', { name: 'Pause' }).click()
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
    const timeline = page.getByRole('slider', { name: 'Timeline' })
    await timeline.fill('60')
    await expect(timeline).toHaveAttribute('aria-valuenow', '60')
    await expect(page.getByTestId('clock')).toHaveText('t = 1m00s')
    await expect(page.locator(SEL.node)).toHaveCount(3)
    for (const n of await page.locator(SEL.node).all())
      await expect(n).toHaveAttribute('data-status', 'Ready')
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    const web = page.locator(`${SEL.pod}[data-name^="web-"]`)
    await expect(web).toHaveCount(3)
    await expect(web.first()).toHaveAttribute('data-namespace', 'default')
    await expect(web.first()).toHaveAttribute('data-ready', '1/1')
    await expect(web.first()).toHaveAttribute('data-restarts', '0')
    await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveAttribute(
      'data-status',
      'Running',
    )
    await expect(page.locator(`${SEL.service}[data-name="web"]`)).toHaveAttribute('data-endpoints', '3')
    await expect(page.getByText('Kubernetes v1.35')).toBeVisible()
    await expect(page.locator(SEL.summary)).toHaveText('3 objects · 0 errors · 0 warnings')

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self';")
    // No inline scripts of ours: every script element loads a file.
    const inline = await page.locator('script:not([src])').count()
    expect(inline).toBe(0)

    await page.waitForTimeout(500) // let the entry animations settle before the picture
    await page.screenshot({ path: SCREENSHOT })
  })

  test('the graph comes first: the editor’s code is fetched only once the first simulation answered', async ({
    page,
  }) => {
    // When the page first has the worker's answer, and when each script started loading (page clock).
    await page.addInitScript(() => {
      const w = window as unknown as { __answeredAt?: number }
      new MutationObserver(() => {
        if (document.body?.dataset.simReady === 'true') w.__answeredAt ??= performance.now()
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-sim-ready'] })
    })
    await openApp(page)
    const { answeredAt, editorAt, graphScriptAt } = await page.evaluate(() => {
      const scripts = performance.getEntriesByType('resource').filter((r) => /\.js$/.test(r.name))
      const start = (re: RegExp) => scripts.find((r) => re.test(new URL(r.name).pathname))?.startTime
      return {
        answeredAt: (window as unknown as { __answeredAt?: number }).__answeredAt,
        editorAt: start(/\/Editor-[\w-]+\.js$/),
        graphScriptAt: start(/\/index-[\w-]+\.js$/),
      }
    })
    expect(graphScriptAt).toBeDefined()
    expect(answeredAt).toBeDefined()
    expect(editorAt).toBeDefined()
    expect(editorAt!).toBeGreaterThan(answeredAt!)
  })

  test('scrubbing shows the cluster at that moment: the liveness pod restarts once its probe fails', async ({
    page,
  }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Pause' }).click()
    const timeline = page.getByRole('slider', { name: 'Timeline' })
    await timeline.fill('0')
    await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveAttribute(
      'data-status',
      'Pending',
    )
    // At 40 s the liveness probe has started failing (the file is gone at 30 s): its dot turns red.
    await timeline.fill('40')
    await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"] [data-probe="L"]`)).toHaveAttribute(
      'data-state',
      'fail',
    )
    await timeline.fill('80')
    const pod = page.locator(`${SEL.pod}[data-name="liveness-exec"]`)
    // The new container has not been probed yet (its initial delay), so its dot is grey.
    await expect(pod.locator('[data-probe="L"]')).toHaveAttribute('data-state', 'none')
    await expect(pod).toHaveAttribute('data-restarts', '1')
    await expect(pod).toHaveAttribute('data-status', 'Running')
    await timeline.fill('45')
    await expect(pod).toHaveAttribute('data-restarts', '0')
    // The timeline marks events; stepping from 40 s lands on the third failed probe and the kill at 45 s.
    await timeline.fill('40')
    await page.getByRole('button', { name: 'Next event' }).click()
    await expect(page.getByTestId('clock')).toHaveText('t = 45s')
    await expect(page.locator('.marker[title^="t = 45s · Killing"]')).toHaveCount(1)
  })

  test('the kubectl console answers at the time cursor, as kubectl prints it', async ({ page }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Pause' }).click()
    await page.getByRole('slider', { name: 'Timeline' }).fill('45')
    const input = page.getByRole('textbox', { name: 'kubectl command' })
    await input.fill('get pod liveness-exec')
    await input.press('Enter')
    const output = page.getByTestId('console-output')
    await expect(output).toContainText('t = 45s $ kubectl get pod liveness-exec')
    await expect(output).toContainText(/liveness-exec\s+1\/1\s+Running\s+0\s+45s/)
    await input.fill('describe pod nope')
    await input.press('Enter')
    await expect(output).toContainText('Error from server (NotFound): pods "nope" not found')
    // ↑ brings the last command back.
    await input.press('ArrowUp')
    await expect(input).toHaveValue('describe pod nope')
  })

  test('clicking a pod opens its describe, YAML and logs at the time cursor', async ({ page }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Pause' }).click()
    await page.getByRole('slider', { name: 'Timeline' }).fill('80')
    await page.locator(`${SEL.pod}[data-name="liveness-exec"]`).click()
    const inspector = page.getByTestId('inspector')
    await expect(inspector).toBeVisible()
    const body = page.getByTestId('inspector-body')
    await expect(body).toContainText('Name:             liveness-exec')
    await expect(body).toContainText('Restart Count:  1')
    await expect(page.getByTestId('inspector-why')).toContainText(
      'restarted 1 time; the last time because the kubelet killed it: Container liveness failed liveness probe',
    )
    await page.getByRole('tab', { name: 'YAML' }).click()
    await expect(body).toContainText('restartCount: 1')
    await page.getByRole('tab', { name: 'logs' }).click()
    await expect(body).not.toContainText('Error')
    await page.keyboard.press('Escape')
    await expect(inspector).toHaveCount(0)
  })

  test('a Pod typed into the editor appears as a tile', async ({ page }) => {
    await openApp(page)
    const pod = [
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: shop',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: typed-pod',
      '  namespace: shop',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: nginx:1.27',
      '',
    ].join('\n')
    await pasteIntoEditor(page, `\n${pod}`, 'append')
    const tile = page.locator(`${SEL.pod}[data-name="typed-pod"]`)
    await expect(tile).toHaveCount(1)
    await expect(tile).toHaveAttribute('data-namespace', 'shop')
    await expect(tile).toHaveAttribute('data-status', 'Running')
    await expect(page.locator(SEL.pod)).toHaveCount(5)
    await expect(page.locator(SEL.summary)).toHaveText('5 objects · 0 errors · 0 warnings')
  })

  test('a Pod in a namespace that does not exist is refused, as the API server refuses it', async ({
    page,
  }) => {
    await openApp(page)
    const pod =
      '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: lost\n  namespace: nowhere\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'
    await pasteIntoEditor(page, `\n${pod}`, 'append')
    await expect(page.locator(SEL.problems)).toContainText('namespaces "nowhere" not found')
    await expect(page.locator(`${SEL.pod}[data-name="lost"]`)).toHaveCount(0)
  })

  test('a syntax error shows a marker and keeps the last good graph', async ({ page }) => {
    await openApp(page)
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    await pasteIntoEditor(page, '\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n', 'append')
    await expect(page.locator(`${SEL.editor} .squiggly-error`).first()).toBeVisible()
    await expect(page.locator(SEL.problems)).toContainText('error')
    await expect(page.locator(SEL.summary)).toContainText('1 error')
    await expect(page.getByRole('status')).toContainText(
      'showing the cluster from the last text without errors',
    )
    await expect(page.locator(SEL.pod)).toHaveCount(4)
    await expect(page.locator(SEL.node)).toHaveCount(3)

    // Undo the paste: the marker goes and the graph is current again.
    await page.keyboard.press('Control+Z')
    await expect(page.locator(`${SEL.editor} .squiggly-error`)).toHaveCount(0)
    await expect(page.locator(SEL.problems)).toHaveCount(0)
    await expect(page.getByRole('status')).toHaveCount(0)
  })

  test('the line and column of a diagnostic match the marker in the editor', async ({ page }) => {
    await openApp(page)
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    bad: 1\n'
    await pasteIntoEditor(page, text, 'replace')
    await expect(page.locator(SEL.problems)).toContainText('4:9')
    await expect(page.locator(SEL.problems)).toContainText(
      'Nested mappings are not allowed in compact mappings',
    )
    await expect(page.locator(`${SEL.editor} .squiggly-error`).first()).toBeVisible()
  })

  test('the YAML language service completes from the Kubernetes schema', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(page, 'apiVersion: v1\n', 'replace')
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+Space')
    const suggest = page.locator(`${SEL.editor} .suggest-widget`)
    await expect(suggest).toBeVisible()
    await expect(suggest).toContainText('kind')
    await expect(suggest).toContainText('metadata')
  })
})
