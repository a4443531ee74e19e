import { describe, expect, it } from 'vitest'
import { loadManifests, MAX_TEXT_BYTES } from './loader'

const pod = (name: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${extra}spec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`

describe('loadManifests', () => {
  it('reads several documents separated by ---, with the range of each', () => {
    const text = `${pod('a')}---\n${pod('b')}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n`
    const { objects, diagnostics } = loadManifests(text)
    expect(diagnostics).toEqual([])
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Pod/a', 'Pod/b', 'Service/s'])
    expect(objects.map((o) => o.range.line)).toEqual([1, 10, 19])
    expect(objects.map((o) => o.doc)).toEqual([0, 1, 2])
  })

  it('expands `kind: List` into its items, each with its own position', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: one}',
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata: {name: two, namespace: shop}',
      '',
    ].join('\n')
    const { objects, diagnostics } = loadManifests(text)
    expect(diagnostics).toEqual([])
    expect(
      objects.map((o) => [o.kind, o.metadata.namespace, o.metadata.name, o.range.line, o.range.col]),
    ).toEqual([
      ['Pod', 'default', 'one', 4, 3],
      ['Deployment', 'shop', 'two', 7, 3],
    ])
  })

  it('reports a syntax error at its line and column and keeps the other documents', () => {
    const text = `${pod('a')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    bad: 1\n`
    const { objects, diagnostics } = loadManifests(text)
    expect(objects.map((o) => o.metadata.name)).toEqual(['a'])
    // `name: x` on line 13 is followed by a more indented key: the value at column 9 cannot be a mapping.
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'yaml-syntax',
      message: 'Nested mappings are not allowed in compact mappings',
      line: 13,
      col: 9,
    })
  })

  it('points an error found at the end of the text at the last character written', () => {
    const { diagnostics } = loadManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n\n')
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 4, col: 15, endLine: 4, endCol: 16 })
  })

  it('points a bad indentation at the offending line', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n'
    const { diagnostics } = loadManifests(text)
    expect(diagnostics[0]).toMatchObject({
      code: 'yaml-syntax',
      message: 'All mapping items must start at the same column',
      line: 5,
      col: 1,
    })
  })

  it('reports a duplicated key where it is repeated', () => {
    const { diagnostics } = loadManifests('kind: Pod\nkind: Pod\n')
    expect(diagnostics).toMatchObject([
      { code: 'yaml-syntax', message: 'Map keys must be unique', line: 2, col: 1 },
    ])
  })

  it('skips empty documents silently', () => {
    const text = `---\n---\n# only a comment\n---\n${pod('a')}---\n`
    const { objects, diagnostics } = loadManifests(text)
    expect(diagnostics).toEqual([])
    expect(objects).toHaveLength(1)
    expect(loadManifests('')).toMatchObject({ objects: [], diagnostics: [] })
    expect(loadManifests('   \n\n')).toMatchObject({ objects: [], diagnostics: [] })
  })

  it('reports objects without kind, apiVersion or name at their place', () => {
    const text =
      'apiVersion: v1\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: b}\n---\nkind: Pod\napiVersion: v1\nmetadata: {labels: {}}\n'
    const { objects, diagnostics } = loadManifests(text)
    expect(objects).toEqual([])
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['missing-kind', 1],
      ['missing-apiVersion', 4],
      ['missing-name', 9],
    ])
  })

  it('reports a document that is not a mapping', () => {
    const { diagnostics } = loadManifests('- a\n- b\n')
    expect(diagnostics).toMatchObject([{ code: 'not-an-object', line: 1, col: 1 }])
  })

  it('keeps kinds it does not simulate and warns once per kind', () => {
    const cm = (n: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${n}}\n`
    const { objects, diagnostics } = loadManifests(`${cm('a')}---\n${cm('b')}`)
    expect(objects).toHaveLength(2)
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'not-simulated', line: 2 }])
  })

  it('lets a later definition of the same object replace the earlier one, with a warning', () => {
    const { objects, diagnostics } = loadManifests(`${pod('a')}---\n${pod('a', '  labels: {v: "2"}\n')}`)
    expect(objects).toHaveLength(1)
    expect(objects[0]!.metadata.labels).toEqual({ v: '2' })
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'duplicate-object', line: 10 }])
  })

  it('reads a 1 MB input with every object', () => {
    const docs: string[] = []
    let size = 0
    for (let i = 0; size < 1024 * 1024; i++) {
      const d = pod(`p-${i}`, `  labels: {app: web, index: "${i}"}\n`)
      docs.push(d)
      size += d.length + 4
    }
    const text = docs.join('---\n')
    expect(text.length).toBeGreaterThanOrEqual(1024 * 1024)
    const { objects, diagnostics } = loadManifests(text)
    expect(diagnostics).toEqual([])
    expect(objects).toHaveLength(docs.length)
    expect(objects.at(-1)!.metadata.name).toBe(`p-${docs.length - 1}`)
  })

  it('refuses a text over the size limit with a clear diagnostic instead of parsing it', () => {
    const { objects, diagnostics } = loadManifests('#'.repeat(MAX_TEXT_BYTES + 1))
    expect(objects).toEqual([])
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'too-large', line: 1, col: 1 }])
    expect(diagnostics[0]!.message).toContain('at most 2.0 MiB')
  })

  it('locates a field of an object, or the nearest enclosing one that exists', () => {
    const text = `${pod('a')}---\n${pod('b', '  labels: {app: web}\n')}`
    const { objects, locate } = loadManifests(text)
    const b = objects[1]!
    expect(locate(b, ['spec', 'containers', 0, 'image'])).toMatchObject({ line: 18, col: 12 })
    expect(locate(b, ['metadata', 'labels', 'app'])).toMatchObject({ line: 14, col: 17 })
    expect(locate(b, ['spec', 'containers', 3, 'image'])).toMatchObject({ line: 17, col: 3 })
    expect(locate(b, [])).toEqual(b.range)
  })
})
