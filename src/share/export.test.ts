import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { exportManifests, exportScript, quote } from './export'

const scenario = readFileSync(new URL('../../public/scenarios/rolling-update.yaml', import.meta.url), 'utf8')

describe('export for a real cluster (issue 7 §2)', () => {
  it('keeps the manifests, comments included, and drops the Scenario document and Nodes', () => {
    const text = `# my app\napiVersion: v1\nkind: Node\nmetadata: {name: n1}\n---\n${scenario}`
    const out = exportManifests(text)
    const kinds = parseAllDocuments(out).map((d) => (d.toJS() as { kind: string }).kind)
    expect(kinds).toEqual(['Deployment', 'Service'])
    expect(out).not.toMatch(/kubeplay\.dev\/v1alpha1/)
    expect(out).toMatch(/image: nginx:1\.26/)
  })

  it('replays the timeline with kubectl at the right times', () => {
    const script = exportScript(scenario)
    expect(script).toMatch(
      /^#!\/usr\/bin\/env bash\n# Replays A rolling update gated by readiness on a real cluster\./,
    )
    expect(script).toContain(
      "kubectl apply -f manifests.yaml\n\nsleep 60  # until t = 1m0s\nkubectl apply -f - <<'MANIFEST'\n",
    )
    expect(script).toMatch(/image: nginx:1\.27\n/)
  })

  it('turns each action into its kubectl command', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: x}
spec:
  timeline:
    - {at: 10s, action: scale, target: deployment/web, replicas: 5}
    - {at: 10s, action: cordon, target: node/worker-1}
    - {at: 90s, action: drain, target: node/worker-1}
    - {at: 2m, action: delete, target: pod/team/web-0}
    - {at: 2m, action: kill-container, target: pod/web-0, container: app, exitCode: 1}
    - {at: 3m, action: fail-node, target: node/worker-2}
`
    const script = exportScript(text)
    expect(script).toContain(
      [
        'sleep 10  # until t = 10s',
        'kubectl scale deployment/web -n default --replicas=5',
        '',
        'kubectl cordon worker-1',
        '',
        'sleep 80  # until t = 1m30s',
        'kubectl drain worker-1 --ignore-daemonsets --delete-emptydir-data',
        '',
        'sleep 30  # until t = 2m0s',
        'kubectl delete pod/web-0 -n team',
        '',
        '# kill-container (exit code 1 in kubeplay): a real process decides its own exit code.',
        "kubectl exec web-0 -n default -c app -- /bin/sh -c 'kill -KILL 1'",
      ].join('\n'),
    )
    expect(script).toMatch(/# fail-node worker-2: kubectl cannot do this\./)
  })

  it('quotes hostile names so that the shell runs nothing from the scenario', () => {
    expect(quote("a'; rm -rf / #")).toBe(`'a'\\''; rm -rf / #'`)
    const dir = mkdtempSync(join(tmpdir(), 'kubeplay-export-'))
    const text = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: x}
spec:
  title: "evil\\n$(touch pwned-title)"
  timeline:
    - {at: 1s, action: delete, target: "pod/$(touch pwned-target)"}
    - {at: 1s, action: apply, manifest: {kind: ConfigMap, data: {x: "MANIFEST\\n$(touch pwned-apply)"}}}
`
    // A fake kubectl that only records its arguments, first on PATH.
    writeFileSync(
      join(dir, 'kubectl'),
      `#!/bin/sh\nprintf '%s|' "$@" >> ${dir}/calls\necho >> ${dir}/calls\ncat > /dev/null\n`,
    )
    chmodSync(join(dir, 'kubectl'), 0o755)
    writeFileSync(join(dir, 'run.sh'), exportScript(text).replace(/^sleep .*$/gm, ':'))
    execFileSync('bash', [join(dir, 'run.sh')], {
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
    })
    const calls = readFileSync(join(dir, 'calls'), 'utf8')
    expect(calls).toContain('delete|pod/$(touch pwned-target)|-n|default|')
    expect(() => readFileSync(join(dir, 'pwned-title'))).toThrow()
    expect(() => readFileSync(join(dir, 'pwned-target'))).toThrow()
    expect(() => readFileSync(join(dir, 'pwned-apply'))).toThrow()
  })
})
