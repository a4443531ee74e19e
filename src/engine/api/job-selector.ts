/**
 * The selector the API server gives a Job (pkg/registry/batch/job/strategy.go `generateSelector`, unless
 * `spec.manualSelector` is true): the template gets the `job-name` and `controller-uid` labels, legacy and
 * `batch.kubernetes.io/` forms, and `spec.selector.matchLabels` the `batch.kubernetes.io/controller-uid`
 * one, so the Job's pods are exactly its own. A Job created without labels reads back with the template's
 * (SetDefaults_Job runs again when the object is read from storage).
 */
import type { JsonObject } from './json'
import { isRecord } from './json'

export const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'] as const
export const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'] as const

export function generateJobSelector(job: JsonObject, uid: string): JsonObject {
  const spec = isRecord(job.spec) ? job.spec : {}
  if (spec.manualSelector === true) return job
  const metadata = isRecord(job.metadata) ? job.metadata : {}
  const name = typeof metadata.name === 'string' ? metadata.name : ''
  const template = isRecord(spec.template) ? spec.template : {}
  const templateMeta = isRecord(template.metadata) ? template.metadata : {}
  const labels: Record<string, unknown> = { ...(isRecord(templateMeta.labels) ? templateMeta.labels : {}) }
  for (const key of JOB_NAME_LABELS) labels[key] = name
  for (const key of CONTROLLER_UID_LABELS) labels[key] = uid
  const selector = isRecord(spec.selector) ? spec.selector : {}
  const matchLabels = { ...(isRecord(selector.matchLabels) ? selector.matchLabels : {}) }
  if (!('batch.kubernetes.io/controller-uid' in matchLabels))
    matchLabels['batch.kubernetes.io/controller-uid'] = uid
  const ownLabels =
    isRecord(metadata.labels) && Object.keys(metadata.labels).length > 0 ? metadata.labels : labels
  return {
    ...job,
    metadata: { ...metadata, uid, labels: { ...ownLabels } },
    spec: {
      ...spec,
      selector: { ...selector, matchLabels },
      template: { ...template, metadata: { ...templateMeta, labels } },
    },
  }
}
