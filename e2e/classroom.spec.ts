import { expect, SEL, test } from './fixtures'

test('embed mode (?embed) shows the graph and the timeline, with no editor or top bar, and still scrubs', async ({
  page,
}) => {
  await page.goto('/?embed')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'embed')
  await expect(page.locator(SEL.node).first()).toBeVisible()
  await expect(page.locator(SEL.pod).first()).toBeVisible()
  await expect(page.locator(SEL.editor)).toHaveCount(0)
  await expect(page.locator('.topbar')).toHaveCount(0)
  await expect(page.getByRole('tab', { name: 'kubectl' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Scenario editor' })).toHaveCount(0)
  const slider = page.getByRole('slider', { name: 'Timeline' })
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  await slider.fill('60')
  await expect(page.locator('.cluster-graph')).toHaveAttribute('data-view-t', '60000')
  await page.screenshot({ path: '/tmp/shots-classroom/embed-1440.png' })
})

test('the embed flag also works in the fragment, next to a link payload', async ({ page }) => {
  await page.goto('/#embed')
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator(SEL.node).first()).toBeVisible()
  await expect(page.locator(SEL.editor)).toHaveCount(0)
})
