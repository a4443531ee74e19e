import { useSelection, type Selection } from '../../state/selection'

/**
 * What a card of the graph needs to be selected by click or keyboard (Enter, Space) and to show that it
 * is: whether it is the selected object, and the props of a pressable element.
 */
export function useSelectableCard(target: Selection): {
  readonly selected: boolean
  readonly props: Pick<
    React.HTMLAttributes<HTMLElement>,
    'role' | 'tabIndex' | 'aria-pressed' | 'onClick' | 'onKeyDown'
  >
} {
  const selected = useSelection(
    (s) =>
      s.selected?.kind === target.kind &&
      s.selected.namespace === target.namespace &&
      s.selected.name === target.name,
  )
  const select = (): void => useSelection.getState().select(target)
  return {
    selected,
    props: {
      role: 'button',
      tabIndex: 0,
      'aria-pressed': selected,
      onClick: select,
      onKeyDown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          select()
        }
      },
    },
  }
}
