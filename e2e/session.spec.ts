import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

/** Links, autosave and the gallery (issue 7 §1–3), in a real Chromium. */

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' })
const editorText = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('[data-testid="editor"] .view-lines') as HTMLElement).innerText.replace(
      /\u00a0/g,
      ' ',
    ),
  )

test.describe('sessions', () => {
  test('a shared link opened in a fresh browser shows the same frame: objects, statuses, moment, selection', async ({
    page,
    browser,
  }) => {
    await openApp(page)
    // Pause, seek to 80 s (the liveness pod has restarted once) and select it.
    await page.getByRole('button', { name: 'Pause' }).click()
    // Seek to 80 s, select the liveness pod, then share.
    await slider(page).fill('80')
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '80')
    const pod = page.locator(`${SEL.pod}[data-name="liveness-exec"]`)
    await expect(pod).toHaveAttribute('data-restarts', '1')
    await pod.click()
    await page.getByRole('button', { name: 'Share' }).click()
    const link = await page.getByTestId('share-link').inputValue()
    expect(link.length).toBeLessThan(2000)
    await expect(page.getByTestId('share-length')).toContainText(
      `${link.length.toLocaleString('en-US')} characters`,
    )
    const tiles = async (p: Page) =>
      p
        .locator(SEL.pod)
        .evaluateAll((els) =>
          els
            .map(
              (e) =>
                `${e.getAttribute('data-name')} ${e.getAttribute('data-status')} ${e.getAttribute('data-ready')} ${e.getAttribute('data-restarts')}`,
            )
            .sort(),
        )
    const here = await tiles(page)

    const context = await browser.newContext()
    const other = await context.newPage()
    await other.goto(link)
    await expect(other.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    await expect(slider(other)).toHaveAttribute('aria-valuenow', '80')
    await expect(other.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveAttribute('data-restarts', '1')
    expect(await tiles(other)).toEqual(here)
    await expect(other.getByTestId('inspector')).toContainText('liveness-exec')
    await context.close()
  })

  test('a broken link keeps the autosaved work and says why', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(
      page,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-own-work\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      'replace',
    )
    await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
    await page.goto('/#v1.this-link-was-cut-shor')
    await expect(page.getByTestId('session-notice')).toContainText(
      'This link could not be opened: the link is damaged',
    )
    await expect(page.getByTestId('session-notice')).toContainText('Your saved work is shown instead')
    await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
    await page.goto('/#v1.<img src=x onerror=alert(1)>')
    await expect(page.getByTestId('session-notice')).toContainText('characters a kubeplay link never has')
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await expect(page.locator(`${SEL.pod}[data-name="my-own-work"]`)).toHaveCount(1)
  })

  test('closing the tab in the middle of typing loses nothing', async ({ context }) => {
    const page = await context.newPage()
    await openApp(page)
    await pasteIntoEditor(page, '# typed just before the tab died\n', 'append')
    await page.keyboard.insertText('# and one more line')
    await page.close({ runBeforeUnload: false })
    const again = await context.newPage()
    await openApp(again)
    const saved = await again.evaluate(() => localStorage.getItem('kubeplay.autosave.v1') ?? '')
    expect(saved).toContain('# and one more line')
    // Monaco draws only the lines in view: go to the end first.
    await again.locator(SEL.editor).click()
    await again.keyboard.press('Control+End')
    await expect.poll(() => editorText(again)).toContain('# and one more line')
    expect(await editorText(again)).toContain('typed just before the tab died')
  })

  test('opening a link over local work offers the work back', async ({ page }) => {
    await openApp(page)
    await pasteIntoEditor(
      page,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      'replace',
    )
    await expect(page.locator(`${SEL.pod}[data-name="mine"]`)).toHaveCount(1)
    const text = readFileSync(new URL('../public/scenarios/taint-pending.yaml', import.meta.url), 'utf8')
    const { encodeLink } = await import('../src/share/link')
    await page.goto(`/#${encodeLink({ text, atS: 10, select: 'pod/default/no-toleration' }, 2)}`)
    await expect(page.locator(`${SEL.pod}[data-name="no-toleration"]`)).toHaveAttribute(
      'data-status',
      'Pending',
    )
    await page.getByRole('button', { name: 'Restore previous work' }).click()
    await expect(page.locator(`${SEL.pod}[data-name="mine"]`)).toHaveCount(1)
  })

  test('the gallery is one click away and opens a lesson at its moment', async ({ page }) => {
    await openApp(page)
    await page.getByRole('button', { name: 'Gallery' }).click()
    const gallery = page.getByTestId('gallery')
    await expect(gallery.locator('button.lesson')).toHaveCount(18)
    await gallery
      .getByRole('button', { name: /An aggressive liveness probe causes CrashLoopBackOff/ })
      .click()
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '180')
    await expect(page.locator(`${SEL.pod}[data-name="slow-app"]`)).toHaveAttribute(
      'data-status',
      'CrashLoopBackOff',
    )
    await expect(page.getByTestId('session-notice')).toContainText('Watch for:')
  })
})
