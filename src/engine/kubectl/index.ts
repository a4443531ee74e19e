/** kubectl views over plain v1 objects: `get` tables and outputs, `describe`, and the command-line entry point. */
export { kubectl, type ClusterObjects, type KubectlResult } from './command'
export { describeNode, podRequestsAndLimits } from './describe-node'
export { describePod, describeProbe, podQOS } from './describe-pod'
export { getTable, renderTable, type TableOptions, type TableResource } from './get-table'
export { goJson } from './go-json'
export { goYaml } from './go-yaml'
export { formatLabels, matchesSelector, parseSelector } from './labels'
export { podRow } from './pod-row'
export { eventRow, namespaceRow, nodeRow } from './rows'
export { DESCRIBE_TABWRITER, GET_TABWRITER, Tabwriter, tabwrite } from './tabwriter'
export { rfc1123z, since } from './time'
export { describeDeployment, describeEndpoints, describeJob, describeReplicaSet, describeResourceQuota, describeService } from './describe-workloads' // prettier-ignore
export { formatLabelSelector, labelSelectorString } from './label-selector'
export { endpointSliceRow, endpointsRow, otherRow, resourceQuotaRow, serviceRow } from './other-rows'
export {
  cronJobRow,
  daemonSetRow,
  deploymentRow,
  jobRow,
  replicaSetRow,
  statefulSetRow,
} from './workload-rows'
