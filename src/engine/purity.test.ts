import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ENGINE = fileURLToPath(new URL('.', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return /\.tsx?$/.test(e.name) && !/\.(test|bench)\.ts$/.test(e.name) ? [path] : []
  })
}

/** What the engine may never touch (DESIGN §2.1): each pattern with the reason it is banned. */
const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\b|\bnew Date\(\s*\)|(?<![.\w])Date\(\s*\)/, 'reads the clock'],
  [/\bMath\.random\b/, 'uses unseeded randomness'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)\s*\(/, 'uses a timer'],
  [/\b(window|document|navigator|localStorage|sessionStorage)\s*[.[]/, 'touches the DOM'],
  [/(?<![.\w])(process|performance|Buffer|__dirname)\s*\./, 'uses a Node or host API'],
  [/\brequire\s*\(|\bfetch\s*\(/, 'loads code or data at run time'],
  [
    /from\s+['"](node:|fs|path|os|child_process|react|react-dom|@xyflow|motion|zustand|monaco-editor|comlink)/,
    'imports a host or UI module',
  ],
  [/from\s+['"]\.\.\/(\.\.\/)*(ui|state|worker|share|cli)\//, 'imports from outside the engine'],
  [/eslint-disable/, 'switches the purity lint off'],
]

describe('src/engine purity', () => {
  const files = sources(ENGINE)

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it('no engine module touches Date, Math.random, timers, the DOM, Node APIs or the UI', () => {
    const violations: string[] = []
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n')
      lines.forEach((line, i) => {
        const code = line
          .replace(/\/\*.*?\*\//g, '')
          .replace(/\/\/.*$/, '')
          .replace(/^\s*(\/\*\*?|\*).*$/, '')
        for (const [pattern, why] of FORBIDDEN) {
          if (pattern.test(code)) violations.push(`${relative(ENGINE, file)}:${i + 1} ${why}: ${line.trim()}`)
        }
      })
    }
    expect(violations).toEqual([])
  })

  it('the patterns catch what they are meant to catch', () => {
    const bad = [
      'const t = Date.now()',
      'const d = new Date()',
      'const r = Math.random()',
      'setTimeout(f, 1)',
      'document.title = x',
      "import { readFileSync } from 'node:fs'",
      "import React from 'react'",
      "import { useScenario } from '../state/scenario'",
      'process.env.X',
    ]
    // A property named `process` is not the Node global.
    expect(FORBIDDEN.some(([p]) => p.test('const exit = c.process.plan.exit'))).toBe(false)
    for (const line of bad)
      expect(
        FORBIDDEN.some(([p]) => p.test(line)),
        line,
      ).toBe(true)
    expect(FORBIDDEN.some(([p]) => p.test('new Date(epochMs).toISOString()'))).toBe(false)
  })
})
