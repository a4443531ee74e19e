import { describe, expect, it } from 'vitest'
import { compileProcess } from './compile'

describe('compileProcess', () => {
  it('accepts shells with -c: sh, /bin/sh, bash, /bin/bash, ash, with -e/-x flags', () => {
    for (const argv of [
      ['sh', '-c', 'true'],
      ['/bin/sh', '-c', 'true'],
      ['bash', '-c', 'true'],
      ['/bin/bash', '-c', 'true'],
      ['/bin/ash', '-c', 'true'],
      ['sh', '-ec', 'true'],
    ]) {
      expect(compileProcess(argv).ok, argv.join(' ')).toBe(true)
    }
    const p = compileProcess(['/bin/bash', '-ex', '-c', 'true', 'name', 'a'])
    expect(p.ok && p.program).toMatchObject({
      dialect: 'bash',
      shellName: '/bin/bash',
      errexit: true,
      xtrace: true,
      positional: ['name', 'a'],
    })
  })

  it('accepts supported built-ins as argv[0], with or without a bin directory', () => {
    for (const argv of [
      ['sleep', '3600'],
      ['/bin/sleep', 'infinity'],
      ['cat', '/tmp/healthy'],
      ['test', '-f', '/x'],
      ['/bin/echo', 'hi'],
      ['printenv', 'HOSTNAME'],
    ]) {
      const r = compileProcess(argv)
      expect(r.ok && r.program.dialect, argv.join(' ')).toBe('none')
    }
  })

  it('refuses what it does not run, with a reason (the caller falls back to its image catalog)', () => {
    const reasons = (argv: string[]) => {
      const r = compileProcess(argv)
      return r.ok ? null : r.reason
    }
    expect(reasons(['nginx', '-g', 'daemon off;'])).toMatch(/not a shell or a built-in/)
    expect(reasons(['/app/sleep', '1'])).toMatch(/not a shell or a built-in/)
    expect(reasons([])).toBe('no command')
    expect(reasons(['sh', '-c', 'tail -F /x | while read l; do echo $l; done'])).toBe('pipes (|)')
    expect(reasons(['sh', '-c', 'sleep 1 &'])).toBe('background jobs (&)')
    expect(reasons(['sh', '-c', '(cd /; ls)'])).toMatch(/subshells/)
    expect(reasons(['sh', '-c', 'case x in x) ;; esac'])).toMatch(/case/)
    expect(reasons(['sh', '-c', 'cat <<EOF\nx\nEOF'])).toMatch(/here-documents/)
    expect(reasons(['sh', '-c', 'echo "unterminated'])).toMatch(/unterminated/)
    expect(reasons(['sh', '-c', 'while true; do echo'])).toMatch(/syntax error/)
    expect(reasons(['sh', '/script.sh'])).toMatch(/script files/)
    expect(reasons(['sh', '-c'])).toMatch(/requires an argument/)
  })

  it('lists commands it does not know (they fail with 127 at run time)', () => {
    const r = compileProcess([
      '/bin/sh',
      '-c',
      'nginx -s quit; while killall -0 nginx; do sleep 1; done; echo $(rev x)',
    ])
    expect(r.ok && r.program.unknownCommands).toEqual(['killall', 'nginx', 'rev'])
  })

  it('compiles to a flat list of plain-data instructions with jumps', () => {
    const r = compileProcess(['sh', '-c', 'while true; do echo hi; sleep 5; done'])
    if (!r.ok) throw new Error(r.reason)
    const ops = r.program.code.map((i) => i.op)
    expect(ops).toEqual(['status', 'store', 'cmd', 'jf', 'cmd', 'cmd', 'store', 'jmp', 'load'])
    expect(JSON.parse(JSON.stringify(r.program))).toEqual(r.program)
  })

  it('ignores comments and accepts newlines and line continuations as in the corpus scripts', () => {
    const r = compileProcess(['bash', '-c', '# comment\necho "Initializing...";\necho a \\\n  b\n'])
    expect(r.ok).toBe(true)
  })
})
