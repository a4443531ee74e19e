import type { Container } from 'kubernetes-types/core/v1'
import type { ContainerModel } from '../kubelet/model'
import { DEFAULT_LISTEN_MS, DEFAULT_PULL_MS, REPULL_CHECK_MS } from '../sim/latencies'
import { defaultPlan, runProbe, steadyUntil, type ProcessRun } from './process'

/** Layer 4 of DESIGN §2.3 alone: every container runs the default process */
export const defaultModel: ContainerModel = {
  pull: (_pod, _c, _run, present) => ({
    ms: present ? REPULL_CHECK_MS : DEFAULT_PULL_MS,
    sizeBytes: 50_000_000,
  }),
  start: (_pod, c, run, now): ProcessRun => ({
    run,
    startedAt: now,
    plan: defaultPlan(declaredPorts(c), DEFAULT_LISTEN_MS),
  }),
  onSigterm: (p) =>
    p.plan.sigterm === 'ignore' ? null : { afterMs: 100, code: p.plan.sigterm === 'exit0' ? 0 : 143 },
  probe: (p, type, probe, podIP, now) => runProbe(p, type, probe, podIP, now),
  steadyUntil: (p, type, probe, now) => steadyUntil(p, type, probe, now),
  wake: (p, now) => {
    const exit = p.plan.exit
    if (!exit) return { wakeAt: null, exit: null }
    if (now - p.startedAt >= exit.after)
      return { wakeAt: null, exit: { code: exit.code, reason: exit.reason } }
    return { wakeAt: p.startedAt + exit.after, exit: null }
  },
}

export function declaredPorts(c: Container): number[] {
  return (c.ports ?? []).flatMap((p) => (typeof p?.containerPort === 'number' ? [p.containerPort] : []))
}
