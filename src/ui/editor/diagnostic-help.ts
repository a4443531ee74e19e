/**
 * A quick explanation for each rule of the engine's diagnostics (DESIGN §2.6), keyed by the diagnostic's
 * `code`: what is wrong, in plain words, and how to fix it. Shown on hover over the marker and in the
 * problems list; the message itself stays the engine's (kubectl's or the API server's wording).
 */
export const DIAGNOSTIC_HELP: Readonly<Record<string, string>> = {
  'yaml-syntax':
    'The text is not valid YAML here. Check the indentation (spaces, not tabs), a missing `:` or an unclosed bracket or quote.',
  'too-large': 'The text is too long to simulate in a browser tab. Split it or remove objects.',
  'not-an-object':
    'A document between `---` lines must be one Kubernetes object: a mapping with apiVersion, kind and metadata.',
  'list-items': 'A `kind: List` keeps its objects under `items:`, as a list of objects.',
  'missing-kind':
    'Every object needs `kind:` (Pod, Deployment, Service…), so the API server knows what it is.',
  'missing-apiVersion':
    'Every object needs `apiVersion:`: `v1` for Pods, Services and Namespaces, `apps/v1` for Deployments, StatefulSets and DaemonSets, `batch/v1` for Jobs.',
  'missing-metadata': 'Every object needs `metadata:` with at least a `name`.',
  'missing-name':
    'Add `metadata.name` (or `metadata.generateName`): objects are found by kind, namespace and name.',
  'not-simulated':
    'kubeplay shows this kind in `kubectl get` but does not run a controller for it; the rest of the scenario runs as usual.',
  'duplicate-object':
    'Two documents define the same kind, namespace and name; `kubectl apply` would apply the second over the first. Rename one of them.',
  required: 'The API server refuses the object without this field. Add it.',
  'invalid-name':
    'Names must be DNS labels or subdomains: lower-case letters, digits and `-` (and `.` where allowed), starting and ending with a letter or digit.',
  'duplicate-name':
    'Names must be unique in this list (containers of a pod, ports of a Service…). Rename one.',
  'unsupported-value': 'The field takes only the values listed in the message. Pick one of them.',
  'invalid-port':
    'A port is a number from 1 to 65535, or the name of a container port (an IANA service name).',
  'probe-port-undeclared':
    'The probe checks a port that no container declares in `ports`. It still works on a real cluster if the process listens there, but this is often a typo: check the port.',
  'probe-port-unknown-name':
    'A probe may name a port only if a container declares a port with that `name`. Use the number, or name the port in `ports`.',
  'probe-negative': 'Probe timings must be zero or more (initialDelaySeconds) or at least 1 (the others).',
  'probe-success-threshold':
    'Liveness and startup probes must have successThreshold 1: one success is enough to count as alive or started.',
  'readiness-grace-period':
    'terminationGracePeriodSeconds on a probe applies to kills, and a readiness probe never kills: remove it.',
  'toleration-unmatched':
    'The toleration matches no taint of any node, so it changes nothing. Check its key, value and effect against `kubectl describe node`.',
  'wrong-type':
    'The value has the wrong type for this field (a string where a number is expected, a map where a list is expected…). Quote numbers meant as strings; write lists with `- `.',
  'unknown-field':
    'The API server has no such field here; `kubectl apply` refuses it (strict field validation). Usually a typo or a field at the wrong indentation.',
  'selector-mismatch':
    'A workload’s `spec.selector` must match the labels of its own pod template, or its controller could not find the pods it creates. Make them agree.',
  'selector-matches-nothing':
    'No Pod or pod template in that namespace has these labels, so the Service gets no endpoints. Compare the selector with the pods’ labels.',
  'too-big-for-nodes':
    'No node can ever fit this pod’s requests, so it stays Pending. Lower the requests or add bigger nodes (`kind: Node` documents).',
  behavior:
    'The `kubeplay.dev/behavior` annotation is YAML keyed by container name. Press Ctrl+Space inside it to see the keys each level takes.',
  'startup-window':
    'The probe gives up before the container is up, so the kubelet kills it again and again. Raise failureThreshold × periodSeconds (or initialDelaySeconds), or add a startupProbe.',
  'null-item':
    'A `- ` with nothing after it is an empty item, which the API server rejects. Remove it or fill it in.',
  timeline:
    'Each `spec.timeline` entry needs `at` (a time such as 90s), an `action`, and a `target` such as `pod/web-0` or `node/worker-1` (`apply` takes a `manifest` instead).',
  'cronjob-schedule':
    'A CronJob schedule has five fields, minute hour day-of-month month day-of-week (`*/5 * * * *`, `0 3 * * mon-fri`), or a descriptor such as `@hourly`. Time zones go in `spec.timeZone`, not in the schedule.',
  'cronjob-time-zone':
    '`spec.timeZone` takes an IANA time zone name, exactly as spelled in the tz database: `Europe/Paris`, `America/New_York`, `UTC`.',
  'cronjob-concurrency':
    '`spec.concurrencyPolicy` is `Allow` (the default: runs may overlap), `Forbid` (skip a run while one is still going) or `Replace` (stop the running one and start the new one).',
  quiz: '`spec.quiz` is a list of questions the player asks before showing what happens: `- {at: 40s, question: "What will the kubelet do?", choices: [Restart the container, Nothing], answer: 0, explain: "…"}`. `answer` is the index or the text of the right choice.',
  'owner-missing':
    'An object keeps `ownerReferences` to an owner that is not in the scenario (by `uid`). The garbage collector deletes objects whose owners are all gone, so this one disappears at once. Delete the `ownerReferences` block, or include the owner with the same `uid`.',
  'scenario-nodes':
    '`spec.nodes` is either a number of default workers (`nodes: 5`) or a list of nodes, each `{name, cpu, memory, pods, labels, taints}` with every field optional: `nodes: [{name: big, cpu: "16", memory: 64Gi}, {name: gpu-1, taints: [{key: gpu, effect: NoSchedule}]}]`.',
  duration:
    'Write a time such as `90s`, `10m` or `1h` (or a number of seconds); kubeplay simulates up to 24h.',
  'namespace-not-found':
    'Objects can only be created in a namespace that exists. Add a `kind: Namespace` document with that name, or use `default`.',
  'priorityclass-not-found':
    'A pod may only name a PriorityClass that exists (or `system-node-critical` / `system-cluster-critical`). Add a `kind: PriorityClass` document (`apiVersion: scheduling.k8s.io/v1`, `value: 1000`), or remove `priorityClassName`.',
  'too-many-pods': 'kubeplay simulates at most 10,000 pods. Lower the replicas.',
  'too-many-nodes': 'kubeplay simulates at most 1,000 nodes. Lower spec.nodes or remove Node documents.',
  'negative-count':
    'The API server refuses negative counts (replicas, minReadySeconds, revisionHistoryLimit, parallelism, completions, backoffLimit). Use 0 or more.',
  'run-stopped':
    'The run grew past what a browser tab can hold (too many changes to record, or too many snapshots for the timeline), so it stopped early. Shorten spec.duration or run fewer pods.',
  'yaml-aliases':
    'YAML aliases (*name) that expand into huge documents are refused, as kubectl refuses them. Write the values out, or use fewer nested aliases.',
}

/**
 * The explanation for a diagnostic's code as plain text (markers and tooltips do not render markdown), or
 * null when there is none.
 */
export function diagnosticHelp(code: string): string | null {
  const help = DIAGNOSTIC_HELP[code]
  return help === undefined ? null : help.replace(/`([^`]+)`/g, '$1')
}
