import { expect, openApp, SEL, test } from './fixtures'
import type { Page } from '@playwright/test'

/** Pauses and puts the cursor at `seconds`. */
async function at(page: Page, seconds: number): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause' })
  if (await pause.isVisible()) await pause.click()
  const timeline = page.getByRole('slider', { name: 'Timeline' })
  await timeline.fill(String(seconds))
  await expect(timeline).toHaveAttribute('aria-valuenow', String(seconds))
}

/** The editor's rendered lines (Monaco draws spaces as no-break spaces). */
const editorText = (page: Page) => page.locator(`${SEL.editor} .view-lines`)

const podNamed = (page: Page, name: string) => page.locator(`${SEL.pod}[data-name="${name}"]`)
const nodeNamed = (page: Page, name: string) => page.locator(`${SEL.node}[data-name="${name}"]`)
/** A node card's header: a right-click there is on the node, not on one of its pods. */
const nodeHeader = (page: Page, name: string) =>
  nodeNamed(page, name).getByRole('button', { name: `Inspect node ${name}` })

test.describe('user actions at the time cursor', () => {
  test('deleting a pod from its context menu writes the action and re-simulates from there', async ({
    page,
  }) => {
    await openApp(page)
    await at(page, 83)
    const web = page.locator(`${SEL.pod}[data-name^="web-"]`).first()
    const name = (await web.getAttribute('data-name'))!
    await web.click({ button: 'right' })
    const menu = page.getByTestId('context-menu')
    await expect(menu).toContainText(`Pod ${name}`)
    await menu.getByRole('button', { name: /Delete pod/ }).click()
    await expect(menu).toHaveCount(0)
    // The pod terminates at the cursor, which has not moved; its ReplicaSet makes a replacement.
    await expect(podNamed(page, name)).toHaveAttribute('data-status', 'Terminating')
    await expect(page.getByTestId('clock')).toHaveText('t = 1m23s')
    await expect(page.locator(`${SEL.pod}[data-name^="web-"]`)).toHaveCount(4)
    await expect(editorText(page)).toContainText(`- { at: 83s, action: delete, target: pod/${name} }`)
    await expect(editorText(page)).toContainText('kind: Scenario')
    await expect(page.getByTestId('action-notice')).toContainText(`delete pod/${name} at t = 1m23s`)
    // Before the action nothing changed.
    await at(page, 60)
    await expect(podNamed(page, name)).toHaveAttribute('data-status', 'Running')
    // Undo in the editor takes the action back out.
    await page.locator(SEL.editor).click()
    await page.keyboard.press('Control+Z')
    await at(page, 90)
    await expect(podNamed(page, name)).toHaveAttribute('data-status', 'Running')
  })

  test('killing a container with an exit code restarts it', async ({ page }) => {
    await openApp(page)
    await at(page, 20)
    await podNamed(page, 'liveness-exec').click()
    const inspector = page.getByTestId('inspector')
    await inspector.getByLabel('exit code').fill('3')
    await inspector.getByRole('button', { name: 'Kill', exact: true }).click()
    await expect(editorText(page)).toContainText(
      '- { at: 20s, action: kill-container, target: pod/liveness-exec, container: liveness, exitCode: 3 }',
    )
    await at(page, 25)
    await expect(podNamed(page, 'liveness-exec')).toHaveAttribute('data-restarts', '1')
    await expect(page.getByTestId('inspector-why')).toContainText('its process exited with code 3 (Error)')
  })

  test('a node fails and recovers, is cordoned and drained, from its menu and the keyboard', async ({
    page,
  }) => {
    await openApp(page)
    await at(page, 10)
    // Keyboard only: focus the node's header, open its menu with Shift+F10, walk to "Fail node".
    await nodeHeader(page, 'worker-1').focus()
    await page.keyboard.press('Shift+F10')
    const menu = page.getByTestId('context-menu')
    await expect(menu).toBeVisible()
    await expect(menu.getByRole('button', { name: /^Inspect/ })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('button', { name: /Fail node/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(editorText(page)).toContainText('- { at: 10s, action: fail-node, target: node/worker-1 }')
    // The node controller marks it NotReady after the grace period of missed heartbeats.
    await at(page, 120)
    await expect(nodeNamed(page, 'worker-1')).toHaveAttribute('data-status', 'NotReady')

    await nodeHeader(page, 'worker-1').click({ button: 'right' })
    await menu.getByRole('button', { name: /Recover node/ }).click()
    await expect(editorText(page)).toContainText(
      '- { at: 120s, action: recover-node, target: node/worker-1 }',
    )
    await at(page, 180)
    await expect(nodeNamed(page, 'worker-1')).toHaveAttribute('data-status', 'Ready')

    await nodeHeader(page, 'worker-2').click({ button: 'right' })
    await menu.getByRole('button', { name: /^Cordon/ }).click()
    await at(page, 200)
    await nodeHeader(page, 'worker-2').click({ button: 'right' })
    await expect(menu.getByRole('button', { name: /^Uncordon/ })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)

    const onWorker3 = nodeNamed(page, 'worker-3').locator(SEL.pod)
    await expect(onWorker3).not.toHaveCount(0)
    await nodeHeader(page, 'worker-3').click({ button: 'right' })
    await menu.getByRole('button', { name: /^Drain/ }).click()
    await expect(editorText(page)).toContainText('- { at: 200s, action: drain, target: node/worker-3 }')
    await at(page, 260)
    await expect(onWorker3).toHaveCount(0)
    await expect(page.locator(`${SEL.pod}[data-name^="web-"][data-status="Running"]`)).toHaveCount(3)
  })

  test('a Deployment is inspected from the objects list and scaled', async ({ page }) => {
    await openApp(page)
    await at(page, 30)
    await page.getByRole('tab', { name: 'Objects' }).click()
    await page.getByRole('button', { name: 'Inspect Deployment web' }).click()
    const inspector = page.getByTestId('inspector')
    await expect(inspector).toHaveAttribute('data-inspected-kind', 'Deployment')
    const body = page.getByTestId('inspector-body')
    await expect(body).toContainText(/Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available/)
    await inspector.getByRole('tab', { name: 'events' }).click()
    await expect(body).toContainText(
      /ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\S+ from 0 to 3/,
    )
    await inspector.getByRole('tab', { name: 'YAML' }).click()
    await expect(body).toContainText('availableReplicas: 3')

    await inspector.getByLabel('Replicas').fill('5')
    await inspector.getByRole('button', { name: 'Scale', exact: true }).click()
    await expect(editorText(page)).toContainText(
      '- { at: 30s, action: scale, target: deployment/web, replicas: 5 }',
    )
    await at(page, 60)
    await expect(page.locator(`${SEL.pod}[data-name^="web-"]`)).toHaveCount(5)
    await inspector.getByRole('tab', { name: 'describe' }).click()
    await expect(body).toContainText(/Replicas:\s+5 desired/)
    // The ReplicaSet is one click away, from the objects list too.
    await page.locator('[data-object-kind="ReplicaSet"]').first().click()
    await expect(inspector).toHaveAttribute('data-inspected-kind', 'ReplicaSet')
    await expect(inspector.getByRole('button', { name: 'Deployment web' })).toBeVisible()
  })

  test('a Service card opens its inspector', async ({ page }) => {
    await openApp(page)
    await at(page, 30)
    await page.locator(`${SEL.service}[data-name="web"]`).click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-inspected-kind', 'Service')
    await expect(page.getByTestId('inspector-body')).toContainText(/Endpoints:\s+10\.\S+:80,/)
  })
})

test.describe('the timeline, the inspector’s moments, the events list and the console', () => {
  test('keyboard: space plays and pauses, arrows step between events, + and − change the speed', async ({
    page,
  }) => {
    await openApp(page)
    await at(page, 40)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('clock')).toHaveText('t = 45s')
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByTestId('clock')).toHaveText('t = 40s')
    const speed = page.getByRole('combobox', { name: 'Speed' })
    await expect(speed).toHaveValue('4')
    await page.keyboard.press('+')
    await expect(speed).toHaveValue('16')
    await page.keyboard.press('-')
    await page.keyboard.press('-')
    await expect(speed).toHaveValue('1')
    await page.keyboard.press(' ')
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await page.keyboard.press(' ')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
    // Typing in the console is typing: no shortcut fires.
    const input = page.getByRole('textbox', { name: 'kubectl command' })
    await input.click()
    await page.keyboard.type('get pods -o wide')
    await expect(input).toHaveValue('get pods -o wide')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
    await expect(speed).toHaveValue('1')
    // In the editor too.
    await page.locator(SEL.editor).click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByTestId('clock')).toHaveText('t = 40s')
    // The focused step button shows its focus ring.
    await page.getByRole('button', { name: 'Next event' }).focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    const outline = await page
      .getByRole('button', { name: 'Next event' })
      .evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(outline).toBe('solid')
  })

  test('stepping between moments of one kind', async ({ page }) => {
    await openApp(page)
    await at(page, 0)
    await page.getByRole('combobox', { name: 'Step between' }).selectOption('killed')
    await page.getByRole('button', { name: 'Next event' }).click()
    await expect(page.getByTestId('clock')).toHaveText('t = 45s')
    await page.getByRole('combobox', { name: 'Step between' }).selectOption('ready')
    await page.getByRole('button', { name: 'Previous event' }).click()
    await expect(page.getByTestId('clock')).toHaveText('t = 5s')
  })

  test('the why panel links the probe failures before a restart to their moments', async ({ page }) => {
    await openApp(page)
    await at(page, 80)
    await podNamed(page, 'liveness-exec').click()
    const why = page.getByTestId('inspector-why')
    await expect(why.getByRole('button')).toHaveText([
      'probe failed 35s',
      'probe failed 40s',
      'probe failed 45s',
      'killed 45s',
    ])
    await why.getByRole('button', { name: 'Seek to t = 35s: probe failed' }).click()
    await expect(page.getByTestId('clock')).toHaveText('t = 35s')
    await expect(podNamed(page, 'liveness-exec').locator('[data-probe="L"]')).toHaveAttribute(
      'data-state',
      'fail',
    )
  })

  test('the events list follows the cursor and seeks to an event', async ({ page }) => {
    await openApp(page)
    await at(page, 80)
    await page.getByRole('tab', { name: 'Events', exact: true }).click()
    const list = page.getByTestId('events-list')
    await expect(list.locator('.event-row').first()).toHaveAttribute('data-reason', 'Started')
    await expect(list.locator('[data-reason="Killing"]')).toHaveCount(1)
    await list.locator('[data-reason="Killing"] .event-seek').click()
    await expect(page.getByTestId('clock')).toHaveText('t = 45s')
    // Now the newest is the kill itself: nothing after it is listed.
    await expect(list.locator('.event-row').first()).toHaveAttribute('data-reason', 'Killing')
    await expect(list.locator('.event-row[data-reason="Unhealthy"]')).toHaveCount(3)
    await at(page, 10)
    await expect(list.locator('[data-reason="Killing"]')).toHaveCount(0)
    // The object named on a row opens its inspector.
    await list.locator('.event-object', { hasText: 'pod/liveness-exec' }).first().click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-inspected-name', 'liveness-exec')
  })

  test('the console completes resource types and names at the cursor', async ({ page }) => {
    await openApp(page)
    await at(page, 30)
    const input = page.getByRole('textbox', { name: 'kubectl command' })
    // `po` is the start of pods and of poddisruptionbudgets: Tab completes what they share.
    await input.fill('describe po')
    await input.press('Tab')
    await expect(input).toHaveValue('describe pod')
    await input.fill('describe pods')
    await input.press('Tab')
    await expect(input).toHaveValue('describe pods ')
    await input.pressSequentially('liv')
    await input.press('Tab')
    await expect(input).toHaveValue('describe pods liveness-exec ')
    await input.fill('get deploy/')
    await input.press('Tab')
    await expect(input).toHaveValue('get deploy/web ')
    await input.fill('get pods web')
    await input.press('Tab')
    await expect(input).toHaveValue(/^get pods web-[a-z0-9]+-$/)
    await expect(page.getByTestId('console-options')).toContainText('web-')
    await input.fill('get pods -o w')
    await input.press('Tab')
    await input.press('Enter')
    await expect(page.getByTestId('console-output')).toContainText('NOMINATED NODE')
  })

  test('the horizon grows as playback nears its end', async ({ page }) => {
    await openApp(page)
    await at(page, 590)
    await expect(page.getByTestId('horizon')).toHaveText('10m00s')
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    await page.getByRole('button', { name: 'Play' }).click()
    await expect(page.getByTestId('horizon')).not.toHaveText('10m00s')
    await expect
      .poll(async () =>
        Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow')),
      )
      .toBeGreaterThan(600)
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  })
})
