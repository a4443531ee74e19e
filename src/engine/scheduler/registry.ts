/**
 * The default profile (k/k `pkg/scheduler/apis/config/v1/default_plugins.go`), in its order: the filters
 * that apply to the simulated cluster, and the score plugins with their weights (reference E2, E3).
 * Volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) and DynamicResources'
 * filter have nothing to reject here; ImageLocality scores 0 on every node because the simulated nodes
 * report no `status.images` sizes.
 */
import type { FilterPlugin, ScorePlugin } from './framework'
import { balancedAllocation } from './plugins/balanced-allocation'
import { interPodAffinityFilter, interPodAffinityScore } from './plugins/inter-pod-affinity'
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity'
import { nodeName } from './plugins/node-name'
import { nodePorts } from './plugins/node-ports'
import { nodeResourcesFit, nodeResourcesFitScore } from './plugins/node-resources-fit'
import { nodeUnschedulable } from './plugins/node-unschedulable'
import { podTopologySpreadFilter, podTopologySpreadScore } from './plugins/pod-topology-spread'
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration'

export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFit,
  podTopologySpreadFilter,
  interPodAffinityFilter,
]

export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  nodeResourcesFitScore,
  podTopologySpreadScore,
  interPodAffinityScore,
  balancedAllocation,
]
