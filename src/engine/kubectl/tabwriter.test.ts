import { describe, expect, it } from 'vitest'
import {
  AlignRight,
  Debug,
  DESCRIBE_TABWRITER,
  GET_TABWRITER,
  tabwrite,
  type TabwriterOptions,
} from './tabwriter'

const elastic: TabwriterOptions = {
  minwidth: 0,
  tabwidth: 0,
  padding: 1,
  padchar: '.',
  flags: AlignRight | Debug,
}

describe('tabwriter (Go text/tabwriter port)', () => {
  it('Example_elastic from Go text/tabwriter example_test.go', () => {
    expect(tabwrite('a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n', elastic)).toBe(
      '....a|..b|c\n...aa|.bb|cc\n..aaa|\n.aaaa|.dddd|eeee\n',
    )
  })

  it('Example_trailingTab from Go text/tabwriter example_test.go: an untabbed last cell is not aligned', () => {
    const opts: TabwriterOptions = {
      minwidth: 0,
      tabwidth: 0,
      padding: 3,
      padchar: '-',
      flags: AlignRight | Debug,
    }
    expect(
      tabwrite('a\tb\taligned\t\naa\tbb\taligned\t\naaa\tbbb\tunaligned\naaaa\tbbbb\taligned\t\n', opts),
    ).toBe(
      '------a|------b|---aligned|\n-----aa|-----bb|---aligned|\n----aaa|----bbb|unaligned\n---aaaa|---bbbb|---aligned|\n',
    )
  })

  it('pads to minwidth (Go tabwriter_test.go case "1a")', () => {
    const opts: TabwriterOptions = { minwidth: 8, tabwidth: 0, padding: 1, padchar: '.', flags: 0 }
    expect(tabwrite('a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', opts)).toBe(
      'a.......b.......c\naa......bbb.....cccc\naaa.....bbbb\n',
    )
  })

  it('pads with tabs to multiples of tabwidth when padchar is a tab (Go Example: Init(w, 0, 8, 0, \\t, 0))', () => {
    const opts: TabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 0, padchar: '\t', flags: 0 }
    expect(tabwrite('a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n', opts)).toBe(
      'a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n',
    )
  })

  it('lays out a kubectl get table with minwidth 6, padding 3 (cli-runtime GetNewTabWriter, reference D3)', () => {
    expect(tabwrite('NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-0\t1/1\tRunning\t0\t5m\n', GET_TABWRITER)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          5m\n',
    )
  })

  it('a single-cell line ends the block, so describe sections align separately (tabwriter Write, ncells == 1)', () => {
    const text =
      'Name:\tweb\nNamespace:\tdefault\nContainers:\n  app:\n    Image:\tnginx\n    Restart Count:\t0\n'
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  app:\n    Image:          nginx\n    Restart Count:  0\n',
    )
  })

  it('counts runes, not UTF-16 units or bytes', () => {
    expect(tabwrite('µs\tx\nab\ty\n', GET_TABWRITER)).toBe('µs    x\nab    y\n')
  })

  it('keeps text that has no final newline', () => {
    expect(tabwrite('a\tb', GET_TABWRITER)).toBe('a     b')
  })
})
