import type { Page } from '@playwright/test'
import { expect, openApp, pasteIntoEditor, SEL, test } from './fixtures'

/**
 * The page works without its autosave (issue 8): full storage, or a browser that refuses storage
 * altogether, leave a working playground and a notice that the work is not being saved.
 */

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: unsaved-work\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'

async function stillWorks(page: Page): Promise<void> {
  await expect(page.locator(`${SEL.pod}[data-name="liveness-exec"]`)).toHaveCount(1)
  await pasteIntoEditor(page, POD, 'replace')
  await expect(page.locator(`${SEL.pod}[data-name="unsaved-work"]`)).toHaveCount(1)
  await expect(page.locator(SEL.summary)).toContainText('1 object · 0 errors')
}

test.describe('storage', () => {
  test('full storage: the page simulates, and says the latest changes are not saved', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
    })
    await openApp(page)
    await expect(page.getByTestId('storage-notice')).toContainText(
      'The browser’s storage is full: your latest changes are not saved.',
    )
    await stillWorks(page)
    await expect(page.getByTestId('storage-notice')).toBeVisible()
  })

  test('storage refused (window.localStorage throws): the page simulates, and says it cannot save', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        },
      })
    })
    await openApp(page)
    await expect(page.getByTestId('storage-notice')).toContainText(
      'This browser does not let kubeplay save your work',
    )
    await stillWorks(page)
    await expect(page.getByTestId('storage-notice')).toBeVisible()
  })

  test('writes refused with a SecurityError: the page says it cannot save', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      }
    })
    await openApp(page)
    await expect(page.getByTestId('storage-notice')).toContainText(
      'This browser does not let kubeplay save your work',
    )
    await stillWorks(page)
  })
})
