import { describe, expect, it } from 'vitest'
import {
  emptyFs,
  errnoText,
  imageFs,
  listDir,
  makeDir,
  normalizePath,
  readFile,
  removePath,
  statPath,
  writeFile,
  type FsView,
} from './vfs'

function view(): FsView {
  return {
    local: imageFs(),
    volumes: {
      data: emptyFs(),
      conf: { entries: { '/app.conf': { kind: 'file', content: 'x=1\n' } } },
      deep: emptyFs(),
    },
    mounts: [
      { path: '/opt', volume: 'data' },
      { path: '/etc/config', volume: 'conf', readOnly: true },
      { path: '/opt/deep', volume: 'deep' },
    ],
  }
}

describe('normalizePath', () => {
  it('resolves relative paths, dots and doubled slashes', () => {
    expect(normalizePath('a/../b/./c', '/x')).toBe('/x/b/c')
    expect(normalizePath('//tmp//healthy/')).toBe('/tmp/healthy')
    expect(normalizePath('../../..', '/a')).toBe('/')
  })
})

describe('virtual filesystem (DESIGN §2.3 point 2)', () => {
  it('writes to the local tree outside mounts, and into the volume under a mount', () => {
    const v = view()
    expect(writeFile(v, '/tmp/healthy', '')).toBeNull()
    expect(v.local.entries['/tmp/healthy']).toEqual({ kind: 'file', content: '' })
    expect(writeFile(v, '/opt/logs.txt', 'a\n')).toBeNull()
    expect(writeFile(v, '/opt/logs.txt', 'b\n', true)).toBeNull()
    expect(v.volumes.data?.entries['/logs.txt']).toEqual({ kind: 'file', content: 'a\nb\n' })
    expect(v.local.entries['/opt/logs.txt']).toBeUndefined()
  })

  it('the longest mount prefix wins', () => {
    const v = view()
    expect(writeFile(v, '/opt/deep/f', 'deep')).toBeNull()
    expect(v.volumes.deep?.entries['/f']).toEqual({ kind: 'file', content: 'deep' })
    expect(v.volumes.data?.entries['/deep/f']).toBeUndefined()
  })

  it('a read-only mount refuses writes but reads fine', () => {
    const v = view()
    expect(readFile(v, '/etc/config/app.conf')).toEqual({ ok: true, content: 'x=1\n' })
    expect(writeFile(v, '/etc/config/app.conf', 'y')).toBe('EROFS')
    expect(removePath(v, '/etc/config/app.conf')).toBe('EROFS')
    expect(errnoText('EROFS')).toBe('Read-only file system')
  })

  it('mount points and their ancestors exist as directories', () => {
    const v = view()
    v.mounts.push({ path: '/usr/share/nginx/html', volume: 'data' })
    expect(statPath(v, '/usr/share')).toBe('dir')
    expect(statPath(v, '/usr/share/nginx/html')).toBe('dir')
    expect(listDir(v, '/usr')).toEqual({ ok: true, names: ['share'] })
    expect(listDir(v, '/opt')).toEqual({ ok: true, names: ['deep'] })
  })

  it('reports ENOENT, ENOTDIR, EISDIR as the syscalls would', () => {
    const v = view()
    expect(readFile(v, '/nope')).toEqual({ ok: false, errno: 'ENOENT' })
    expect(readFile(v, '/tmp')).toEqual({ ok: false, errno: 'EISDIR' })
    expect(writeFile(v, '/no/dir/file', '')).toBe('ENOENT')
    writeFile(v, '/tmp/f', '')
    expect(writeFile(v, '/tmp/f/g', '')).toBe('ENOTDIR')
    expect(writeFile(v, '/tmp', '')).toBe('EISDIR')
  })

  it('mkdir: EEXIST without parents, creates ancestors with them', () => {
    const v = view()
    expect(makeDir(v, '/tmp')).toBe('EEXIST')
    expect(makeDir(v, '/a/b')).toBe('ENOENT')
    expect(makeDir(v, '/a/b/c', true)).toBeNull()
    expect(statPath(v, '/a/b')).toBe('dir')
    expect(makeDir(v, '/a/b/c', true)).toBeNull()
  })

  it('removes recursively; a mount point is emptied but stays (EBUSY)', () => {
    const v = view()
    makeDir(v, '/a/b/c', true)
    writeFile(v, '/a/b/c/f', 'x')
    expect(removePath(v, '/a')).toBe('ENOTEMPTY')
    expect(removePath(v, '/a', true)).toBeNull()
    expect(statPath(v, '/a')).toBeNull()
    writeFile(v, '/opt/x', '1')
    writeFile(v, '/opt/deep/y', '1')
    expect(removePath(v, '/opt', true)).toBe('EBUSY')
    expect(v.volumes.data?.entries).toEqual({})
    expect(v.volumes.deep?.entries).toEqual({})
  })

  it('is plain data: structuredClone keeps it whole', () => {
    const v = view()
    writeFile(v, '/opt/logs.txt', 'a\n')
    expect(structuredClone(v)).toEqual(v)
  })
})
