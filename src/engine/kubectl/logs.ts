import type { Pod } from 'kubernetes-types/core/v1'
import type { KubectlResult } from './command'
import type { LogsTarget } from './logs-target'

/** The pod behind `TYPE/NAME` for a type other than pods (command.ts looks the object up). */
export type LogsResolver = (type: string, name: string, namespace: string) => LogsTarget

/** What a container printed in one of its runs: the current one, or the previous with `previous`. */
export type LogSource = (
  namespace: string,
  pod: string,
  container: string,
  previous: boolean,
) => readonly string[] | null

/**
 * `kubectl logs POD|TYPE/NAME [-c CONTAINER] [-p|--previous] [-n NS] [--tail N]`: what the container printed,
 * as the kubelet keeps it; for a controller or a Service, of the pod kubectl picks (logs-target.ts). Without -c, a pod with several containers defaults to the first one and says so on
 * stderr, like kubectl ≥ 1.24 (`Defaulted container "a" out of: a, b`).
 */
export function kubectlLogs(
  args: readonly string[],
  pods: readonly Pod[],
  source: LogSource | undefined,
  resolve?: LogsResolver,
): KubectlResult {
  let namespace = 'default'
  let container: string | undefined
  let previous = false
  let tail = -1
  const names: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const value = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i])
    if (a === '-p' || a === '--previous' || a === '--previous=true') previous = true
    else if (a === '-c' || a === '--container' || a.startsWith('--container=')) container = value()
    else if (a === '-n' || a === '--namespace' || a.startsWith('--namespace='))
      namespace = value() ?? namespace
    else if (a === '--tail' || a.startsWith('--tail=')) tail = Number(value())
    else if (a.startsWith('-'))
      return fail(`error: unknown flag: ${a.split('=')[0]}\nSee 'kubectl logs --help' for usage.`)
    else names.push(a.replace(/^(pod|pods|po)\//i, ''))
  }
  if (names.length === 0)
    return fail(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    )
  let note = ''
  let pod: Pod | undefined
  const slash = names[0]!.indexOf('/')
  if (slash > 0) {
    const found = resolve?.(names[0]!.slice(0, slash), names[0]!.slice(slash + 1), namespace) ?? {
      error: `error: the server doesn't have a resource type "${names[0]!.slice(0, slash)}"`,
    }
    if ('error' in found) return fail(found.error)
    pod = found.pod
    note = found.note
  } else {
    pod = pods.find(
      (p) => p.metadata?.name === names[0] && (p.metadata?.namespace ?? 'default') === namespace,
    )
    if (!pod) return fail(`Error from server (NotFound): pods "${names[0]}" not found`)
  }
  const podName = pod.metadata?.name ?? ''
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name)
  let stderr = note
  if (container === undefined) {
    container = pod.spec?.containers?.[0]?.name ?? ''
    const init = (pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)
    const choices = [...(pod.spec?.containers ?? []).map((c) => c.name), ...init]
    if (choices.length > 1) stderr += `Defaulted container "${container}" out of: ${choices.join(', ')}\n`
  } else if (!all.includes(container)) {
    return fail(`error: container ${container} is not valid for pod ${podName}`)
  }
  const lines = source?.(namespace, podName, container, previous) ?? null
  if (lines === null) {
    const status = [
      ...(pod.status?.containerStatuses ?? []),
      ...(pod.status?.initContainerStatuses ?? []),
    ].find((s) => s.name === container)
    if (previous)
      return fail(
        `${stderr}Error from server (BadRequest): previous terminated container "${container}" in pod "${podName}" not found`,
      )
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating'
    return fail(
      `${stderr}Error from server (BadRequest): container "${container}" in pod "${podName}" is waiting to start: ${reason === 'ContainerCreating' || reason === 'PodInitializing' ? reason : `trying and failing to pull image`}`,
    )
  }
  const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines
  return { stdout: shown.map((l) => `${l}\n`).join(''), stderr, exitCode: 0 }
}

function fail(message: string): KubectlResult {
  return { stdout: '', stderr: `${message}\n`, exitCode: 1 }
}
