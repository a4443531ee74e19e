import { ReactFlowProvider } from '@xyflow/react'
import { useScenario } from '../../state/scenario'
import { ClusterGraph } from './ClusterGraph'

/**
 * The graph of the cluster at the time cursor. It alone follows the view, which changes on every
 * playback frame, so the rest of the page does not render again with it.
 */
export function LiveGraph({ ready }: { readonly ready: boolean }): React.JSX.Element {
  const view = useScenario((s) => s.view)
  return view ? (
    <ReactFlowProvider>
      <ClusterGraph view={view} />
    </ReactFlowProvider>
  ) : (
    <p className="graph-empty">
      {ready ? 'Fix the errors in the YAML to see the cluster.' : 'Reading the scenario…'}
    </p>
  )
}
