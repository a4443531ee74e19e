import { useEffect } from 'react'
import { useNotice } from '../../state/perform'

/** How long a notice stays, in ms. */
const NOTICE_MS = 6000

/** What the last action did, for a few seconds, over the bottom of the graph. */
export function ActionNotice(): React.JSX.Element | null {
  const notice = useNotice((s) => s.notice)
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => useNotice.getState().clear(), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])
  if (!notice) return null
  return (
    <p className={`action-notice ${notice.kind}`} role="status" data-testid="action-notice">
      {notice.text}
    </p>
  )
}
