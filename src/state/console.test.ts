import { describe, expect, it } from 'vitest'
import { splitWords } from './console'

describe('splitWords', () => {
  it.each([
    ['kubectl get pods -o wide', ['kubectl', 'get', 'pods', '-o', 'wide']],
    ["get pods -l 'app in (web, api)'", ['get', 'pods', '-l', 'app in (web, api)']],
    ['  describe   pod  "web-0"  ', ['describe', 'pod', 'web-0']],
    ["logs x -c ''", ['logs', 'x', '-c', '']],
  ])('%s', (line, words) => {
    expect(splitWords(line)).toEqual(words)
  })
})
