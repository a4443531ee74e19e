import { describe, expect, it } from 'vitest'
import { goJson } from './go-json'

describe('goJson (Go json.MarshalIndent with 4 spaces, as kubectl -o json)', () => {
  it('sorts keys, indents by four spaces, keeps empty collections inline and ends with a newline', () => {
    expect(goJson({ kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' } })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    )
  })

  it('escapes <, > and & like Go encoding/json HTMLEscape, and control characters', () => {
    expect(goJson({ m: '<none> & "x"\n\t\u0001' })).toBe(
      '{\n    "m": "\\u003cnone\\u003e \\u0026 \\"x\\"\\n\\t\\u0001"\n}\n',
    )
  })

  it('prints numbers, booleans, null and nested arrays', () => {
    expect(goJson({ a: [1, 2.5, true, null, { b: {} }] })).toBe(
      '{\n    "a": [\n        1,\n        2.5,\n        true,\n        null,\n        {\n            "b": {}\n        }\n    ]\n}\n',
    )
  })

  it('omits undefined fields', () => {
    expect(goJson({ a: undefined, b: 1 })).toBe('{\n    "b": 1\n}\n')
  })
})
