import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { ENGINE_VERSION } from '../src/engine/version'
import { encodeLink } from '../src/share/link'
import { expect, openApp, test } from './fixtures'

/** "Predict, then play" (issue 7 §4): the player stops at a scenario's questions, asks, then reveals. */

const SHOTS = '/tmp/shots-classroom2'
const LESSON = readFileSync(new URL('../public/scenarios/quiz-liveness.yaml', import.meta.url), 'utf8')

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' })
const dialog = (page: Page) => page.getByRole('dialog', { name: /Predict, then play/ })

/** Whether the focused element is inside the question dialog. */
const focusInDialog = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.activeElement?.closest('dialog.quiz-dialog') !== null)

async function pause(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Pause' })
  if (await button.isVisible()) await button.click()
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
}

test('the gallery lesson plays, stops at 40 s to ask, reveals a wrong answer, and plays on', async ({
  page,
}) => {
  await openApp(page)
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
  await page.getByRole('button', { name: 'Gallery' }).click()
  const lesson = page.getByTestId('gallery').getByRole('button', { name: /Predict, then play/ })
  await expect(lesson).toContainText('Asks 2 questions on the way')
  await lesson.click()
  // The timeline shows where the questions are.
  await expect(page.getByTestId('quiz-mark')).toHaveCount(2)

  const d = dialog(page)
  await expect(d).toBeVisible({ timeout: 20_000 })
  await expect(d).toHaveAttribute('aria-modal', 'true')
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '40')
  await expect(page.getByRole('button', { name: 'Play' })).toBeAttached()
  await expect(d.getByRole('heading')).toContainText('What will happen in the next few seconds?')
  const radios = d.getByRole('radio')
  await expect(radios).toHaveCount(4)
  await expect(radios.first()).toBeFocused()
  // The page stays where it is behind the question: it is paused and keys belong to the dialog.
  await page.waitForTimeout(300)
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '40')

  // Arrow keys move through the choices, a digit picks one; Tab never leaves the dialog.
  await page.keyboard.press('ArrowDown')
  await expect(radios.nth(1)).toBeChecked()
  await page.keyboard.press('4')
  await expect(radios.nth(3)).toBeChecked()
  await expect(radios.nth(3)).toBeFocused()
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab')
    expect(await focusInDialog(page), `after Tab ${i + 1}`).toBe(true)
  }
  await page.keyboard.press('Shift+Tab')
  expect(await focusInDialog(page)).toBe(true)
  await radios.nth(3).focus()
  await page.keyboard.press('Enter')

  await expect(d.getByRole('status')).toHaveText(
    '✕ Not quite. The answer is: After the third failure in a row the kubelet kills the container, to restart it in the same pod',
  )
  await expect(d.locator('.quiz-right')).toContainText('✓ right answer')
  await expect(d.locator('.quiz-wrong')).toContainText('The pod is deleted')
  await expect(d.locator('.quiz-explain')).toContainText('failureThreshold (3)')
  const cont = d.getByRole('button', { name: 'Continue' })
  await expect(cont).toBeFocused()
  await page.screenshot({ path: `${SHOTS}/quiz-reveal-light.png` })
  await page.keyboard.press('Enter')

  await expect(d).toBeHidden()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect
    .poll(async () => Number(await slider(page).getAttribute('aria-valuenow')), { timeout: 10_000 })
    .toBeGreaterThan(40)

  // The second question, answered right with the mouse.
  await expect(d).toBeVisible({ timeout: 20_000 })
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '50')
  await d.getByText('About 30 s later, at the end of the grace period').click()
  await d.getByRole('button', { name: 'Answer' }).click()
  await expect(d.getByRole('status')).toHaveText('✓ Right.')
  await d.getByRole('button', { name: 'Continue' }).click()
  await expect(d).toBeHidden()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()

  // Seeking over a question without playing does not ask it; going back before it and playing does.
  await pause(page)
  await slider(page).fill('45')
  await slider(page).fill('60')
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '60')
  await page.waitForTimeout(300)
  await expect(d).toHaveCount(0)
  await slider(page).fill('45')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(d).toBeVisible({ timeout: 20_000 })
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '50')
  // Esc closes it and stays paused.
  await page.keyboard.press('Escape')
  await expect(d).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
})

test('presenter mode asks in large type, and Esc in the dialog leaves the question, not presenter mode', async ({
  page,
}) => {
  await page.goto(`/?present#${encodeLink({ text: LESSON, atS: 36 }, ENGINE_VERSION)}`)
  await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
  await page.getByRole('button', { name: 'Play' }).click()
  const d = dialog(page)
  await expect(d).toBeVisible({ timeout: 20_000 })
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '40')
  const size = await d.getByRole('heading').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(size).toBeGreaterThanOrEqual(28)
  // Digits choose, they do not set the speed while the question is open.
  const speed = await page.getByRole('combobox', { name: 'Speed' }).inputValue()
  await page.keyboard.press('3')
  await expect(d.getByRole('radio').nth(2)).toBeChecked()
  expect(await page.getByRole('combobox', { name: 'Speed' }).inputValue()).toBe(speed)
  await page.keyboard.press('Enter')
  await expect(d.getByRole('status')).toHaveText('✓ Right.')
  await page.screenshot({ path: `${SHOTS}/quiz-present.png` })
  await page.keyboard.press('Escape')
  await expect(d).toHaveCount(0)
  await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'present')
})

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' })
  test('embed mode asks too', async ({ page }) => {
    await page.goto(`/?embed#${encodeLink({ text: LESSON, atS: 46 }, ENGINE_VERSION)}`)
    await expect(page.locator('body')).toHaveAttribute('data-sim-ready', 'true')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(page.locator('.app')).toHaveAttribute('data-view-mode', 'embed')
    await page.getByRole('button', { name: 'Play' }).click()
    const d = dialog(page)
    await expect(d).toBeVisible({ timeout: 20_000 })
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '50')
    await page.keyboard.press('1')
    await page.keyboard.press('Enter')
    await expect(d.getByRole('status')).toContainText('Not quite')
    await page.screenshot({ path: `${SHOTS}/quiz-embed-dark.png` })
    await d.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  })
})

test('opening a scenario without a quiz never asks', async ({ page }) => {
  await openApp(page)
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('64')
  const pauseButton = page.getByRole('button', { name: 'Play' })
  if (await pauseButton.isVisible()) await pauseButton.click()
  await expect
    .poll(async () => Number(await slider(page).getAttribute('aria-valuenow')), { timeout: 15_000 })
    .toBeGreaterThan(90)
  await expect(dialog(page)).toHaveCount(0)
})
