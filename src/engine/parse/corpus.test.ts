import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadManifests } from './loader'

const CORPUS = fileURLToPath(new URL('../testdata/k8s-website-examples/', import.meta.url))

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
    )
    .sort()
}

/**
 * The docs' examples that a real `kubectl apply` refuses too, with the reason. Everything else must load
 * with no error at all.
 */
const REFUSED_BY_KUBECTL: Record<string, string> = {
  // YAML forbids tabs in indentation; kubectl's YAML reader fails the same way.
  'controllers/job-pod-failure-policy-ignore.yaml': 'Tabs are not allowed as indentation',
  'pods/inject/pod-multiple-secret-env-variable.yaml': 'Tabs are not allowed as indentation',
  // `\'` is not a YAML escape inside a double-quoted string.
  'pods/inject/envars-file-container.yaml': "Invalid escape sequence \\'",
  // The API server rejects an object without a name ("resource name may not be empty").
  'controllers/job-success-policy-example.yaml': 'Job: the object has no `metadata`',
  // kubectl: "error validating data: apiVersion not set".
  'pods/inject/pod-single-secret-env-variable.yaml': 'Pod: the object has no `apiVersion`',
  // A kind (kubernetes-sigs/kind) cluster config, not a Kubernetes object.
  'pods/security/seccomp/kind.yaml': 'Cluster: the object has no `metadata`',
}

describe('the Kubernetes website examples', () => {
  const files = yamlFiles(CORPUS)

  it('are all present', () => {
    expect(files).toHaveLength(289)
  })

  it.each(files.map((f) => [relative(CORPUS, f), f]))('%s loads', (name, file) => {
    const { objects, diagnostics } = loadManifests(readFileSync(file, 'utf8'))
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const refusal = REFUSED_BY_KUBECTL[name]
    if (refusal) {
      expect(errors.map((e) => e.message)).toContain(refusal)
    } else {
      expect(errors).toEqual([])
      expect(objects.length).toBeGreaterThan(0)
    }
    for (const d of diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1)
      expect(d.col).toBeGreaterThanOrEqual(1)
    }
  })
})
