import { useEffect, useState } from 'react'
import { useScenario } from '../../state/scenario'
import { useTimeline } from '../../state/timeline'
import { engineWorker, ignoreFailure } from '../../worker/client'

export type Obj = Record<string, unknown> & {
  spec?: {
    replicas?: number
    unschedulable?: boolean
    containers?: { name: string }[]
  }
  metadata?: {
    deletionTimestamp?: string
    ownerReferences?: { kind: string; name: string; controller?: boolean }[]
  }
  status?: {
    conditions?: { type: string; status: string }[]
    containerStatuses?: { name: string; state?: { running?: unknown } }[]
  }
}

/** The object as it is at the time cursor (undefined while asking the worker, null if it is gone). */
export function useObjectAt(kind: string, namespace: string, name: string): Obj | null | undefined {
  const timeS = Math.floor(useTimeline((s) => s.timeS))
  const revision = useScenario((s) => s.analyzedRevision)
  const [obj, setObj] = useState<{ key: string; value: Obj | null } | null>(null)
  const key = `${kind}/${namespace}/${name}@${timeS}#${revision}`
  useEffect(() => {
    let live = true
    void engineWorker()
      .object(kind, namespace, name, timeS)
      // A failed worker leaves the last answer standing; the next moment or timeline asks again.
      .then((value) => live && setObj({ key, value: value as Obj | null }), ignoreFailure)
    return () => {
      live = false
    }
  }, [kind, namespace, name, timeS, revision, key])
  // While the worker answers for a new moment, the last answer for the same object stands.
  return obj === null || !obj.key.startsWith(`${kind}/${namespace}/${name}@`) ? undefined : obj.value
}
