import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { type ClusterObjects, kubectl } from './command'
import { EPOCH, livenessEvents, livenessPod, namespaces, node1, webPod } from './testdata/fixtures'

const NOW = EPOCH + 90_000
const cluster: ClusterObjects = {
  pods: [webPod('web-1'), livenessPod, webPod('db-0', 'kube-system')],
  nodes: [node1],
  events: livenessEvents,
  namespaces,
}
const run = (...args: string[]) => kubectl(args, cluster, NOW)

describe('kubectl get (k/k printers.go through cli-runtime tabwriter, reference D1/D3/D4)', () => {
  it('get pods: default namespace, server (name) order', () => {
    expect(run('get', 'pods')).toEqual({
      stdout:
        'NAME            READY   STATUS    RESTARTS      AGE\n' +
        'liveness-exec   1/1     Running   1 (14s ago)   90s\n' +
        'web-1           1/1     Running   0             90s\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('get po -A --show-labels: NAMESPACE first, LABELS last', () => {
    expect(run('get', 'po', '-A', '--show-labels').stdout).toBe(
      'NAMESPACE     NAME            READY   STATUS    RESTARTS      AGE   LABELS\n' +
        'default       liveness-exec   1/1     Running   1 (14s ago)   90s   test=liveness\n' +
        'default       web-1           1/1     Running   0             90s   app=web\n' +
        'kube-system   db-0            1/1     Running   0             90s   app=web\n',
    )
  })

  it('get pods -o wide', () => {
    expect(run('get', 'pods', '-owide', '-n', 'kube-system').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'db-0   1/1     Running   0          90s   10.244.0.9   node-1   <none>           <none>\n',
    )
  })

  it('-l filters by label selector', () => {
    expect(run('get', 'pods', '-l', 'app=web', '--namespace=default').stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          90s\n',
    )
    expect(run('get', 'pods', '--selector', 'app notin (web)').stdout).toContain('liveness-exec')
  })

  it('get nodes, get ns, get events', () => {
    expect(run('get', 'no').stdout).toBe(
      'NAME     STATUS   ROLES           AGE   VERSION\nnode-1   Ready    control-plane   61m   v1.35.0\n',
    )
    expect(run('get', 'namespaces').stdout).toBe(
      'NAME          STATUS   AGE\ndefault       Active   61m\nkube-system   Active   61m\n',
    )
    expect(run('get', 'ev').stdout.split('\n')[0]).toBe(
      'LAST SEEN   TYPE      REASON      OBJECT              MESSAGE',
    )
  })

  it('empty results say "No resources found" on stderr and exit 0', () => {
    expect(run('get', 'pods', '-n', 'x')).toEqual({
      stdout: '',
      stderr: 'No resources found in x namespace.\n',
      exitCode: 0,
    })
    expect(kubectl(['get', 'pods', '-A'], { ...cluster, pods: [] }, NOW).stderr).toBe('No resources found\n')
  })

  it('-o name', () => {
    expect(run('get', 'pods', '-o', 'name').stdout).toBe('pod/liveness-exec\npod/web-1\n')
    expect(run('get', 'nodes', '-o=name').stdout).toBe('node/node-1\n')
  })

  it('-o json prints a v1 List with resourceVersion "" (get.go printGeneric)', () => {
    const out = run('get', 'pods', '-o', 'json').stdout
    expect(out.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true)
    expect(
      out.endsWith('    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n'),
    ).toBe(true)
    const list = JSON.parse(out)
    expect(list.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual([
      'liveness-exec',
      'web-1',
    ])
  })

  it('-o yaml of one named object prints the object itself', () => {
    const out = run('get', 'pod', 'web-1', '-o', 'yaml').stdout
    expect(
      out.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-01-01T00:00:00Z"\n'),
    ).toBe(true)
    expect(parse(out).metadata.name).toBe('web-1')
    expect(parse(run('get', 'pods', '-o', 'yaml').stdout).kind).toBe('List')
  })

  it('kubectl’s errors: unknown resource type, missing object, bad output, bad flag', () => {
    expect(run('get', 'xyz')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "xyz"\n', exitCode: 1 }) // prettier-ignore
    expect(run('get', 'pod', 'nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 }) // prettier-ignore
    const partial = run('get', 'pods', 'web-1', 'nope')
    expect([partial.stdout.split('\n').length, partial.stderr, partial.exitCode]).toEqual([3, 'Error from server (NotFound): pods "nope" not found\n', 1]) // prettier-ignore
    expect(run('get', 'pods', '-o', 'xml').stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "xml"/,
    )
    expect(run('get', 'pods', '--bogus')).toEqual({ stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n", exitCode: 1 }) // prettier-ignore
    expect(run('get', 'pod', 'web-1', '-A').stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    )
    expect(run('get').exitCode).toBe(1)
  })
})

describe('kubectl describe', () => {
  it('describe pod NAME uses the pod’s own events', () => {
    const r = run('describe', 'pod', 'liveness-exec')
    expect(r.exitCode).toBe(0)
    expect(r.stdout.startsWith('Name:             liveness-exec\n')).toBe(true)
    expect(r.stdout).toContain('Warning  Unhealthy  44s (x3 over 54s)  kubelet')
  })

  it('describe po/NAME, prefix match, and NotFound', () => {
    expect(run('describe', 'po/web-1').stdout.startsWith('Name:')).toBe(true)
    expect(run('describe', 'pod', 'liveness').stdout.startsWith('Name:             liveness-exec')).toBe(true)
    expect(run('describe', 'pod', 'x')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 }) // prettier-ignore
  })

  it('describe node lists the pods bound to it, in every namespace', () => {
    const out = run('describe', 'node', 'node-1').stdout
    expect(out).toContain('Non-terminated Pods:          (3 in total)')
    expect(out).toContain('kube-system                 db-0')
  })

  it('describe pods (no name) describes every pod in the namespace, separated by a blank line', () => {
    const out = run('describe', 'pods').stdout
    expect(out.match(/^Name:/gm)).toHaveLength(2)
    expect(out).toMatch(/\n\nName: +web-1\n/)
  })
})
