import type { LoadedObject } from '../model/object'
import { podTemplateHash, randomSuffix } from '../model/names'
import { createRng } from '../sim/rng'
import { defaultNodes } from './default-cluster'
import type { ClusterView, NodeView, PodView, ServiceView } from './view'

/**
 * The cluster as it looks once every workload has settled: each controller's pods created, named as the
 * controllers name them, bound to the least-loaded node and running. It is a static picture with no
 * time in it; the discrete-event simulation replaces it.
 *
 * @example
 * previewCluster(loadManifests(text).objects).pods.map((p) => p.name) // ['web-5c9b7f6d48-x2x7q', …]
 */
export function previewCluster(objects: readonly LoadedObject[], seed = 1): ClusterView {
  const rng = createRng(seed)
  const nodes = clusterNodes(objects)
  const pods: MutablePod[] = []

  for (const o of objects) {
    const ns = o.metadata.namespace ?? 'default'
    const spec = record(o.body.spec)
    switch (o.kind) {
      case 'Pod':
        pods.push(pod(ns, o.metadata.name, record(o.metadata.labels), spec, null))
        break
      case 'Deployment': {
        const template = record(spec.template)
        const hash = podTemplateHash(template)
        const labels = { ...record(record(template.metadata).labels), 'pod-template-hash': hash }
        for (let i = 0; i < replicas(spec); i++) {
          const name = `${o.metadata.name}-${hash}-${randomSuffix(rng)}`
          pods.push(pod(ns, name, labels, record(template.spec), `Deployment/${o.metadata.name}`))
        }
        break
      }
      case 'ReplicaSet':
      case 'Job': {
        const template = record(spec.template)
        const count = o.kind === 'Job' ? numberOr(spec.parallelism, 1) : replicas(spec)
        for (let i = 0; i < count; i++) {
          const name = `${o.metadata.name}-${randomSuffix(rng)}`
          pods.push(
            pod(
              ns,
              name,
              record(record(template.metadata).labels),
              record(template.spec),
              `${o.kind}/${o.metadata.name}`,
            ),
          )
        }
        break
      }
      case 'StatefulSet': {
        const template = record(spec.template)
        for (let i = 0; i < replicas(spec); i++) {
          const name = `${o.metadata.name}-${i}`
          pods.push(
            pod(
              ns,
              name,
              record(record(template.metadata).labels),
              record(template.spec),
              `StatefulSet/${o.metadata.name}`,
            ),
          )
        }
        break
      }
      case 'DaemonSet': {
        const template = record(spec.template)
        for (const n of nodes) {
          const p = pod(
            ns,
            `${o.metadata.name}-${randomSuffix(rng)}`,
            record(record(template.metadata).labels),
            record(template.spec),
            `DaemonSet/${o.metadata.name}`,
          )
          p.node = n.name
          pods.push(p)
        }
        break
      }
    }
  }

  place(pods, nodes)
  const services = objects.filter((o) => o.kind === 'Service').map((o) => service(o, pods))
  return { nodes, pods, services }
}

type MutablePod = { -readonly [K in keyof PodView]: PodView[K] }

function pod(
  namespace: string,
  name: string,
  labels: Record<string, unknown>,
  spec: Record<string, unknown>,
  owner: string | null,
): MutablePod {
  const containers = Array.isArray(spec.containers) ? spec.containers.length : 0
  const sidecars = Array.isArray(spec.initContainers)
    ? spec.initContainers.filter((c) => record(c).restartPolicy === 'Always').length
    : 0
  const total = containers + sidecars
  return {
    namespace,
    name,
    node: typeof spec.nodeName === 'string' && spec.nodeName !== '' ? spec.nodeName : null,
    status: 'Running',
    ready: `${total}/${total}`,
    restarts: 0,
    labels: stringMap(labels),
    owner,
  }
}

function place(pods: MutablePod[], nodes: readonly NodeView[]): void {
  const load = new Map(nodes.map((n) => [n.name, 0]))
  for (const p of pods) if (p.node !== null && load.has(p.node)) load.set(p.node, load.get(p.node)! + 1)
  for (const p of pods) {
    if (p.node !== null) {
      if (!load.has(p.node)) p.status = 'Pending'
      continue
    }
    let best: NodeView | undefined
    for (const n of nodes)
      if (load.get(n.name)! < n.maxPods && (!best || load.get(n.name)! < load.get(best.name)!)) best = n
    if (!best) {
      p.status = 'Pending'
      p.ready = `0/${p.ready.split('/')[1]}`
      continue
    }
    p.node = best.name
    load.set(best.name, load.get(best.name)! + 1)
  }
}

function clusterNodes(objects: readonly LoadedObject[]): NodeView[] {
  const declared = objects.filter((o) => o.kind === 'Node')
  if (declared.length > 0) {
    return declared.map((o) => {
      const capacity = record(record(o.body.status).capacity)
      return {
        name: o.metadata.name,
        status: 'Ready',
        cpu: String(capacity.cpu ?? '4'),
        memory: String(capacity.memory ?? '16Gi'),
        maxPods: numberOr(Number(capacity.pods), 110),
      }
    })
  }
  const scenario = objects.find((o) => o.kind === 'Scenario')
  const count = numberOr(record(scenario?.body.spec).nodes, 3)
  return defaultNodes(Math.max(0, Math.min(count, 500))).map((n) => ({
    name: n.name,
    status: 'Ready',
    cpu: n.cpu,
    memory: n.memory,
    maxPods: n.pods,
  }))
}

function service(o: LoadedObject, pods: readonly PodView[]): ServiceView {
  const spec = record(o.body.spec)
  const selector = stringMap(record(spec.selector))
  const ns = o.metadata.namespace ?? 'default'
  const keys = Object.keys(selector)
  const endpoints =
    keys.length === 0
      ? 0
      : pods.filter(
          (p) =>
            p.namespace === ns && p.status === 'Running' && keys.every((k) => p.labels[k] === selector[k]),
        ).length
  const ports = Array.isArray(spec.ports)
    ? spec.ports
        .map((p) => {
          const port = record(p)
          return `${String(port.port)}/${String(port.protocol ?? 'TCP')}`
        })
        .join(',')
    : '<none>'
  return {
    namespace: ns,
    name: o.metadata.name,
    type: typeof spec.type === 'string' ? spec.type : 'ClusterIP',
    ports,
    selector,
    endpoints,
  }
}

function replicas(spec: Record<string, unknown>): number {
  return Math.min(numberOr(spec.replicas, 1), 10_000)
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

function stringMap(v: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(v)) out[k] = String(x)
  return out
}
