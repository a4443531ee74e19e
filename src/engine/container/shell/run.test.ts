import { describe, expect, it } from 'vitest'
import { compileProcess } from './compile'
import { execProbe } from './exec'
import { emptyFs, imageFs, type FsView } from './vfs'
import { MAX_LINES, runUntilBlocked, startProcess } from './run'
import { simulate, viewWith } from './testing'

const EPOCH_2026 = 1767225600000 // 2026-01-01T00:00:00Z

/** Runs `sh -c script` to its end (or 1 h) and returns its log text and last step. */
function sh(script: string, opts: Parameters<typeof simulate>[1] = {}) {
  const t = simulate(['sh', '-c', script], opts)
  return {
    ...t,
    stdout: t.output.filter((l) => l.stream === 'stdout').map((l) => l.text),
    stderr: t.output.filter((l) => l.stream === 'stderr').map((l) => l.text),
    last: t.steps[t.steps.length - 1]?.step,
  }
}

describe('G1 exec-liveness: touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', () => {
  const argv = ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
  const probe = ['cat', '/tmp/healthy']

  it('G1: the file exists for [S, S+30 s), then the probe fails with busybox wording (A10)', () => {
    const compiled = compileProcess(argv)
    if (!compiled.ok) throw new Error(compiled.reason)
    const program = compiled.program
    const fs = viewWith()
    const ctx = (nowMs: number) => ({ nowMs, epochMs: EPOCH_2026, env: {} })

    const s0 = runUntilBlocked(program, startProcess(program), fs, ctx(0))
    expect(s0.step).toEqual({ kind: 'sleep', untilMs: 30_000 })
    for (const t of [5_000, 10_000, 25_000, 29_999]) {
      expect(execProbe(probe, fs, ctx(t))).toEqual({ exitCode: 0, output: '', elapsedMs: 0 })
    }
    // Waking early changes nothing.
    expect(runUntilBlocked(program, s0.state, fs, ctx(10_000)).step).toEqual({
      kind: 'sleep',
      untilMs: 30_000,
    })
    expect(execProbe(probe, fs, ctx(29_999)).exitCode).toBe(0)

    const s1 = runUntilBlocked(program, s0.state, fs, ctx(30_000))
    expect(s1.step).toEqual({ kind: 'sleep', untilMs: 630_000 })
    expect(s1.output).toEqual([])
    expect(execProbe(probe, fs, ctx(30_000))).toEqual({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory",
      elapsedMs: 0,
    })

    const s2 = runUntilBlocked(program, s1.state, fs, ctx(630_000))
    expect(s2.step).toEqual({ kind: 'exit', code: 0 })
  })

  it('G1 after a restart: the local tree is fresh, so the file is back at the new start (B4)', () => {
    const fs = viewWith()
    simulate(argv, { fs, untilMs: 40_000 })
    expect(execProbe(probe, fs, { nowMs: 40_000, epochMs: 0, env: {} }).exitCode).toBe(1)
    const restarted: FsView = { ...fs, local: imageFs() }
    simulate(argv, { fs: restarted, startMs: 70_000, untilMs: 70_000 })
    expect(execProbe(probe, restarted, { nowMs: 70_000, epochMs: 0, env: {} }).exitCode).toBe(0)
  })
})

describe('loops and timing', () => {
  it('while true; do echo hi; sleep 5; done: one line every 5 s', () => {
    const t = sh('while true; do echo hi; sleep 5; done', { untilMs: 20_000 })
    expect(t.output).toEqual(
      [0, 5_000, 10_000, 15_000, 20_000].map((atMs) => ({ atMs, stream: 'stdout', text: 'hi' })),
    )
    expect(t.last).toEqual({ kind: 'sleep', untilMs: 25_000 })
  })

  it('the corpus loop: while true; do echo hello; sleep 10;done (no space before done)', () => {
    const t = simulate(['/bin/sh', '-c', 'while true; do echo hello; sleep 10;done'], { untilMs: 30_000 })
    expect(t.output.map((l) => l.atMs)).toEqual([0, 10_000, 20_000, 30_000])
  })

  it('while :, until, for, break and continue', () => {
    expect(sh('n=0; while :; do n=$((n+1)); [ $n -ge 3 ] && break; done; echo $n').stdout).toEqual(['3'])
    expect(sh('n=0; until [ $n -eq 2 ]; do n=$((n+1)); echo $n; done').stdout).toEqual(['1', '2'])
    expect(sh('for x in a b c; do echo $x; done').stdout).toEqual(['a', 'b', 'c'])
    expect(sh('for x in 1 2 3 4; do [ $x = 2 ] && continue; echo $x; done').stdout).toEqual(['1', '3', '4'])
    expect(
      sh('for x in a b; do for y in 1 2; do [ $y = 2 ] && break 2; echo $x$y; done; done').stdout,
    ).toEqual(['a1'])
    expect(
      sh('for x in a b; do echo $x; sleep 1; done; echo end').output.map((l) => [l.atMs, l.text]),
    ).toEqual([
      [0, 'a'],
      [1_000, 'b'],
      [2_000, 'end'],
    ])
  })

  it('a loop status is its body’s last status; a false condition alone gives 0', () => {
    expect(sh('while false; do :; done; echo $?').stdout).toEqual(['0'])
    expect(sh('for x in 1; do false; done; echo $?').stdout).toEqual(['1'])
  })

  it('sleep accepts N, Ns, Nm, Nh, Nd, decimals, several operands, and inf/infinity', () => {
    const at = (arg: string) => sh(`sleep ${arg}`).steps[0]?.step
    expect(at('5')).toEqual({ kind: 'sleep', untilMs: 5_000 })
    expect(at('5s')).toEqual({ kind: 'sleep', untilMs: 5_000 })
    expect(at('2m')).toEqual({ kind: 'sleep', untilMs: 120_000 })
    expect(at('1h')).toEqual({ kind: 'sleep', untilMs: 3_600_000 })
    expect(at('1d')).toEqual({ kind: 'sleep', untilMs: 86_400_000 })
    expect(at('0.5')).toEqual({ kind: 'sleep', untilMs: 500 })
    expect(at('1.5m')).toEqual({ kind: 'sleep', untilMs: 90_000 })
    expect(at('1m 30')).toEqual({ kind: 'sleep', untilMs: 90_000 })
    expect(at('infinity')).toEqual({ kind: 'forever' })
    expect(simulate(['sleep', 'inf']).steps).toEqual([{ atMs: 0, step: { kind: 'forever' } }])
    expect(simulate(['sleep', '3600']).steps[0]?.step).toEqual({ kind: 'sleep', untilMs: 3_600_000 })
  })

  it("sleep: invalid number 'x' (busybox), exit 1; sleep 0 does not yield", () => {
    const t = sh('sleep x; echo $?')
    expect(t.stderr).toEqual(["sleep: invalid number 'x'"])
    expect(t.stdout).toEqual(['1'])
    expect(sh('sleep 0; echo done').steps).toHaveLength(1)
  })

  it('a busy loop is capped and treated as blocked forever', () => {
    expect(sh('while true; do :; done').steps).toEqual([{ atMs: 0, step: { kind: 'forever' } }])
    expect(sh('while true; do sleep 0; done').last).toEqual({ kind: 'forever' })
    const noisy = sh('while true; do echo spam; done')
    expect(noisy.last).toEqual({ kind: 'forever' })
    expect(noisy.output.length).toBeLessThanOrEqual(MAX_LINES + 1)
    // Once forever, later calls answer the same and print nothing.
    const again = runUntilBlocked(noisy.program, noisy.state, viewWith(), { nowMs: 99, epochMs: 0, env: {} })
    expect(again).toMatchObject({ step: { kind: 'forever' }, output: [] })
  })
})

describe('commands and their busybox wording', () => {
  it('echo, echo -n, echo -e, redirections > and >>', () => {
    const fs = viewWith()
    const t = sh(
      'echo a b > /tmp/f; echo -n c >> /tmp/f; echo d >> /tmp/f; cat /tmp/f; echo -e "x\\ty"; echo -n end',
      { fs },
    )
    expect(fs.local.entries['/tmp/f']).toEqual({ kind: 'file', content: 'a b\ncd\n' })
    expect(t.output.map((l) => [l.text, l.partial ?? false])).toEqual([
      ['a b', false],
      ['cd', false],
      ['x\ty', false],
      ['end', true],
    ])
    expect(sh("echo -en '\\n'").stdout).toEqual([''])
  })

  it('cat errors and status; cat of a directory', () => {
    const t = sh('cat /nope; echo $?; cat /tmp')
    expect(t.stderr).toEqual([
      "cat: can't open '/nope': No such file or directory",
      'cat: read error: Is a directory',
    ])
    expect(t.stdout).toEqual(['1'])
    expect(t.last).toEqual({ kind: 'exit', code: 1 })
  })

  it('rm, rm -f, rm -r; mkdir, mkdir -p', () => {
    const t = sh(
      'rm /x; rm -f /x; echo $?; mkdir /tmp; mkdir /a/b; mkdir -p /a/b; echo $?; touch /a/b/f; rm /a; rm -rf /a; [ -e /a ] || echo gone',
    )
    expect(t.stderr).toEqual([
      "rm: can't remove '/x': No such file or directory",
      "mkdir: can't create directory '/tmp': File exists",
      "mkdir: can't create directory '/a/b': No such file or directory",
      "rm: '/a' is a directory",
    ])
    expect(t.stdout).toEqual(['0', '0', 'gone'])
  })

  it('touch in a missing directory; redirect into a missing directory (ash wording, status 2)', () => {
    const t = sh('touch /no/f; echo $?; echo x > /no/f; echo $?')
    expect(t.stderr).toEqual([
      'touch: /no/f: No such file or directory',
      "sh: can't create /no/f: nonexistent directory",
    ])
    expect(t.stdout).toEqual(['1', '2'])
  })

  it('unknown commands: sh: foo: not found, 127; the shell argv[0] prefixes it', () => {
    expect(sh('foo').stderr).toEqual(['sh: foo: not found'])
    expect(sh('foo').last).toEqual({ kind: 'exit', code: 127 })
    expect(simulate(['/bin/sh', '-c', 'foo']).output[0]?.text).toBe('/bin/sh: foo: not found')
    expect(simulate(['bash', '-c', 'echo\nfoo']).output[1]?.text).toBe('bash: line 2: foo: command not found')
  })

  it('test and [ … ]: -f -e -d -z -n = != -eq -lt, !, -a, -o; errors give status 2', () => {
    const t = sh(
      [
        'touch /tmp/f',
        '[ -f /tmp/f ] && echo f',
        '[ -d /tmp ] && echo d',
        '[ -e /nope ] || echo no-e',
        'test -z "" && echo z',
        '[ -n "$HOME" ] || echo empty-home',
        '[ a = a ] && echo eq',
        '[ a != b ] && echo ne',
        '[ 3 -lt 10 ] && echo lt',
        '[ ! -f /tmp/f ] || echo not',
        '[ -f /tmp/f -a -d /tmp ] && echo and',
        '[ -f /nope -o -d /tmp ] && echo or',
        '[ x -eq 1 ]; echo $?',
        '[ a = a; echo $?',
      ].join('\n'),
    )
    expect(t.stdout).toEqual([
      'f',
      'd',
      'no-e',
      'z',
      'empty-home',
      'eq',
      'ne',
      'lt',
      'not',
      'and',
      'or',
      '2',
      '2',
    ])
    expect(t.stderr).toEqual(['sh: x: bad number', 'sh: missing ]'])
  })

  it('[[ … ]] with -e, &&, || and patterns', () => {
    const t = sh(
      'touch /tmp/a; [[ -e /tmp/a && ! -e /tmp/b ]] && echo yes; [[ abc == a* ]] && echo glob; [[ abc == "a*" ]] || echo quoted',
    )
    expect(t.stdout).toEqual(['yes', 'glob', 'quoted'])
  })

  it('if / elif / else / fi', () => {
    const script = (v: string) =>
      `x=${v}; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi`
    expect(sh(script('1')).stdout).toEqual(['one'])
    expect(sh(script('2')).stdout).toEqual(['two'])
    expect(sh(script('3')).stdout).toEqual(['other'])
    expect(sh('if false; then echo x; fi; echo $?').stdout).toEqual(['0'])
  })

  it('&&, ||, ;, true, false, :, exit N, exit with the last status', () => {
    expect(sh('true && echo a || echo b; false && echo c || echo d; : ; echo $?').stdout).toEqual([
      'a',
      'd',
      '0',
    ])
    expect(sh('echo "Hello world!" && sleep 5 && exit 42').steps.map((s) => s.step)).toEqual([
      { kind: 'sleep', untilMs: 5_000 },
      { kind: 'exit', code: 42 },
    ])
    expect(sh('false; exit').last).toEqual({ kind: 'exit', code: 1 })
    expect(sh('exit 300').last).toEqual({ kind: 'exit', code: 44 })
    expect(sh('exit x').stderr).toEqual(['sh: exit: line 1: Illegal number: x'])
    expect(sh('false').last).toEqual({ kind: 'exit', code: 1 })
  })

  it('set -e stops at the first unchecked failure; sh -ec does the same', () => {
    expect(sh('set -e; false || echo ok; false; echo never').stdout).toEqual(['ok'])
    expect(simulate(['sh', '-ec', 'cat /nope; echo never']).steps[0]?.step).toEqual({ kind: 'exit', code: 1 })
    expect(sh('set -e; if false; then :; fi; ! true; echo still').stdout).toEqual(['still'])
  })

  it('set -x traces commands to stderr', () => {
    expect(sh('set -x; echo hi').stderr).toEqual(['+ echo hi'])
  })

  it('date: busybox format from epochMs + nowMs, UTC; date +FORMAT', () => {
    const t = sh('sleep 5; date; date +%Y-%m-%dT%H:%M:%S', { epochMs: EPOCH_2026 })
    expect(t.stdout).toEqual(['Thu Jan  1 00:00:05 UTC 2026', '2026-01-01T00:00:05'])
    expect(sh('echo "$(date) raw event"', { epochMs: EPOCH_2026 + 86_400_000 * 14 }).stdout).toEqual([
      'Thu Jan 15 00:00:00 UTC 2026 raw event',
    ])
  })

  it('printf: %s %d %5s %-3s| %03d %x %%, escapes, format reuse', () => {
    expect(sh('printf "%s=%d\\n" a 1 b 2').stdout).toEqual(['a=1', 'b=2'])
    expect(sh('printf "[%5s][%-3s][%03d][%x][%%]\\n" ab c 7 255').stdout).toEqual([
      '[   ab][c  ][007][ff][%]',
    ])
    expect(sh("printf 'no newline'").output).toEqual([
      { atMs: 0, stream: 'stdout', text: 'no newline', partial: true },
    ])
  })

  it('variables: $VAR and ${VAR} from the container env, defaults, assignment, export, $?', () => {
    const env = { ITEM: 'apple', EMPTY: '' }
    const t = sh(
      'echo Processing item $ITEM ${ITEM}s ${EMPTY:-dflt} ${NOPE-unset} ${#ITEM}; X=1; echo $X; export Y=2; printenv Y',
      { env },
    )
    expect(t.stdout).toEqual(['Processing item apple apples dflt unset 5', '1', '2'])
  })

  it('quoting: single quotes are literal, double quotes expand but do not split, unquoted splits', () => {
    const t = sh(`A='x  y'; echo '$A' "$A" $A; for w in $A; do echo [$w]; done; echo "a\\"b" 'it''s'`)
    expect(t.stdout).toEqual(['$A x  y x y', '[x]', '[y]', 'a"b its'])
  })

  it('$((…)) arithmetic and $(…) / `…` command substitution', () => {
    expect(sh('n=4; echo $((n * 2 + 1)) $(( (1+2) % 2 )) $((100 + $n))').stdout).toEqual(['9 1 104'])
    expect(sh('echo "[$(echo hi)]" `echo back`').stdout).toEqual(['[hi] back'])
    const bad = sh('echo $((1/0)); echo never')
    expect(bad.stderr).toEqual(['sh: divide by zero'])
    expect(bad.last).toEqual({ kind: 'exit', code: 2 })
  })

  it('positional parameters after sh -c script name args', () => {
    expect(simulate(['sh', '-c', 'echo $0 $1 $#', 'me', 'one']).output[0]?.text).toBe('me one 1')
  })

  it('cd, pwd, relative paths; ls of a directory', () => {
    const t = sh('mkdir -p /w/d; cd /w; touch b a; pwd; ls; ls /nope; cd /nope; echo $?')
    expect(t.stdout).toEqual(['/w', 'a', 'b', 'd', '2'])
    expect(t.stderr).toEqual([
      'ls: /nope: No such file or directory',
      "sh: cd: line 1: can't cd to /nope: No such file or directory",
    ])
  })

  it('stderr redirections: 2>/dev/null, 2>&1 into a file, >&2', () => {
    const fs = viewWith()
    const t = sh('cat /nope 2>/dev/null; cat /nope > /tmp/log 2>&1; echo err >&2', { fs })
    expect(fs.local.entries['/tmp/log']).toEqual({
      kind: 'file',
      content: "cat: can't open '/nope': No such file or directory\n",
    })
    expect(t.output).toEqual([{ atMs: 0, stream: 'stderr', text: 'err' }])
  })

  it('printenv and env list the container environment', () => {
    const t = sh('printenv MY_NODE_NAME; printenv NOPE; echo $?; env', {
      env: { MY_NODE_NAME: 'n1', A: 'b' },
    })
    expect(t.stdout).toEqual(['n1', '1', 'MY_NODE_NAME=n1', 'A=b'])
  })
})

describe('volumes shared across containers (DESIGN §2.3 point 2)', () => {
  it('an init container writes to an emptyDir, the app container reads it', () => {
    const volumes = { content: emptyFs() }
    const mounts = [{ path: '/content', volume: 'content' }]
    const init = simulate(['sh', '-c', 'echo "Hello from the init container" > /content/index.html'], {
      fs: { local: imageFs(), volumes, mounts },
    })
    expect(init.steps.at(-1)?.step).toEqual({ kind: 'exit', code: 0 })
    const app = simulate(['sh', '-c', 'cat /usr/share/nginx/html/index.html; sleep 3600'], {
      fs: { local: imageFs(), volumes, mounts: [{ path: '/usr/share/nginx/html', volume: 'content' }] },
    })
    expect(app.output.map((l) => l.text)).toEqual(['Hello from the init container'])
  })

  it('restart: the local tree is fresh while the volume keeps what the previous run wrote', () => {
    const volumes = { data: emptyFs() }
    const mounts = [{ path: '/opt', volume: 'data' }]
    const script = ['sh', '-c', 'cat /opt/runs /tmp/mark; echo run >> /opt/runs; touch /tmp/mark; exit 1']
    const first = simulate(script, { fs: { local: imageFs(), volumes, mounts } })
    expect(first.output.map((l) => l.text)).toEqual([
      "cat: can't open '/opt/runs': No such file or directory",
      "cat: can't open '/tmp/mark': No such file or directory",
    ])
    const second = simulate(script, { fs: { local: imageFs(), volumes, mounts } })
    expect(second.output.map((l) => l.text)).toEqual([
      'run',
      "cat: can't open '/tmp/mark': No such file or directory",
    ])
  })

  it('a read-only mount refuses writes with EROFS wording', () => {
    const fs: FsView = {
      local: imageFs(),
      volumes: { cfg: emptyFs() },
      mounts: [{ path: '/etc/config', volume: 'cfg', readOnly: true }],
    }
    const t = sh('echo x > /etc/config/a; touch /etc/config/b', { fs })
    expect(t.stderr).toEqual([
      "sh: can't create /etc/config/a: Read-only file system",
      'touch: /etc/config/b: Read-only file system',
    ])
  })

  it('the sidecar logging loop appends a line a second to the shared volume', () => {
    const volumes = { data: emptyFs() }
    simulate(['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done'], {
      fs: { local: imageFs(), volumes, mounts: [{ path: '/opt', volume: 'data' }] },
      untilMs: 2_000,
    })
    expect(volumes.data.entries['/logs.txt']).toEqual({
      kind: 'file',
      content: 'logging\nlogging\nlogging\n',
    })
  })
})

describe('state is plain data', () => {
  it('structuredClone of program and state round-trips, and the clone resumes identically', () => {
    const compiled = compileProcess(['sh', '-c', 'for i in 1 2 3; do echo $i; sleep 2; done; exit 7'])
    if (!compiled.ok) throw new Error(compiled.reason)
    const fs = viewWith()
    const ctx = { epochMs: 0, env: {} }
    const r0 = runUntilBlocked(compiled.program, startProcess(compiled.program), fs, { ...ctx, nowMs: 0 })
    const programClone = structuredClone(compiled.program)
    const stateClone = structuredClone(r0.state)
    expect(programClone).toEqual(compiled.program)
    expect(stateClone).toEqual(r0.state)
    expect(JSON.parse(JSON.stringify(stateClone))).toEqual(stateClone)
    const a = runUntilBlocked(compiled.program, r0.state, structuredClone(fs), { ...ctx, nowMs: 2_000 })
    const b = runUntilBlocked(programClone, stateClone, structuredClone(fs), { ...ctx, nowMs: 2_000 })
    expect(b).toEqual(a)
    expect(a.output.map((l) => l.text)).toEqual(['2'])
  })
})
