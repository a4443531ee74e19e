import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KINDS } from '../../../engine/model/kinds'
import { NODE_ACTIONS, SUPPORTED_ACTIONS } from '../../../engine/sim/actions'
import { formatSchemas, generateSchemas, OUTPUT } from './generate'
import { scenarioFileSchema, SCHEMA_KUBERNETES_VERSION } from '.'

type Schema = Record<string, unknown>
const root = scenarioFileSchema()
const definitions = root.definitions as Record<string, Schema>
const def = (name: string): Schema => definitions[name]!
const props = (s: Schema): Record<string, Schema> => s.properties as Record<string, Schema>

/** The definition a `kind:` value selects, through the root's if/then branches. */
function branchFor(kind: string): Schema | undefined {
  const branch = (root.allOf as Schema[]).find((b) =>
    ((b.if as Schema).allOf as Schema[]).some((s) => props(s)?.kind?.const === kind),
  )
  const ref = (branch?.then as Schema | undefined)?.$ref as string | undefined
  return ref ? def(ref.replace('#/definitions/', '')) : undefined
}

describe('generateSchemas', () => {
  it('reproduces the committed kubernetes.json (run npm run gen:schemas after changing it)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(formatSchemas(generateSchemas()))
  }, 60_000)
})

describe('scenarioFileSchema', () => {
  it('has a branch for every kind kubeplay knows, pinned to its preferred apiVersion', () => {
    for (const kind of Object.keys(KINDS)) expect(branchFor(kind), kind).toBeDefined()
    const apiVersion = (kind: string): unknown => (props(branchFor(kind)!).apiVersion!.enum as string[])[0]
    expect(apiVersion('Pod')).toBe('v1')
    expect(apiVersion('Deployment')).toBe('apps/v1')
    expect(apiVersion('CronJob')).toBe('batch/v1')
    expect(apiVersion('PodDisruptionBudget')).toBe('policy/v1')
    expect(apiVersion('HorizontalPodAutoscaler')).toBe('autoscaling/v2')
    expect(apiVersion('Scenario')).toBe('kubeplay.dev/v1alpha1')
  })

  it('keeps the API docs: field descriptions, and required fields', () => {
    const spec = def('io.k8s.api.apps.v1.DeploymentSpec')
    expect(props(spec).replicas!.description).toMatch(/^Number of desired pods/)
    // A field that refers to another type keeps its own description beside the reference.
    expect(props(spec).selector!.$ref).toBe(
      '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
    )
    expect(props(spec).selector!.description).toMatch(/^Label selector for pods/)
    expect(spec.required).toEqual(['selector', 'template'])
    expect(def('io.k8s.api.core.v1.Container').required).toEqual(['name'])
    expect(props(def('io.k8s.api.core.v1.HTTPGetAction')).port!.type).toEqual(['number', 'string'])
  })

  it('refuses unknown fields, as kubectl apply’s strict field validation does', () => {
    expect(def('io.k8s.api.core.v1.Container').additionalProperties).toBe(false)
    // Maps stay maps: labels take any key.
    const labels = props(def('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')).labels!
    expect(labels.additionalProperties).toEqual({ type: 'string' })
  })

  it('resolves every $ref', () => {
    const missing: string[] = []
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk)
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') {
            if (x !== '#' && !(x.replace('#/definitions/', '') in definitions)) missing.push(x)
          } else walk(x)
        }
      }
    }
    walk(root)
    expect(missing).toEqual([])
  })

  it('documents the behavior annotation in every object’s metadata', () => {
    const annotations = props(def('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')).annotations!
    expect(props(annotations)['kubeplay.dev/behavior']!.markdownDescription).toContain('startSeconds')
  })

  it('offers the Scenario timeline the actions the engine carries out', () => {
    const spec = props(branchFor('Scenario')!).spec!
    const action = props(spec).timeline!.items as Schema
    expect(props(action).action!.enum).toEqual([...SUPPORTED_ACTIONS])
    const nodeRule = (action.allOf as Schema[]).find((r) => props(r.if as Schema).action!.enum)
    expect(props(nodeRule!.if as Schema).action!.enum).toEqual([...NODE_ACTIONS])
  })

  it('describes the Scenario quiz with the fields the engine reads', () => {
    const spec = props(branchFor('Scenario')!).spec!
    const question = props(spec).quiz!.items as Schema
    expect(Object.keys(props(question)).sort()).toEqual(['answer', 'at', 'choices', 'explain', 'question'])
    expect(question.required).toEqual(['at', 'question', 'choices', 'answer'])
  })

  it('names a Kubernetes release', () => {
    expect(SCHEMA_KUBERNETES_VERSION).toMatch(/^1\.\d+$/)
    expect(root.title).toBe(`Kubernetes ${SCHEMA_KUBERNETES_VERSION} API`)
  })
})
