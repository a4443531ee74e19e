import { expect, openApp, SEL, test } from './fixtures'

test.describe('controllers in the graph', () => {
  test('a Deployment card and its ReplicaSet card open their describe, by click and by keyboard', async ({
    page,
  }) => {
    await openApp(page)
    const inspector = page.getByTestId('inspector')
    const body = page.getByTestId('inspector-body')
    const deployment = page.locator('[data-kind="Deployment"][data-name="web"]')
    await deployment.click()
    await expect(inspector).toHaveAttribute('data-inspected-kind', 'Deployment')
    await expect(deployment).toHaveAttribute('aria-pressed', 'true')
    // kubectl describe deployment (k8s.io/kubectl/pkg/describe DeploymentDescriber).
    await expect(body).toContainText(/Name:\s+web/)
    await expect(body).toContainText('StrategyType:           RollingUpdate')
    await expect(body).toContainText(/NewReplicaSet:\s+web-[a-z0-9]+ \(3\/3 replicas created\)/)

    const replicaSet = page.locator('[data-kind="ReplicaSet"]').first()
    const rsName = await replicaSet.getAttribute('data-name')
    await replicaSet.focus()
    await page.keyboard.press('Enter')
    await expect(inspector).toHaveAttribute('data-inspected-kind', 'ReplicaSet')
    await expect(replicaSet).toHaveAttribute('aria-pressed', 'true')
    await expect(deployment).toHaveAttribute('aria-pressed', 'false')
    await expect(body).toContainText(`Name:           ${rsName}`)
    await expect(body).toContainText('Controlled By:  Deployment/web')
    await expect(page.locator(SEL.pod).first()).toBeVisible()
  })
})
