import { parseAllDocuments, stringify } from 'yaml'
import { analyzeScenario, goDuration } from '../engine'
import { parseTarget, scenarioActions, type Action } from '../engine/sim/actions'

/**
 * Export for a real cluster (issue 7 §2), for users who outgrow the simulator: the manifests without the
 * playground's own documents, and a shell script that replays the scenario's timeline with kubectl.
 * Everything taken from the scenario is quoted for the shell, so a hostile name cannot run a command.
 */

/** The scenario's manifests for `kubectl apply -f`: without the Scenario document and Node objects. */
export function exportManifests(text: string): string {
  const kept: string[] = []
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) continue
    const value: unknown = doc.toJS()
    if (value === null || typeof value !== 'object') continue
    const o = value as { apiVersion?: unknown; kind?: unknown }
    // The playground's own document, and Nodes: a real cluster's nodes register themselves.
    if (
      o.kind === 'Scenario' ||
      (typeof o.apiVersion === 'string' && o.apiVersion.startsWith('kubeplay.dev/'))
    )
      continue
    if (o.kind === 'Node') continue
    kept.push(
      doc
        .toString()
        .replace(/^---\n/, '')
        .replace(/\n+$/, '\n'),
    )
  }
  return kept.join('---\n')
}

/** A bash script that applies the manifests, then carries out each timeline action at its time. */
export function exportScript(text: string, manifestFile = 'manifests.yaml'): string {
  const { objects } = analyzeScenario(text)
  const actions = [...scenarioActions(objects)].sort((a, b) => a.at - b.at)
  const title = (objects.find((o) => o.kind === 'Scenario')?.body.spec as { title?: unknown } | undefined)
    ?.title
  const lines = [
    '#!/usr/bin/env bash',
    `# Replays ${typeof title === 'string' ? comment(title) : 'a kubeplay scenario'} on a real cluster.`,
    '# Times are from the moment the manifests are applied. Names that controllers make up (pods of a',
    '# Deployment, ReplicaSets) differ on a real cluster: check the targets below before running it.',
    'set -euo pipefail',
    '',
    `kubectl apply -f ${quote(manifestFile)}`,
  ]
  let now = 0
  for (const a of actions) {
    if (a.at > now) {
      lines.push('', `sleep ${(a.at - now) / 1000}  # until t = ${goDuration(a.at)}`)
      now = a.at
    } else lines.push('')
    lines.push(...command(a))
  }
  return `${lines.join('\n')}\n`
}

function command(a: Action): string[] {
  if (a.action === 'apply') {
    const body = a.manifest ? stringify(a.manifest) : ''
    let eof = 'MANIFEST'
    while (body.split('\n').includes(eof)) eof += '_'
    return [`kubectl apply -f - <<'${eof}'`, ...body.replace(/\n$/, '').split('\n'), eof]
  }
  const t = parseTarget(a.target)
  if (!t) return [`# ${comment(a.action)} ${comment(a.target)}: the target is not kind/name`]
  const ns = t.namespace !== undefined ? ` -n ${quote(t.namespace)}` : ''
  const resource = `${t.kind.toLowerCase()}/${t.name}`
  switch (a.action) {
    case 'delete':
      return [
        `kubectl delete ${quote(resource)}${ns}${a.gracePeriodSeconds !== undefined ? ` --grace-period=${a.gracePeriodSeconds}` : ''}`,
      ]
    case 'scale':
      return [`kubectl scale ${quote(resource)}${ns} --replicas=${a.replicas ?? 0}`]
    case 'cordon':
    case 'uncordon':
      return [`kubectl ${a.action} ${quote(t.name)}`]
    case 'drain':
      return [`kubectl drain ${quote(t.name)} --ignore-daemonsets --delete-emptydir-data`]
    case 'fail-node':
      return [
        `# fail-node ${comment(t.name)}: kubectl cannot do this. Stop the node's kubelet, for example:`,
        `echo ${quote(`now stop the kubelet on ${t.name} (ssh ${t.name} sudo systemctl stop kubelet)`)}`,
      ]
    case 'recover-node':
      return [
        `# recover-node ${comment(t.name)}: start the node's kubelet again, for example:`,
        `echo ${quote(`now start the kubelet on ${t.name} (ssh ${t.name} sudo systemctl start kubelet)`)}`,
      ]
    case 'kill-container':
      return [
        `# kill-container (exit code ${a.exitCode ?? 137} in kubeplay): a real process decides its own exit code.`,
        `kubectl exec ${quote(t.name)}${ns}${a.container ? ` -c ${quote(a.container)}` : ''} -- /bin/sh -c 'kill -KILL 1'`,
      ]
    default:
      return [`# ${comment(a.action)} ${comment(a.target)}: not replayable with kubectl`]
  }
}

/** Single-quoted for bash: nothing inside is expanded. */
export function quote(s: string): string {
  return /^[A-Za-z0-9._/=:@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** Text safe on one comment line. */
function comment(s: string): string {
  return s.replace(/[\r\n]+/g, ' ')
}
