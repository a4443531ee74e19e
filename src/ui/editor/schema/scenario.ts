/**
 * The JSON schema of kubeplay's own `kind: Scenario` document (DESIGN §2.4), written from what the engine
 * reads: spec.duration (analyze.ts), spec.nodes (cluster/nodes.ts: a number of workers or a list of nodes) and spec.timeline, whose
 * actions and fields come from sim/actions.ts. Kubernetes kinds are generated (generate.ts); this one
 * is kubeplay's, so it lives here.
 */
import { NODE_ACTIONS, SUPPORTED_ACTIONS } from '../../../engine/sim/action-names'
import type { JsonSchema } from './types'

export const SCENARIO_API_VERSION = 'kubeplay.dev/v1alpha1'
export const SCENARIO_DEFINITION = 'dev.kubeplay.v1alpha1.Scenario'

/** A duration as the engine parses it (model/duration.ts `parseDuration`): seconds, or a Go duration string. */
const duration = (description: string): JsonSchema => ({
  description: `${description} A number of seconds (\`90\`) or a duration such as \`"90s"\`, \`"2m"\`, \`"1h30m"\`.`,
  type: ['number', 'string'],
  pattern: '^\\s*\\+?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+\\s*$|^\\s*\\d+(\\.\\d*)?\\s*$',
  minimum: 0,
})

/** What each action does, for completion and hover. */
export const ACTION_DOCS: Readonly<Record<(typeof SUPPORTED_ACTIONS)[number], string>> = {
  apply:
    'Applies `manifest` as `kubectl apply -f` would: creates the object, or updates it (a changed image starts a rollout).',
  delete:
    'Deletes `target` as `kubectl delete` would: a Pod gets its grace period (`gracePeriodSeconds`, default the pod’s terminationGracePeriodSeconds); a workload is deleted with its pods.',
  scale: 'Sets `spec.replicas` of `target` (a Deployment, ReplicaSet or StatefulSet) to `replicas`.',
  'fail-node':
    'The node stops posting status: after the grace period it turns NotReady, gets the unreachable taints and its pods are evicted after their tolerationSeconds.',
  'recover-node': 'The node’s kubelet comes back and posts Ready again.',
  cordon: 'Marks the node unschedulable (`kubectl cordon`): running pods stay, new ones go elsewhere.',
  uncordon: 'Marks the node schedulable again (`kubectl uncordon`).',
  drain: 'Cordons the node and evicts its pods (`kubectl drain`), respecting PodDisruptionBudgets.',
  'kill-container':
    'The process of a container of `target` (a Pod) dies with `exitCode` (default 137, as SIGKILL): the kubelet restarts it according to restartPolicy.',
}

const NODE_TARGET = '^(node|nodes|no)/[^/]+$'
const POD_TARGET = '^(pod|pods|po)/([^/]+/)?[^/]+$'
const SCALE_TARGET =
  '^(deployment|deployments|deploy|replicaset|replicasets|rs|statefulset|statefulsets|sts)(\\.apps)?/([^/]+/)?[^/]+$'

/** One `spec.timeline` entry; the `allOf` says what each action needs, as analyze.ts checks it. */
const action: JsonSchema = {
  type: 'object',
  description: 'A scripted action, carried out at `at`. The UI appends one when you act at the time cursor.',
  required: ['at', 'action'],
  properties: {
    at: duration('When the action happens, in simulated time since the scenario was applied.'),
    action: {
      type: 'string',
      description: 'What happens.',
      enum: [...SUPPORTED_ACTIONS],
      markdownEnumDescriptions: SUPPORTED_ACTIONS.map((a) => ACTION_DOCS[a]),
    },
    target: {
      type: 'string',
      description:
        'What the action acts on, as kubectl names it: `node/worker-2`, `pod/web-0`, `pod/prod/web-0` (namespace/name), `deployment/web`.',
      pattern: '^[A-Za-z.]+/([^/]+/)?[^/]+$',
    },
    container: {
      type: 'string',
      description: '`kill-container`: the container whose process dies (default: the pod’s first container).',
    },
    exitCode: {
      type: 'integer',
      minimum: 0,
      maximum: 255,
      description: '`kill-container`: the exit code the process dies with (default 137, killed by SIGKILL).',
    },
    gracePeriodSeconds: {
      type: 'integer',
      minimum: 0,
      description: '`delete` of a Pod: the grace period, as `kubectl delete --grace-period`.',
    },
    replicas: { type: 'integer', minimum: 0, description: '`scale`: the new spec.replicas.' },
    manifest: {
      $ref: '#',
      description: '`apply`: the object to apply, a whole manifest with apiVersion, kind and metadata.name.',
    },
  },
  additionalProperties: false,
  allOf: [
    {
      if: { properties: { action: { const: 'apply' } }, required: ['action'] },
      then: { required: ['manifest'] },
      else: { required: ['target'] },
    },
    {
      if: { properties: { action: { enum: [...NODE_ACTIONS] } }, required: ['action'] },
      then: {
        properties: {
          target: {
            pattern: NODE_TARGET,
            patternErrorMessage: 'a node action needs a target like node/worker-1',
          },
        },
      },
    },
    {
      if: { properties: { action: { const: 'scale' } }, required: ['action'] },
      then: {
        required: ['replicas'],
        properties: {
          target: {
            pattern: SCALE_TARGET,
            patternErrorMessage: 'scale needs a Deployment, ReplicaSet or StatefulSet, e.g. deployment/web',
          },
        },
      },
    },
    {
      if: { properties: { action: { const: 'kill-container' } }, required: ['action'] },
      then: {
        properties: {
          target: {
            pattern: POD_TARGET,
            patternErrorMessage: 'kill-container needs a target like pod/web-0',
          },
        },
      },
    },
  ],
}

export const scenarioSchema: JsonSchema = {
  title: `Scenario (${SCENARIO_API_VERSION})`,
  type: 'object',
  description:
    'A kubeplay scenario: how the playground runs the manifests around it (a real cluster never sees this document).',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', enum: [SCENARIO_API_VERSION], description: 'kubeplay’s own API version.' },
    kind: { type: 'string', enum: ['Scenario'], description: 'The playground document.' },
    metadata: {
      type: 'object',
      description: 'The scenario’s name.',
      properties: { name: { type: 'string', description: 'The scenario’s name.' } },
    },
    spec: {
      type: 'object',
      description: 'How the scenario runs.',
      properties: {
        title: { type: 'string', description: 'A title, shown with the scenario.' },
        description: { type: 'string', description: 'What the scenario shows, in a sentence or two.' },
        seed: {
          type: 'integer',
          minimum: 0,
          description: 'The seed of the random choices (pod-name suffixes, jitter); default 1.',
        },
        duration: duration('How long to simulate (default 10m, at most 24h).'),
        nodes: {
          description:
            'The cluster: a number of default workers (default 3: worker-1 … worker-3, 4 CPUs and 16Gi each), or a list of nodes. Ignored when the scenario has `kind: Node` documents, which describe the nodes themselves.',
          oneOf: [
            { type: 'integer', minimum: 0, maximum: 500 },
            {
              type: 'array',
              maxItems: 500,
              items: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  name: { type: 'string', description: 'The node name (default worker-N).' },
                  cpu: {
                    type: ['string', 'number'],
                    description: 'CPU capacity, like "8" or 2500m (default 4).',
                  },
                  memory: { type: 'string', description: 'Memory capacity, like 32Gi (default 16Gi).' },
                  pods: { type: 'integer', minimum: 0, description: 'How many pods fit (default 110).' },
                  labels: {
                    type: 'object',
                    additionalProperties: { type: 'string' },
                    description: 'Labels, added to hostname, os, arch and zone.',
                  },
                  taints: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['key', 'effect'],
                      properties: {
                        key: { type: 'string' },
                        value: { type: 'string' },
                        effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
                      },
                    },
                  },
                },
              },
            },
          ],
        },
        watch: {
          type: 'string',
          description: 'For a lesson: what to watch for while it plays (shown in the gallery).',
        },
        moment: {
          type: 'object',
          description: 'For a lesson: the moment that shows what it teaches; the gallery opens it there.',
          properties: {
            at: duration('The time of the moment.'),
            select: {
              type: 'string',
              description: 'The object to select then: `kind/namespace/name` or `node/name`.',
            },
          },
          required: ['at'],
          additionalProperties: false,
        },
        timeline: { type: 'array', description: 'Scripted actions, in any order.', items: action },
        quiz: {
          type: 'array',
          description: 'Predict, then play: questions the player pauses to ask, each at its time.',
          items: {
            type: 'object',
            required: ['at', 'question', 'choices', 'answer'],
            properties: {
              at: duration('When to pause and ask, e.g. 45s.'),
              question: { type: 'string', description: 'The question, in plain words.' },
              choices: {
                type: 'array',
                minItems: 2,
                items: { type: 'string' },
                description: 'The possible answers.',
              },
              answer: {
                type: ['integer', 'string'],
                description: 'The right answer: its index in choices (from 0) or its text.',
              },
              explain: { type: 'string', description: 'Shown with the answer: why it is right.' },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
}
