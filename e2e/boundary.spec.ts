import { expect, pasteIntoEditor, SEL, test } from './fixtures'

/**
 * A crash in one panel stays in that panel (issue 8): `?crash=dock` is the documented test hook that
 * makes the dock throw while rendering.
 */

const CRASH = /test crash requested for the dock panel/

test.describe('panel error boundaries', () => {
  // React reports an error a boundary caught with console.error; this test expects exactly that one.
  test.use({ expectedConsoleErrors: [CRASH] })

  test('a crashed dock shows its fallback while the graph and the editor keep working', async ({
    page,
    watch,
  }) => {
    await page.goto('/?crash=dock')
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    const stopped = page.getByTestId('panel-stopped-dock')
    await expect(stopped).toContainText(
      'This panel stopped: test crash requested for the dock panel (?crash=dock)',
    )
    await expect(page.getByRole('region', { name: 'kubectl console' })).toHaveCount(0)
    // The other panels are there.
    await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveCount(1)
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible()
    await expect(page.locator(SEL.editor)).toBeVisible()
    // Typing still re-simulates.
    await pasteIntoEditor(
      page,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: after-the-crash\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      'replace',
    )
    await expect(page.locator(`${SEL.pod}[data-name="after-the-crash"]`)).toHaveCount(1)
    await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveCount(0)

    await stopped.getByRole('button', { name: 'Copy diagnostic report' }).click()
    await expect(stopped.getByRole('status')).toHaveText('Copied.')
    const report = await page.evaluate(() => navigator.clipboard.readText())
    expect(report).toContain('Error: test crash requested for the dock panel (?crash=dock)')
    expect(report).toMatch(/Link: http:\/\/127\.0\.0\.1:\d+\/\?crash=dock#v\d+\./)
    expect(report).toContain('Kubernetes v1.35')
    expect(report).toContain('Component stack:')
    expect(report).toContain(`User agent: ${await page.evaluate(() => navigator.userAgent)}`)
    // The report's link carries the text typed after the crash.
    const { decodeLink } = await import('../src/share/link')
    const link = report.match(/Link: (\S+)/)![1]!
    const opened = decodeLink(new URL(link).hash.slice(1))
    expect(opened.ok && opened.link.text).toContain('after-the-crash')

    // Try again re-renders the panel; the hook is still in the URL, so it stops again.
    await stopped.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByTestId('panel-stopped-dock')).toBeVisible()
    expect(watch.consoleErrors.some((m) => CRASH.test(m))).toBe(true)
  })
})
