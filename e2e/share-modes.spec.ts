import type { Browser, Page } from '@playwright/test'
import { expect, openApp, SEL, test } from './fixtures'

/** Share links keep the mode the page is shown in (issue 7 §1, §4): presenter and embed. */

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' })

async function pauseAt(page: Page, s: number): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await slider(page).fill(String(s))
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', String(s * 1000))
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click()
  const link = await page.getByTestId('share-link').inputValue()
  await page.keyboard.press('Escape')
  return link
}

/** Opens a link in a fresh browser context, as someone it was sent to would. */
async function openFresh(browser: Browser, url: string): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(url)
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  return { page, close: () => context.close() }
}

test('a link shared in presenter mode opens in presenter mode at the same moment', async ({
  page,
  browser,
}) => {
  await openApp(page)
  await pauseAt(page, 42)
  await page.getByRole('button', { name: 'Present' }).click()
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
  const link = await shareLink(page)
  expect(new URL(link).search).toBe('')
  expect(new URL(link).hash).toMatch(/^#v1\.[A-Za-z0-9_-]+&present$/)

  const other = await openFresh(browser, link)
  await expect(other.page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
  await expect(slider(other.page)).toHaveAttribute('aria-valuenow', '42')
  await expect(other.page.locator(SEL.editor)).toBeHidden()
  await other.close()

  // Left presenter mode: the link opens the full page again.
  await page.getByRole('button', { name: 'Leave presenter mode' }).click()
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'full')
  expect(new URL(await shareLink(page)).hash).not.toContain('&')
})

test('?present in the address gives way to the mode the page is in when the link is made', async ({
  page,
}) => {
  await page.goto('/?present')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
  const presenting = new URL(await shareLink(page))
  expect(presenting.search).toBe('')
  expect(presenting.hash).toMatch(/&present$/)
  await page.keyboard.press('Escape')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'full')
  const full = new URL(await shareLink(page))
  expect(full.search).toBe('')
  expect(full.hash).not.toContain('present')
})

test('a link with the embed flag opens embedded at its moment', async ({ page, browser }) => {
  await openApp(page)
  await pauseAt(page, 30)
  const link = await shareLink(page)
  const embedded = await openFresh(browser, `${link}&embed`)
  await expect(embedded.page.locator('.app')).toHaveAttribute('data-view-mode', 'embed')
  await expect(embedded.page.locator('.topbar')).toHaveCount(0)
  await expect(slider(embedded.page)).toHaveAttribute('aria-valuenow', '30')
  await expect(embedded.page.locator(SEL.pod).first()).toBeVisible()
  await embedded.close()
})
