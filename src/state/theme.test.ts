import { describe, expect, it } from 'vitest'
import { initialTheme, otherTheme, useTheme } from './theme'

describe('theme', () => {
  it('opens with the stored choice, whatever the system prefers', () => {
    expect(initialTheme('light', true)).toBe('light')
    expect(initialTheme('dark', false)).toBe('dark')
  })

  it('follows the system when nothing (or nothing valid) is stored', () => {
    expect(initialTheme(null, true)).toBe('dark')
    expect(initialTheme(null, false)).toBe('light')
    expect(initialTheme('solarized', true)).toBe('dark')
  })

  it('toggles between the two themes', () => {
    expect(otherTheme('light')).toBe('dark')
    expect(otherTheme('dark')).toBe('light')
  })

  it('follows system changes until the reader chooses, then keeps the choice', () => {
    useTheme.setState({ theme: 'light', chosen: false })
    useTheme.getState().systemChanged(true)
    expect(useTheme.getState().theme).toBe('dark')
    useTheme.getState().choose('light')
    useTheme.getState().systemChanged(true)
    expect(useTheme.getState()).toMatchObject({ theme: 'light', chosen: true })
  })
})
